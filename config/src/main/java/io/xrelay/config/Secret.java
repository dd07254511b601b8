package io.xrelay.config;

/**
 * Key material or a token read from a {@link SecretSource}. It prints as {@code [redacted]} so that
 * logging it by mistake leaks nothing; {@link #reveal()} is the one way to the value.
 */
public final class Secret {
  private final String value;

  Secret(final String value) {
    this.value = value;
  }

  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "[redacted]";
  }
}
