package io.xrelay.config;

/**
 * The configuration file cannot be read at all (missing, a directory, no permission), as opposed to
 * a file that is read and found invalid ({@link ConfigException}).
 */
public final class ConfigFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigFileException(final String message, final Throwable cause) {
    super(message, cause);
  }
}
