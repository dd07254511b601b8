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
import io.xrelay.testing.LoopbackPorts;
import java.math.BigInteger;
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
    final int port = LoopbackPorts.free();
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
      final byte[] beneficiary =
          KeyPair.fromUri("//Beneficiary" + UUID.randomUUID(), KeyScheme.ED25519).accountId();
      final long submitted = System.nanoTime();
      final Teleport teleport =
          teleport(
              rpc,
              "XcmPallet",
              Value.variant("X1", Value.variant("Parachain", Value.of(1000))),
              0,
              accountId32(beneficiary),
              0);
      final ExtrinsicOutcome outcome = teleport.outcome();
      final SignedExtrinsic extrinsic = teleport.extrinsic();
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
      final Map<String, List<Integer>> mine = new java.util.HashMap<>(answers);
      mine.keySet().removeIf(id -> !id.contains(messageId));
      assertThat(mine).isNotEmpty();
      mine.forEach((id, statuses) -> assertThat(statuses).as(id).containsExactly(500, 200));
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

  private static Value v3Location(final int parents, final Value interior) {
    return Value.variant(
        "V3", Value.tuple(Value.named("parents", Value.of(parents), "interior", interior)));
  }

  private record Teleport(SignedExtrinsic extrinsic, ExtrinsicOutcome outcome) {}

  private static Value accountId32(final byte[] id) {
    return Value.variant(
        "X1",
        Value.variant(
            "AccountId32", Value.named("network", Value.variant("None"), "id", Value.bytes(id))));
  }

  /**
   * Signs and submits {@code pallet.limited_teleport_assets} of ten KSM (the chain's native token,
   * at {@code assetParents}) from a freshly funded account, with the XCM V3 arguments of the
   * devnet's runtimes (spec 1000000), encoded from the chain's metadata as polkadot-js would.
   */
  private static Teleport teleport(
      final WebSocketRpcClient rpc,
      final String pallet,
      final Value destInterior,
      final int destParents,
      final Value beneficiaryInterior,
      final int assetParents)
      throws Exception {
    final SubstrateClient chain = new SubstrateClient(rpc);
    final KeyPair sender = KeyPair.fromUri("//Tracker" + UUID.randomUUID(), KeyScheme.ED25519);
    fund(rpc, sender.accountId(), TEN_KSM.multiply(BigInteger.TEN));
    final RuntimeMetadata metadata =
        chain
            .metadata(chain.finalizedHead().await(30, TimeUnit.SECONDS))
            .await(30, TimeUnit.SECONDS);
    final ExtrinsicBuilder builder = new ExtrinsicBuilder(metadata);
    final byte[] call =
        builder.encodeCall(
            pallet,
            "limited_teleport_assets",
            Value.named(
                "dest",
                v3Location(destParents, destInterior),
                "beneficiary",
                v3Location(0, beneficiaryInterior),
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
                                            "parents", Value.of(assetParents),
                                            "interior", Value.variant("Here")))),
                                "fun",
                                Value.variant("Fungible", Value.of(TEN_KSM)))))),
                "fee_asset_item",
                Value.of(0),
                "weight_limit",
                Value.variant("Unlimited")));
    final ExtrinsicSubmitter submitter = new ExtrinsicSubmitter(vertx, chain);
    final SignedExtrinsic extrinsic =
        builder.sign(
            call,
            sender,
            submitter.signingParameters(sender.accountId()).await(30, TimeUnit.SECONDS));
    final ExtrinsicOutcome outcome =
        submitter
            .submitAndWatch(extrinsic, true, Duration.ofSeconds(60))
            .await(90, TimeUnit.SECONDS);
    return new Teleport(extrinsic, outcome);
  }

  private static WebSocketRpcClient connect(final String endpoint) throws Exception {
    return WebSocketRpcClient.connect(vertx, WebSocketRpcClient.Options.of(List.of(endpoint)))
        .await(30, TimeUnit.SECONDS);
  }

  @Test
  void shouldFollowAnUpwardTeleportToTheRelayChain() throws Exception {
    final Devnet devnet = SharedDevnet.get();
    final WebSocketRpcClient relay = connect(devnet.endpoints().kusamaWs());
    final WebSocketRpcClient assetHub = connect(devnet.endpoints().assetHubWs());
    try {
      // The relay chain pays incoming teleports out of its check account ("modl" "py/xcmch").
      final byte[] checkAccount = new byte[32];
      final byte[] prefix = Hex.decode("0x6d6f646c70792f78636d6368");
      System.arraycopy(prefix, 0, checkAccount, 0, prefix.length);
      fund(relay, checkAccount, TEN_KSM.multiply(BigInteger.valueOf(100)));
      final byte[] beneficiary =
          KeyPair.fromUri("//Upward" + UUID.randomUUID(), KeyScheme.ED25519).accountId();

      final Teleport teleport =
          teleport(assetHub, "PolkadotXcm", Value.variant("Here"), 1, accountId32(beneficiary), 1);
      assertThat(teleport.outcome().success()).as(teleport.outcome().reason()).isTrue();

      final JsonNode journey = awaitOutcome(teleport.extrinsic().hash(), Duration.ofSeconds(120));
      assertThat(journey.path("outcome").asText()).isEqualTo("success");
      assertThat(journey.path("origin").asText()).isEqualTo("asset-hub-kusama");
      assertThat(journey.path("destination").asText()).isEqualTo("kusama");
      final JsonNode sent = journey.path("legs").get(0);
      assertThat(sent.path("event").asText()).isEqualTo("ParachainSystem.UpwardMessageSent");
      assertThat(sent.path("block").asLong()).isEqualTo(teleport.outcome().blockNumber());
      final JsonNode received = journey.path("legs").get(journey.path("legs").size() - 1);
      assertThat(received.path("chain").asText()).isEqualTo("kusama");
      assertThat(received.path("event").asText()).isEqualTo("MessageQueue.Processed");
      // The relay reports the topic from the queued bytes, the sender the message hash.
      assertThat(journey.path("ids").size()).isGreaterThanOrEqualTo(3);
    } finally {
      relay.close().await(10, TimeUnit.SECONDS);
      assetHub.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldTrackAFailedTeleportWithItsReasonAndTrappedAssets() throws Exception {
    final WebSocketRpcClient relay = connect(SharedDevnet.get().endpoints().kusamaWs());
    try {
      // Asset Hub cannot deposit to an AccountKey20 beneficiary: execution fails, assets trapped.
      final byte[] key20 = new byte[20];
      key20[19] = 7;
      final Teleport teleport =
          teleport(
              relay,
              "XcmPallet",
              Value.variant("X1", Value.variant("Parachain", Value.of(1000))),
              0,
              Value.variant(
                  "X1",
                  Value.variant(
                      "AccountKey20",
                      Value.named("network", Value.variant("None"), "key", Value.bytes(key20)))),
              0);
      assertThat(teleport.outcome().success()).as(teleport.outcome().reason()).isTrue();

      final JsonNode journey = awaitOutcome(teleport.extrinsic().hash(), Duration.ofSeconds(120));
      assertThat(journey.path("outcome").asText()).isEqualTo("fail");
      assertThat(journey.path("error").asText()).isEqualTo("FailedToTransactAsset");
      final JsonNode received = journey.path("legs").get(journey.path("legs").size() - 1);
      assertThat(received.path("chain").asText()).isEqualTo("asset-hub-kusama");
      assertThat(received.path("outcome").asText()).isEqualTo("fail");
      assertThat(received.path("assetsTrapped").path("hash").asText()).startsWith("0x");
      assertThat(get("/api/v1/xcm/journeys?origin=kusama&outcome=fail"))
          .extracting(j -> j.path("messageId").asText())
          .contains(journey.path("messageId").asText());
    } finally {
      relay.close().await(10, TimeUnit.SECONDS);
    }
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
