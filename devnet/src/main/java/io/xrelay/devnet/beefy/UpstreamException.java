package io.xrelay.devnet.beefy;

/** A call to chopsticks failed: it answered with an error, timed out, or the socket closed. */
public final class UpstreamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UpstreamException(final String method, final String message) {
    super(method.isEmpty() ? message : method + ": " + message);
  }
}
