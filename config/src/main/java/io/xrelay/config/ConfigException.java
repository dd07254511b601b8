package io.xrelay.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration is invalid: every error found, each with its key path. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigError> errors;

  public ConfigException(final List<ConfigError> errors) {
    super(
        errors.size()
            + (errors.size() == 1 ? " configuration error" : " configuration errors")
            + ":\n"
            + errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n")));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  public List<ConfigError> errors() {
    return errors;
  }
}
