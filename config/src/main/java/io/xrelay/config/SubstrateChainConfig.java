package io.xrelay.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** A Substrate chain (a relay chain or a parachain) reached over ws:// or wss://. */
public record SubstrateChainConfig(
    String name,
    Optional<NetworkPreset> preset,
    List<URI> endpoints,
    Duration requestTimeout,
    int ss58Prefix,
    OptionalLong paraId)
    implements ChainConfig {
  /** The generic Substrate prefix, used when neither the file nor a preset gives one. */
  public static final int DEFAULT_SS58_PREFIX = 42;

  public SubstrateChainConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(preset, "preset");
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(paraId, "paraId");
  }

  @Override
  public ChainKind kind() {
    return ChainKind.SUBSTRATE;
  }
}
