package io.xrelay.relayer.cli;

/**
 * Input that a command cannot read (a missing file, bytes that are not what they should be). The
 * command line prints its message as one line and exits with status 2.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(final String message) {
    super(message);
  }
}
