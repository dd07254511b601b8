package io.xrelay.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.xrelay.config.ConfigLoader;
import io.xrelay.config.RelayerConfig;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.relayer.metrics.RelayerMetrics;
import io.xrelay.relayer.service.RelayerService;
import io.xrelay.relayer.service.Stores;
import io.xrelay.testing.LoopbackPorts;
import io.xrelay.testing.PrometheusServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard and the alert rules against the real relayer on the devnet: every metric they read
 * is exported, and a real Prometheus with the rules raises the stall alert when the devnet stops
 * making blocks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringOnDevnetIT {
  /** Series that Prometheus makes itself, not the relayer. */
  private static final Set<String> FROM_PROMETHEUS = Set.of("up");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir static Path dataDir;

  private static Devnet devnet;
  private static Vertx vertx;
  private static RelayerService service;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    devnet = SharedDevnet.get();
    final int port = LoopbackPorts.free();
    final RelayerConfig config =
        new ConfigLoader(Map.of())
            .load(
                devnet.configFile(),
                Map.of(
                    "data-dir", dataDir.toString(),
                    "http.port", Integer.toString(port),
                    "store.path", dataDir.resolve("relayer.db").toString()))
            .config();
    final RelayerMetrics metrics = new RelayerMetrics();
    vertx = Vertx.vertx();
    service =
        new RelayerService(
            vertx,
            config,
            Stores.open(vertx, config.store(), Clock.systemUTC()),
            metrics,
            Clock.systemUTC());
    service.start().await(180, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + port;
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.stop().await(60, TimeUnit.SECONDS);
    }
    if (vertx != null) {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @Order(1)
  void shouldExportEveryMetricTheDashboardAndTheRulesRead() throws Exception {
    final Set<String> used = new TreeSet<>(PromqlMetricNames.inDashboard(K8sTools.DASHBOARD));
    used.addAll(PromqlMetricNames.inRuleFile(K8sTools.RULES));
    assertThat(used).contains("relayer_chain_finalized_block", "relayer_route_items", "up");
    final Set<String> onFirstEvent = exportedOnFirstEvent();

    // Gauges and histograms appear as the service works: wait for its first verified blocks.
    final long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    Set<String> missing;
    do {
      final Set<String> exported = new TreeSet<>(seriesNames(get("/metrics")));
      exported.addAll(onFirstEvent);
      missing = new TreeSet<>();
      for (final String name : used) {
        if (!exported.contains(name) && !FROM_PROMETHEUS.contains(name)) {
          missing.add(name);
        }
      }
      if (!missing.isEmpty()) {
        Thread.sleep(1_000);
      }
    } while (!missing.isEmpty() && System.nanoTime() < deadline);
    assertThat(missing)
        .as("metrics the dashboard or rules read that the relayer does not export")
        .isEmpty();
  }

  @Test
  @Order(2)
  void shouldRaiseTheStallAlertInARealPrometheusWhenBlocksStop(@TempDir final Path work)
      throws Exception {
    try (PrometheusServer prometheus =
        PrometheusServer.scraping(URI.create(base).getAuthority(), work, List.of(K8sTools.RULES))) {
      prometheus.awaitSeries(
          "relayer_chain_finalized_block{chain=\"kusama\"}", Duration.ofSeconds(90));
      final JsonNode groups = prometheus.get("/api/v1/rules").path("groups");
      assertThat(groups.get(0).path("rules"))
          .allSatisfy(rule -> assertThat(rule.path("health").asText()).isNotEqualTo("err"))
          .hasSize(AlertRulesIT.alertNames().size());
      Thread.sleep(5_000); // a few evaluations on a healthy devnet
      assertThat(activeAlerts(prometheus, "XrelayChainStalled")).isEmpty();
      assertThat(activeAlerts(prometheus, "XrelayDown")).isEmpty();

      devnet.pauseBlockProduction();
      try {
        final long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        List<JsonNode> stalled = List.of();
        while (stalled.isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(2_000);
          stalled = activeAlerts(prometheus, "XrelayChainStalled");
        }
        assertThat(stalled).as("XrelayChainStalled pending or firing within 150 s").isNotEmpty();
        assertThat(stalled)
            .extracting(alert -> alert.path("labels").path("chain").asText())
            .contains("kusama");
        assertThat(stalled)
            .allSatisfy(
                alert -> assertThat(alert.path("state").asText()).isIn("pending", "firing"));
      } finally {
        devnet.resumeBlockProduction();
      }
      // Blocks come again, so the tests after this one see a live devnet.
      prometheus.awaitSeries(
          "relayer_chain_lag_seconds{chain=\"kusama\"} < 10", Duration.ofSeconds(60));
    }
  }

  /**
   * Counters that appear in /metrics with their first event (an RPC error, a reconnect, a failed or
   * dead-lettered item), which a healthy devnet does not have: their names as the relayer's own
   * {@link RelayerMetrics} exports them.
   */
  private static Set<String> exportedOnFirstEvent() {
    // failures carry their reason as a label, so the series exists only after the first failure
    final RelayerMetrics metrics = new RelayerMetrics();
    metrics.failures("kusama-beefy", "rpc").increment();
    final Set<String> names = seriesNames(metrics.scrape());
    assertThat(names).contains("relayer_route_failures_total");
    return names;
  }

  private static List<JsonNode> activeAlerts(final PrometheusServer prometheus, final String name)
      throws Exception {
    final List<JsonNode> alerts = new java.util.ArrayList<>();
    for (final JsonNode alert : prometheus.get("/api/v1/alerts").path("alerts")) {
      if (name.equals(alert.path("labels").path("alertname").asText())) {
        alerts.add(alert);
      }
    }
    return alerts;
  }

  static Set<String> seriesNames(final String exposition) {
    final Set<String> names = new TreeSet<>();
    exposition
        .lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .forEach(
            line -> {
              int end = 0;
              while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
              }
              names.add(line.substring(0, end));
            });
    return names;
  }

  private static String get(final String path) throws Exception {
    final HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }
}
