package io.xrelay.relayer.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.xrelay.config.ConfigLoader;
import io.xrelay.config.RelayerConfig;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.relayer.cli.RelayerCommand;
import io.xrelay.relayer.metrics.RelayerMetrics;
import io.xrelay.substrate.keys.KeyPair;
import io.xrelay.substrate.keys.KeyScheme;
import io.xrelay.substrate.keys.Ss58;
import io.xrelay.testing.HeadlessChromium;
import io.xrelay.testing.LoopbackPorts;
import io.xrelay.testing.PrometheusServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service on the devnet, as {@code bin/relayer run} wires it: the devnet's generated
 * configuration, an SQLite store, the BEEFY finality route, the HTTP API and metrics scraped by a
 * real Prometheus.
 */
class RelayerServiceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir static Path dataDir;

  private static Vertx vertx;
  private static RelayerService service;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    final Devnet devnet = SharedDevnet.get();
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
    service.stop().await(60, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldVerifyBeefyJustificationsAndServeThemThroughTheApi() throws Exception {
    final JsonNode confirmed = awaitConfirmed(3, Duration.ofSeconds(120));
    final JsonNode first = confirmed.get(0);
    assertThat(first.path("id").asText()).startsWith("kusama-beefy/block/");
    assertThat(first.path("route").asText()).isEqualTo("kusama-beefy");

    final JsonNode item = get("/api/v1/items/" + first.path("id").asText());
    assertThat(item.path("state").asText()).isEqualTo("confirmed");
    assertThat(item.path("attempts").asInt()).isGreaterThanOrEqualTo(1);

    final JsonNode chains = get("/api/v1/chains");
    assertThat(chains)
        .extracting(chain -> chain.path("name").asText())
        .contains("kusama", "asset-hub-kusama");
    assertThat(chains)
        .allSatisfy(chain -> assertThat(chain.path("connected").asBoolean()).isTrue());

    final HttpResponse<String> ready =
        send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build());
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(send(HttpRequest.newBuilder(URI.create(base + "/health/live")).build()).statusCode())
        .isEqualTo(200);

    final String metrics =
        send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build()).body();
    assertThat(metrics)
        .contains("relayer_beefy_justifications_total{chain=\"kusama\",outcome=\"valid\"}")
        .contains("relayer_chain_finalized_block{chain=\"kusama\"}")
        .contains("relayer_chain_best_block{chain=\"kusama\"}")
        .contains("relayer_rpc_reconnects_total{chain=\"kusama\"}")
        .contains(
            "relayer_rpc_errors_total{chain=\"kusama\",method=\"chain_getHeader\",reason=\"timeout\"}")
        .contains("relayer_store_purged_items_total")
        .contains("relayer_route_items{route=\"kusama-beefy\",state=\"confirmed\"}")
        .contains("jvm_memory_used_bytes")
        .contains("relayer_crypto_secp256k1_backend{backend=\"libsecp256k1\"} 1.0");
  }

  @Test
  void shouldKeepTheDevnetsBeefyClientInSyncOutOfTheBox() throws Exception {
    final String accepted =
        "relayer_beefy_submissions_total{outcome=\"accepted\",protocol=\"fiat-shamir\","
            + "route=\"kusama-to-ethereum\"} ";
    final long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    double landed = 0;
    String metrics = "";
    while (landed < 1 && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      metrics = send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build()).body();
      for (final String line : metrics.split("\n")) {
        if (line.startsWith(accepted)) {
          landed = Double.parseDouble(line.substring(accepted.length()));
        }
      }
    }
    assertThat(landed).as("BEEFY updates landed by the generated config's route").isPositive();
    assertThat(metrics)
        .contains("relayer_beefy_contract_latest_block{route=\"kusama-to-ethereum\"}")
        .contains("relayer_beefy_mmr_root_mismatch_total{route=\"kusama-to-ethereum\"} 0.0")
        .contains(
            "relayer_beefy_gas_used_count{protocol=\"fiat-shamir\",route=\"kusama-to-ethereum\"}");
  }

  @Test
  void shouldRefuseAdminActionsWithoutAToken() throws Exception {
    final HttpResponse<String> retry =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/items/kusama-beefy/block/1/retry"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(retry.statusCode()).isEqualTo(403);
    final HttpResponse<String> badState =
        send(HttpRequest.newBuilder(URI.create(base + "/api/v1/items?state=nonsense")).build());
    assertThat(badState.statusCode()).isEqualTo(400);
    assertThat(badState.body()).contains("state: 'nonsense'");
  }

  @Test
  void shouldBeScrapedByARealPrometheus(@TempDir final Path prometheusDir) throws Exception {
    awaitConfirmed(1, Duration.ofSeconds(120));
    try (PrometheusServer prometheus =
        PrometheusServer.scraping(URI.create(base).getAuthority(), prometheusDir)) {
      final JsonNode up =
          prometheus.awaitSeries("up{job=\"relayer\"} == 1", Duration.ofSeconds(60));
      assertThat(up.get(0).path("value").get(1).asText()).isEqualTo("1");
      final JsonNode valid =
          prometheus.awaitSeries(
              "relayer_beefy_justifications_total{outcome=\"valid\"} > 0", Duration.ofSeconds(60));
      assertThat(valid.get(0).path("metric").path("chain").asText()).isEqualTo("kusama");
      prometheus.awaitSeries(
          "relayer_chain_finalized_block{chain=\"asset-hub-kusama\"}", Duration.ofSeconds(30));
    }
  }

  @Test
  void shouldShowChainsRoutesAndBeefyOnTheDashboardInHeadlessChromium(
      @TempDir final Path browserDir) throws Exception {
    awaitConfirmed(1, Duration.ofSeconds(120));
    try (HeadlessChromium browser = HeadlessChromium.start(browserDir)) {
      browser.open(URI.create(base + "/"));
      browser.await(
          "kusama shown connected",
          "const row = document.querySelector('#chains tr[data-chain=\"kusama\"]');"
              + " return !!row && row.innerText.includes('connected')"
              + " && !row.innerText.includes('disconnected');",
          Duration.ofSeconds(30));
      browser.await(
          "the BEEFY route with confirmed items",
          "const row = document.querySelector('#routes tr[data-route=\"kusama-beefy\"]');"
              + " return !!row && Number(row.children[7].innerText) > 0;",
          Duration.ofSeconds(30));
      browser.await(
          "the latest verified BEEFY block",
          "return document.querySelector('#beefy tbody').innerText.includes('kusama (verified here)');",
          Duration.ofSeconds(30));
      browser.await(
          "the BeefyClient contract's latest BEEFY block",
          "return document.querySelector('#beefy tbody').innerText"
              + ".includes('kusama-to-ethereum (in the BeefyClient contract)');",
          Duration.ofSeconds(30));
      final Path screenshot = browser.screenshot(Path.of("target", "dashboard-service.png"));
      assertThat(Files.size(screenshot)).isGreaterThan(1_000);
    }
  }

  @Test
  void shouldFollowARealTransferOnTheDashboardInHeadlessChromium(@TempDir final Path browserDir)
      throws Exception {
    try (HeadlessChromium browser = HeadlessChromium.start(browserDir)) {
      browser.open(URI.create(base + "/"));
      browser.await(
          "the journeys stream open",
          "return document.getElementById('stream-state').innerText === 'live';",
          Duration.ofSeconds(30));

      // a real teleport, with the real command, while the page is open
      final String beneficiary =
          Ss58.encode(
              KeyPair.fromUri("//Dashboard" + System.nanoTime(), KeyScheme.ED25519).accountId(),
              Ss58.KUSAMA);
      final StringWriter out = new StringWriter();
      final StringWriter err = new StringWriter();
      final int exit =
          RelayerCommand.execute(
              new String[] {
                "xcm",
                "transfer",
                "--config",
                SharedDevnet.get().configFile().toString(),
                "--from",
                "kusama",
                "--to",
                "asset-hub-kusama",
                "--asset",
                "KSM",
                "--amount",
                "1.5",
                "--beneficiary",
                beneficiary,
                "--key",
                "//Alice",
                "--scheme",
                "ed25519",
                "--timeout",
                "90",
                "--json"
              },
              new PrintWriter(out, true),
              new PrintWriter(err, true),
              Map.of());
      assertThat(exit).as(out + " " + err).isZero();
      final JsonNode transfer = JSON.readTree(out.toString());
      assertThat(transfer.path("outcome").asText()).isEqualTo("success");

      // the tracker's journey for the transfer's extrinsic, and its row on the page
      final JsonNode journey =
          awaitJourney(transfer.path("origin").path("extrinsic").asText(), Duration.ofSeconds(90));
      final String messageId = journey.path("messageId").asText();
      // the command and the tracker name the message alike
      assertThat(journey.path("ids").toString()).contains(transfer.path("messageId").asText());
      browser.await(
          "the journey's row turned successful",
          "const row = document.querySelector('#journeys tr[data-message-id=\""
              + messageId
              + "\"]'); return !!row && row.dataset.outcome === 'success';",
          Duration.ofSeconds(60));
      browser.evaluate(
          "document.querySelector('#journeys tr[data-message-id=\""
              + messageId
              + "\"]').click(); return true;");
      browser.await(
          "the journey's legs on both chains",
          "const legs = document.querySelector('#legs tbody').innerText;"
              + " return legs.includes('kusama') && legs.includes('asset-hub-kusama');",
          Duration.ofSeconds(30));
      final Path screenshot = browser.screenshot(Path.of("target", "dashboard-xcm-journey.png"));
      assertThat(Files.size(screenshot)).isGreaterThan(1_000);
    }
  }

  private static JsonNode awaitJourney(final String key, final Duration timeout) throws Exception {
    final long deadline = System.nanoTime() + timeout.toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline) {
      last = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/xcm/journeys/" + key)).build());
      if (last.statusCode() == 200) {
        final JsonNode journey = JSON.readTree(last.body());
        if (journey.path("outcome").asText().equals("success")) {
          return journey;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "no successful journey for "
            + key
            + " within "
            + timeout
            + ": "
            + (last == null ? "" : last.statusCode() + " " + last.body()));
  }

  private static JsonNode awaitConfirmed(final int count, final Duration timeout) throws Exception {
    final long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode items = JSON.createArrayNode();
    while (System.nanoTime() < deadline) {
      items = get("/api/v1/items?route=kusama-beefy&state=confirmed");
      if (items.size() >= count) {
        return items;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "fewer than " + count + " confirmed BEEFY items within " + timeout + ": " + items);
  }

  private static JsonNode get(final String path) throws Exception {
    final HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(base + path)).build());
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> send(final HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
