package io.xrelay.config;

import java.util.List;
import java.util.Map;

/** Loads YAML text as a test sees it: the config, or the errors as "path: message" lines. */
final class ConfigRun {
  private ConfigRun() {}

  static LoadedConfig load(final String yaml) {
    return load(yaml, Map.of(), Map.of());
  }

  static LoadedConfig load(
      final String yaml, final Map<String, String> environment, final Map<String, String> flags) {
    return new ConfigLoader(environment).parse(yaml, flags);
  }

  static List<String> errors(final String yaml) {
    return errors(yaml, Map.of(), Map.of());
  }

  static List<String> errors(
      final String yaml, final Map<String, String> environment, final Map<String, String> flags) {
    try {
      load(yaml, environment, flags);
    } catch (ConfigException e) {
      return e.errors().stream().map(ConfigError::toString).toList();
    }
    throw new AssertionError("expected the configuration to be invalid:\n" + yaml);
  }
}
