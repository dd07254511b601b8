package io.xrelay.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A chain the relayer connects to, under the name the rest of the configuration uses. */
public sealed interface ChainConfig permits SubstrateChainConfig, EthereumChainConfig {
  Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  String name();

  ChainKind kind();

  /** The preset its defaults came from, if any. */
  Optional<NetworkPreset> preset();

  /** Tried in order; the next one is used when one fails. */
  List<URI> endpoints();

  Duration requestTimeout();
}
