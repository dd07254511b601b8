package io.xrelay.relayer.route.beefy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import io.xrelay.config.ConfigLoader;
import io.xrelay.config.RelayerConfig;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.relayer.metrics.RelayerMetrics;
import io.xrelay.relayer.service.RelayerService;
import io.xrelay.relayer.service.Stores;
import io.xrelay.testing.LoopbackPorts;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The relayer service of a BEEFY-to-Ethereum test, in this JVM, and what its metrics and API say.
 */
final class InProcessRelayer {
  final RelayerMetrics metrics = new RelayerMetrics();
  final Vertx vertx = Vertx.vertx();
  final int port;
  RelayerService service;

  private InProcessRelayer(final int port) {
    this.port = port;
  }

  /** A relayer on {@link DevnetBeefyRelay#writeConfig}'s config, with its own store in dir. */
  static InProcessRelayer start(
      final Path dir, final String protocol, final int account, final int minInterval)
      throws Exception {
    final int port = LoopbackPorts.free();
    return startWith(
        DevnetBeefyRelay.writeConfig(SharedDevnet.get(), dir, protocol, account, minInterval, port),
        port);
  }

  /** A relayer on the config in {@code file}, whose HTTP API is on {@code port}. */
  static InProcessRelayer startWith(final Path file, final int port) throws Exception {
    final InProcessRelayer relayer = new InProcessRelayer(port);
    final RelayerConfig config = new ConfigLoader(Map.of()).load(file, Map.of()).config();
    relayer.service =
        new RelayerService(
            relayer.vertx,
            config,
            Stores.open(relayer.vertx, config.store(), Clock.systemUTC()),
            relayer.metrics,
            Clock.systemUTC());
    relayer.service.start().await(180, TimeUnit.SECONDS);
    return relayer;
  }

  /** Submissions with {@code outcome}, whatever the protocol. */
  double submissions(final String outcome) {
    return metrics
        .registry()
        .find("relayer.beefy.submissions")
        .tag("outcome", outcome)
        .counters()
        .stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  double submissions(final String protocol, final String outcome) {
    final Counter counter =
        metrics
            .registry()
            .find("relayer.beefy.submissions")
            .tag("protocol", protocol)
            .tag("outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  /** The newest BEEFY-justified block the route has seen. */
  double chainLatest() {
    final io.micrometer.core.instrument.Gauge gauge =
        metrics.registry().find("relayer.beefy.chain.latest.block").gauge();
    return gauge == null ? 0 : gauge.value();
  }

  java.net.http.HttpResponse<String> demand(final String route, final long block) throws Exception {
    return post("/api/v1/routes/" + route + "/beefy-root?block=" + block, true);
  }

  java.net.http.HttpResponse<String> post(final String path, final boolean withToken)
      throws Exception {
    final java.net.http.HttpRequest.Builder request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
            .POST(java.net.http.HttpRequest.BodyPublishers.noBody());
    if (withToken) {
      request.header("Authorization", "Bearer " + DevnetBeefyRelay.ADMIN_TOKEN);
    }
    return java.net.http.HttpClient.newHttpClient()
        .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  double mmrMismatches() {
    final Counter counter = metrics.registry().find("relayer.beefy.mmr.root.mismatch").counter();
    return counter == null ? 0 : counter.count();
  }

  double itemsIn(final String state) {
    final io.micrometer.core.instrument.Gauge gauge =
        metrics.registry().find("relayer.route.items").tag("state", state).gauge();
    return gauge == null ? 0 : gauge.value();
  }

  java.net.http.HttpResponse<String> get(final String path) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + path))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  /** Items of the route not yet final either way (queued, in flight, submitted, failed). */
  double openItems() {
    double open = 0;
    for (final String state : List.of("pending", "in_flight", "submitted", "failed")) {
      final io.micrometer.core.instrument.Gauge gauge =
          metrics.registry().find("relayer.route.items").tag("state", state).gauge();
      open += gauge == null ? 0 : gauge.value();
    }
    return open;
  }

  Timer latency(final String protocol, final String stage) {
    return metrics
        .registry()
        .find("relayer.beefy.update.latency")
        .tag("protocol", protocol)
        .tag("stage", stage)
        .timer();
  }

  DistributionSummary gas(final String protocol) {
    return metrics.registry().find("relayer.beefy.gas.used").tag("protocol", protocol).summary();
  }

  void stop() throws Exception {
    service.stop().await(60, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }
}
