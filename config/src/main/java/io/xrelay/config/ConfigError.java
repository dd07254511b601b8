package io.xrelay.config;

import java.util.Objects;

/**
 * One problem in the configuration: the exact key path ({@code chains.kusama.endpoints[1]}) and
 * what is wrong with it. The path is empty for a problem with the whole file. Messages never carry
 * secret values.
 */
public record ConfigError(String path, String message) {
  public ConfigError {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** {@code path: message}, or the message alone for the whole file. */
  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
