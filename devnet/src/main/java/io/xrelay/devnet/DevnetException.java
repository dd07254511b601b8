package io.xrelay.devnet;

/** The devnet could not be started, reached or stopped; the message says which part and why. */
public final class DevnetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DevnetException(final String message) {
    super(message);
  }

  public DevnetException(final String message, final Throwable cause) {
    super(message, cause);
  }
}
