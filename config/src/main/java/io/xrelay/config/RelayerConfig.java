package io.xrelay.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration of one relayer instance, after defaults, presets, environment and flags
 * are applied and everything is validated. Maps keep the order of the file.
 */
public record RelayerConfig(
    Path dataDir,
    LogFormat logFormat,
    Duration shutdownGracePeriod,
    HttpConfig http,
    StoreConfig store,
    Map<String, ChainConfig> chains,
    Map<String, SignerConfig> signers,
    Map<String, RouteConfig> routes,
    RetryPolicy retry) {
  public static final Path DEFAULT_DATA_DIR = Path.of("./data");
  public static final Duration DEFAULT_SHUTDOWN_GRACE_PERIOD = Duration.ofSeconds(30);

  public RelayerConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(logFormat, "logFormat");
    Objects.requireNonNull(shutdownGracePeriod, "shutdownGracePeriod");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(store, "store");
    chains = Collections.unmodifiableMap(new LinkedHashMap<>(chains));
    signers = Collections.unmodifiableMap(new LinkedHashMap<>(signers));
    routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    Objects.requireNonNull(retry, "retry");
  }

  public Optional<ChainConfig> chain(final String name) {
    return Optional.ofNullable(chains.get(name));
  }

  public Optional<SignerConfig> signer(final String name) {
    return Optional.ofNullable(signers.get(name));
  }

  public Optional<RouteConfig> route(final String name) {
    return Optional.ofNullable(routes.get(name));
  }
}
