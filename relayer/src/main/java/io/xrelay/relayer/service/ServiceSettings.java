package io.xrelay.relayer.service;

import io.xrelay.relayer.work.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the running service needs, already validated: the config module produces it. */
public record ServiceSettings(
    Path dataDir,
    String httpHost,
    int httpPort,
    Optional<String> adminToken,
    List<Chain> chains,
    List<Route> routes,
    RetryPolicy retry,
    Duration shutdownGrace) {

  /** A chain the service connects to. */
  public record Chain(String name, String kind, List<String> endpoints) {}

  /** A route between chains; {@code kind} selects its implementation. */
  public record Route(String name, String kind, String source, String target) {}

  public ServiceSettings {
    chains = List.copyOf(chains);
    routes = List.copyOf(routes);
  }

  @Override
  public String toString() {
    return "ServiceSettings[dataDir="
        + dataDir
        + ", http="
        + httpHost
        + ":"
        + httpPort
        + ", adminToken="
        + (adminToken.isPresent() ? "set" : "none")
        + ", chains="
        + chains
        + ", routes="
        + routes
        + "]";
  }
}
