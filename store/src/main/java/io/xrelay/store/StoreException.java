package io.xrelay.store;

/** A store operation failed; {@link #retryable()} says whether trying again can help. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public StoreException(final String message, final boolean retryable, final Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
