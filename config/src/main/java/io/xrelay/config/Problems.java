package io.xrelay.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The errors and warnings found while binding, each tagged with the variable or flag that set the
 * value when it did not come from the file.
 */
final class Problems {
  private final List<ConfigError> errors = new ArrayList<>();
  private final List<ConfigError> warnings = new ArrayList<>();
  private final Map<String, String> origins;

  Problems(final Map<String, String> origins) {
    this.origins = Map.copyOf(origins);
  }

  void error(final String path, final String message) {
    errors.add(new ConfigError(path, message + originOf(path)));
  }

  void warning(final String path, final String message) {
    warnings.add(new ConfigError(path, message + originOf(path)));
  }

  void addErrors(final List<ConfigError> more) {
    errors.addAll(more);
  }

  List<ConfigError> errors() {
    return List.copyOf(errors);
  }

  List<ConfigError> warnings() {
    return List.copyOf(warnings);
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** " (from environment variable RELAYER_HTTP_PORT)" for a value the environment set. */
  private String originOf(final String path) {
    final int index = path.indexOf('[');
    final String origin = origins.get(index < 0 ? path : path.substring(0, index));
    return origin == null ? "" : " (from " + origin + ")";
  }
}
