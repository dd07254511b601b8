package io.xrelay.config;

import java.util.List;
import java.util.Objects;

/**
 * A valid configuration and the warnings found while loading it (a world-readable key file, a
 * {@code RELAYER_*} variable that names no key, a signer no route uses).
 */
public record LoadedConfig(RelayerConfig config, List<ConfigError> warnings) {
  public LoadedConfig {
    Objects.requireNonNull(config, "config");
    warnings = List.copyOf(warnings);
  }
}
