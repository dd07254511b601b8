package io.xrelay.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An Ethereum chain reached over http(s):// or ws(s)://. */
public record EthereumChainConfig(
    String name,
    Optional<NetworkPreset> preset,
    List<URI> endpoints,
    Duration requestTimeout,
    long chainId,
    EthereumFinality finality)
    implements ChainConfig {
  public EthereumChainConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(preset, "preset");
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(finality, "finality");
  }

  @Override
  public ChainKind kind() {
    return ChainKind.ETHEREUM;
  }
}
