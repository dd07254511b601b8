package io.xrelay.relayer.xcm.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xrelay.config.ConfigLoader;
import io.xrelay.config.RelayerConfig;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.relayer.metrics.RelayerMetrics;
import io.xrelay.relayer.service.RelayerService;
import io.xrelay.relayer.service.Stores;
import io.xrelay.scale.Hex;
import io.xrelay.substrate.client.ExtrinsicOutcome;
import io.xrelay.substrate.client.ExtrinsicSubmitter;
import io.xrelay.substrate.client.SubstrateClient;
import io.xrelay.substrate.client.WebSocketRpcClient;
import io.xrelay.substrate.extrinsic.ExtrinsicBuilder;
import io.xrelay.substrate.extrinsic.SignedExtrinsic;
import io.xrelay.substrate.keys.KeyPair;
import io.xrelay.substrate.keys.KeyScheme;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.value.Value;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracker in the running service on the devnet: a real KSM teleport from Kusama to Asset Hub,
 * signed here and executed by the real runtimes, followed to its outcome through the journeys API,
 * the SSE stream, the metrics and a webhook receiver that fails each delivery once.
 */
class XcmTrackerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final BigInteger TEN_KSM = new BigInteger("10000000000000");

  @TempDir static Path dataDir;

  private static Vertx vertx;
  private static RelayerService service;
  private static HttpServer webhook;
  private static String base;
  private static final Map<String, List<Integer>> answers = new ConcurrentHashMap<>();
  private static final List<JsonObject> delivered = new CopyOnWriteArrayList<>();
  private static final List<String> sse = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    final Devnet devnet = SharedDevnet.get();
    vertx = Vertx.vertx();
    // The receiver answers 500 to the first attempt of every delivery, then 200.
    webhook =
        vertx
            .createHttpServer()
            .requestHandler(
                request ->
                    request
                        .body()
                        .onSuccess(
                            body -> {
                              final String id = request.getHeader("x-xrelay-delivery");
                              final List<Integer> seen =
                                  answers.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
                              final int status = seen.isEmpty() ? 500 : 200;
                              seen.add(status);
                              if (status == 200) {
                                delivered.add(body.toJsonObject());
                              }
                              request.response().setStatusCode(status).end();
                            }))
            .listen(0, "127.0.0.1")
            .await(10, TimeUnit.SECONDS);
    final int port = freePort();
    final Path config = dataDir.resolve("relayer.yaml");
    Files.writeString(config, configWithWebhook(devnet.configFile(), webhook.actualPort()));
    final RelayerConfig loaded =
        new ConfigLoader(Map.of())
            .load(
                config,
                Map.of(
                    "data-dir", dataDir.toString(),
                    "http.port", Integer.toString(port),
                    "store.path", dataDir.resolve("relayer.db").toString()))
            .config();
    service =
        new RelayerService(
            vertx,
            loaded,
            Stores.open(vertx, loaded.store(), Clock.systemUTC()),
            new RelayerMetrics(),
            Clock.systemUTC());
    service.start().await(180, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + port;
    HTTP.sendAsync(
        HttpRequest.newBuilder(URI.create(base + "/api/v1/xcm/events")).build(),
        HttpResponse.BodyHandlers.fromLineSubscriber(new LineCollector()));
  }

  /** The devnet's configuration with its routes replaced by two trackers, one with a webhook. */
  private static String configWithWebhook(final Path devnetConfig, final int webhookPort)
      throws Exception {
    final String yaml = Files.readString(devnetConfig);
    return yaml.substring(0, yaml.indexOf("routes:"))
        + "routes:\n"
        + "  kusama-to-asset-hub:\n"
        + "    kind: xcm-tracker\n"
        + "    source: kusama\n"
        + "    target: asset-hub-kusama\n"
        + "    webhooks: [\"http://127.0.0.1:"
        + webhookPort
        + "/hook\"]\n"
        + "    retry:\n"
        + "      initial-backoff: 200ms\n"
        + "      max-backoff: 1s\n"
        + "  asset-hub-to-kusama:\n"
        + "    kind: xcm-tracker\n"
        + "    source: asset-hub-kusama\n"
        + "    target: kusama\n";
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.stop().await(60, TimeUnit.SECONDS);
    }
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldFollowARealTeleportToItsOutcome() throws Exception {
    final Devnet devnet = SharedDevnet.get();
    final WebSocketRpcClient rpc =
        WebSocketRpcClient.connect(
                vertx, WebSocketRpcClient.Options.of(List.of(devnet.endpoints().kusamaWs())))
            .await(30, TimeUnit.SECONDS);
    try {
      final SubstrateClient kusama = new SubstrateClient(rpc);
      final KeyPair sender = KeyPair.fromUri("//Tracker" + UUID.randomUUID(), KeyScheme.ED25519);
      fund(rpc, sender.accountId(), TEN_KSM.multiply(BigInteger.TEN));
      final byte[] beneficiary =
          KeyPair.fromUri("//Beneficiary" + UUID.randomUUID(), KeyScheme.ED25519).accountId();

      final RuntimeMetadata metadata =
          kusama
              .metadata(kusama.finalizedHead().await(30, TimeUnit.SECONDS))
              .await(30, TimeUnit.SECONDS);
      // This runtime (spec 1000000) takes XCM V3 arguments of its own type names; the call is
      // encoded from its metadata as polkadot-js would.
      final ExtrinsicBuilder builder = new ExtrinsicBuilder(metadata);
      final byte[] call =
          builder.encodeCall(
              "XcmPallet",
              "limited_teleport_assets",
              Value.named(
                  "dest",
                  v3Location(Value.variant("X1", Value.variant("Parachain", Value.of(1000)))),
                  "beneficiary",
                  v3Location(
                      Value.variant(
                          "X1",
                          Value.variant(
                              "AccountId32",
                              Value.named(
                                  "network", Value.variant("None"),
                                  "id", Value.bytes(beneficiary))))),
                  "assets",
                  Value.variant(
                      "V3",
                      Value.sequence(
                          List.of(
                              Value.named(
                                  "id",
                                  Value.variant(
                                      "Concrete",
                                      Value.tuple(
                                          Value.named(
                                              "parents", Value.of(0),
                                              "interior", Value.variant("Here")))),
                                  "fun",
                                  Value.variant("Fungible", Value.of(TEN_KSM)))))),
                  "fee_asset_item",
                  Value.of(0),
                  "weight_limit",
                  Value.variant("Unlimited")));
      final ExtrinsicSubmitter submitter = new ExtrinsicSubmitter(vertx, kusama);
      final SignedExtrinsic extrinsic =
          builder.sign(
              call,
              sender,
              submitter.signingParameters(sender.accountId()).await(30, TimeUnit.SECONDS));
      final long submitted = System.nanoTime();
      final ExtrinsicOutcome outcome =
          submitter
              .submitAndWatch(extrinsic, true, Duration.ofSeconds(60))
              .await(90, TimeUnit.SECONDS);
      assertThat(outcome.success()).as(outcome.reason()).isTrue();

      // Found by the extrinsic that sent it, and followed to its execution on Asset Hub.
      final JsonNode journey = awaitOutcome(extrinsic.hash(), Duration.ofSeconds(120));
      final double seconds = (System.nanoTime() - submitted) / 1e9;
      System.out.printf(
          "XcmTrackerIT: submission to tracked outcome %.2f s (journey %s)%n",
          seconds, journey.path("messageId").asText());
      assertThat(journey.path("outcome").asText()).isEqualTo("success");
      assertThat(journey.path("origin").asText()).isEqualTo("kusama");
      assertThat(journey.path("destination").asText()).isEqualTo("asset-hub-kusama");
      final String messageId = journey.path("messageId").asText();
      assertThat(journey.path("ids")).extracting(JsonNode::asText).contains(extrinsic.hash());
      final JsonNode sent = journey.path("legs").get(0);
      assertThat(sent.path("kind").asText()).isEqualTo("sent");
      assertThat(sent.path("chain").asText()).isEqualTo("kusama");
      assertThat(sent.path("block").asLong()).isEqualTo(outcome.blockNumber());
      final JsonNode received = journey.path("legs").get(journey.path("legs").size() - 1);
      assertThat(received.path("kind").asText()).isEqualTo("received");
      assertThat(received.path("chain").asText()).isEqualTo("asset-hub-kusama");
      assertThat(received.path("event").asText()).isEqualTo("DmpQueue.ExecutedDownward");
      assertThat(received.path("outcome").asText()).isEqualTo("success");

      // The same journey by its message id, and in the list of successes to Asset Hub.
      assertThat(get("/api/v1/xcm/journeys/" + messageId).path("legs"))
          .hasSameSizeAs(journey.path("legs"));
      assertThat(
              get(
                  "/api/v1/xcm/journeys?origin=kusama&destination=asset-hub-kusama&outcome=success"))
          .extracting(j -> j.path("messageId").asText())
          .contains(messageId);

      // Streamed as server-sent events.
      awaitTrue(
          () ->
              sse.stream()
                  .anyMatch(
                      line ->
                          line.startsWith("data: ")
                              && line.contains(messageId)
                              && line.contains("\"outcome\":\"success\"")),
          Duration.ofSeconds(30));

      // Posted to the webhook: every delivery refused once, then accepted exactly once.
      awaitTrue(
          () ->
              delivered.stream()
                  .anyMatch(
                      body ->
                          body.getJsonObject("journey").getString("messageId").equals(messageId)
                              && body.getJsonObject("journey")
                                  .getString("outcome")
                                  .equals("success")),
          Duration.ofSeconds(60));
      Thread.sleep(3_000); // a second delivery would come within the retry backoff
      assertThat(answers).isNotEmpty();
      answers.forEach((id, statuses) -> assertThat(statuses).as(id).containsExactly(500, 200));
      assertThat(
              delivered.stream()
                  .filter(
                      body ->
                          body.getJsonObject("journey").getString("messageId").equals(messageId)
                              && body.getJsonObject("journey")
                                  .getString("outcome")
                                  .equals("success"))
                  .count())
          .isEqualTo(1);

      // Counted.
      final String metrics =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(metrics)
          .containsPattern(
              "relayer_xcm_messages_total\\{destination=\"asset-hub-kusama\",origin=\"kusama\","
                  + "outcome=\"success\"} [1-9]")
          .contains(
              "relayer_xcm_messages_total{destination=\"kusama\",origin=\"asset-hub-kusama\","
                  + "outcome=\"timeout\"} 0.0")
          .contains("relayer_xcm_pending{destination=\"asset-hub-kusama\",origin=\"kusama\"}")
          .contains("relayer_xcm_timeouts_total 0.0")
          .contains("relayer_xcm_journey_seconds_bucket");
    } finally {
      rpc.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static Value v3Location(final Value interior) {
    return Value.variant(
        "V3", Value.tuple(Value.named("parents", Value.of(0), "interior", interior)));
  }

  private static JsonNode awaitOutcome(final String id, final Duration timeout) throws Exception {
    final long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      final HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/xcm/journeys/" + id)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        last = JSON.readTree(response.body());
        if (!last.path("outcome").asText().equals("pending")) {
          return last;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no outcome for " + id + " within " + timeout + ": " + last);
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void awaitTrue(final Condition condition, final Duration timeout)
      throws Exception {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.holds()) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not within " + timeout);
  }

  private static JsonNode get(final String path) throws Exception {
    final HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static void fund(
      final WebSocketRpcClient rpc, final byte[] account, final BigInteger free) throws Exception {
    final JsonObject info =
        new JsonObject()
            .put("providers", 1)
            .put("data", new JsonObject().put("free", free.toString()));
    final JsonArray entry = new JsonArray().add(new JsonArray().add(Hex.encode(account))).add(info);
    rpc.call(
            "dev_setStorage",
            new JsonObject()
                .put("System", new JsonObject().put("Account", new JsonArray().add(entry))))
        .await(30, TimeUnit.SECONDS);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Collects the SSE stream's lines. */
  private static final class LineCollector implements java.util.concurrent.Flow.Subscriber<String> {
    @Override
    public void onSubscribe(final java.util.concurrent.Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(final String line) {
      sse.add(line);
    }

    @Override
    public void onError(final Throwable error) {
      sse.add("error: " + error.getMessage());
    }

    @Override
    public void onComplete() {}
  }
}
