package io.xrelay.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xrelay.crypto.Blake2b;
import io.xrelay.devnet.beefy.DevValidators;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.beefy.BeefyCommitment;
import io.xrelay.proofs.beefy.BeefyFinalityVerifier;
import io.xrelay.proofs.beefy.BeefyValidatorSet;
import io.xrelay.proofs.beefy.QuorumVerification;
import io.xrelay.proofs.beefy.VersionedFinalityProof;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleReader;
import io.xrelay.substrate.keys.KeyPair;
import io.xrelay.substrate.keys.KeyScheme;
import io.xrelay.substrate.storage.StorageKey;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts a real devnet of its own (not the shared one), checks its chains, accounts and BEEFY
 * voting node, and at the end that stopping it leaves no process behind.
 */
class DevnetIT {
  @TempDir static Path dataDir;

  private static Devnet devnet;
  private static DevnetEndpoints endpoints;
  private static final DevnetRpc RPC = new DevnetRpc();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    devnet = Devnet.start(DevnetOptions.defaults(dataDir).withBlockInterval(Duration.ofSeconds(1)));
    endpoints = devnet.endpoints();
  }

  @AfterAll
  static void stopCleanly() throws Exception {
    final List<Long> pids = readPids();
    devnet.close();
    assertThat(pids).hasSize(4).noneMatch(ChildProcess::isAlive);
    assertThat(Devnet.running(dataDir)).isEmpty();
  }

  @Test
  void shouldStartRealChainsThatAdvanceWithFundedDevAccounts() throws Exception {
    assertThat(RPC.call(endpoints.kusamaHttp(), "system_chain").asText())
        .isEqualTo("kusama_local_testnet");
    assertThat(RPC.call(endpoints.kusamaChopsticksHttp(), "system_chain").asText())
        .isEqualTo("kusama_local_testnet");
    assertThat(RPC.call(endpoints.assetHubHttp(), "system_chain").asText())
        .isEqualTo("asset-hub-kusama-local");
    assertThat(RPC.call(endpoints.ethereumHttp(), "eth_chainId").asText()).isEqualTo("0x7a69");

    final long kusamaStart = blockNumber(endpoints.kusamaHttp());
    final long assetHubStart = blockNumber(endpoints.assetHubHttp());
    awaitBlockAbove(endpoints.kusamaHttp(), kusamaStart);
    awaitBlockAbove(endpoints.assetHubHttp(), assetHubStart);

    for (final KeyScheme scheme : KeyScheme.values()) {
      final byte[] account = KeyPair.fromUri("//Ferdie", scheme).accountId();
      assertThat(freeBalance(endpoints.kusamaHttp(), account))
          .as("kusama %s", scheme)
          .isEqualTo(new BigInteger(DevAccounts.FUNDING));
      assertThat(freeBalance(endpoints.assetHubHttp(), account))
          .as("asset hub %s", scheme)
          .isEqualTo(new BigInteger(DevAccounts.FUNDING));
    }

    final Devnet recorded = Devnet.running(dataDir).orElseThrow();
    assertThat(recorded.endpoints()).isEqualTo(endpoints);
    assertThat(endpoints.kusamaWs()).isNotEqualTo(endpoints.kusamaChopsticksWs());
    assertThat(Files.readString(devnet.configFile()))
        .contains(endpoints.kusamaWs(), endpoints.assetHubWs())
        .doesNotContain(endpoints.kusamaChopsticksWs());
    assertThat(devnet.toJson().path("chains").path("kusama").path("ws").asText())
        .isEqualTo(endpoints.kusamaWs());
    assertThat(dataDir.resolve("devnet/beefy.log")).content().contains("signed #");
  }

  @Test
  void shouldServeTheLatestSignedBlockWithItsBeefyJustificationOverHttpPost() {
    final String hash = RPC.call(endpoints.kusamaHttp(), "beefy_getFinalizedHead").asText();
    final JsonNode block = RPC.call(endpoints.kusamaHttp(), "chain_getBlock", hash);
    final long number = Long.decode(block.path("block").path("header").path("number").asText());

    // Substrate's serde form of Justifications: [[engine id bytes], [justification bytes]].
    final JsonNode justifications = block.path("justifications");
    assertThat(justifications.isArray()).isTrue();
    final JsonNode beef = justifications.get(0);
    assertThat(bytes(beef.get(0))).isEqualTo(new byte[] {'B', 'E', 'E', 'F'});
    final VersionedFinalityProof proof = VersionedFinalityProof.decode(bytes(beef.get(1)));
    final BeefyCommitment commitment = proof.signedCommitment().commitment();

    assertThat(commitment.blockNumber()).isEqualTo(number);
    assertThat(commitment.validatorSetId()).isZero();
    assertThat(commitment.mmrRoot()).contains(mmrRootAt(hash));
    assertThat(verify(proof).result().reasons()).isEmpty();
    // Chopsticks itself serves the block without justifications.
    assertThat(
            RPC.call(endpoints.kusamaChopsticksHttp(), "chain_getBlock", hash)
                .path("justifications")
                .isNull())
        .isTrue();
  }

  @Test
  void shouldRelayChopsticksAndStreamJustificationsOverOneWebSocket() throws Exception {
    final Vertx vertx = Vertx.vertx();
    try {
      final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
      // Held until the end: Vert.x closes a client that becomes unreachable, socket and all.
      final WebSocketClient client =
          vertx.createWebSocketClient(
              new WebSocketClientOptions().setMaxMessageSize(64 << 20).setMaxFrameSize(16 << 20));
      final WebSocket socket =
          client
              .connect(new WebSocketConnectOptions().setAbsoluteURI(endpoints.kusamaWs()))
              .await(30, TimeUnit.SECONDS);
      socket.textMessageHandler(
          text ->
              received.add(
                  text.startsWith("[")
                      ? new JsonObject().put("batch", new JsonArray(text))
                      : new JsonObject(text)));
      socket.writeTextMessage(request(1, "chain_subscribeFinalizedHeads"));
      socket.writeTextMessage(request(2, "beefy_subscribeJustifications"));
      socket.writeTextMessage(
          "[" + request(3, "system_chain") + "," + request(4, "beefy_getFinalizedHead") + "]");

      final String headsSubscription =
          next(received, m -> m.getValue("id") instanceof Integer i && i == 1).getString("result");
      final String beefySubscription =
          next(received, m -> m.getValue("id") instanceof Integer i && i == 2).getString("result");
      final JsonArray batch = next(received, m -> m.containsKey("batch")).getJsonArray("batch");
      assertThat(headsSubscription).isNotEqualTo(beefySubscription);
      assertThat(batch).hasSize(2);
      assertThat(batch.getJsonObject(0).getString("result")).isEqualTo("kusama_local_testnet");
      assertThat(batch.getJsonObject(1).getString("result")).startsWith("0x").hasSize(66);

      long previous = -1;
      for (int i = 0; i < 3; i++) {
        final JsonObject notification =
            next(received, m -> "beefy_justifications".equals(m.getString("method")));
        assertThat(notification.getJsonObject("params").getString("subscription"))
            .isEqualTo(beefySubscription);
        final VersionedFinalityProof proof =
            VersionedFinalityProof.decodeHex(
                notification.getJsonObject("params").getString("result"));
        final long number = proof.signedCommitment().commitment().blockNumber();
        if (previous >= 0) {
          assertThat(number).isEqualTo(previous + 1);
        }
        previous = number;
        assertThat(verify(proof).isValid()).isTrue();
      }
      final JsonObject head =
          next(received, m -> "chain_finalizedHead".equals(m.getString("method")));
      assertThat(head.getJsonObject("params").getString("subscription"))
          .isEqualTo(headsSubscription);

      socket.writeTextMessage(
          request(5, "beefy_unsubscribeJustifications", new JsonArray().add(beefySubscription)));
      assertThat(
              next(received, m -> m.getValue("id") instanceof Integer i && i == 5)
                  .getBoolean("result"))
          .isTrue();
      socket.close().await(10, TimeUnit.SECONDS);
      client.close().await(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldSignAWrongMmrRootOnlyWhileTheFaultSwitchIsOn() {
    assertThat(RPC.call(endpoints.kusamaHttp(), "devnet_beefyCorruptPayload", true).asBoolean())
        .isTrue();
    final long switchedOn = latestSigned();
    final String corruptHash = awaitSignedAbove(switchedOn + 1);
    final BeefyCommitment corrupt = commitmentOf(corruptHash);
    assertThat(corrupt.mmrRoot()).isPresent().get().isNotEqualTo(mmrRootAt(corruptHash));

    assertThat(RPC.call(endpoints.kusamaHttp(), "devnet_beefyCorruptPayload", false).asBoolean())
        .isFalse();
    final long switchedOff = latestSigned();
    final String honestHash = awaitSignedAbove(switchedOff + 1);
    assertThat(commitmentOf(honestHash).mmrRoot()).contains(mmrRootAt(honestHash));
  }

  // ---- helpers ----

  private static QuorumVerification verify(final VersionedFinalityProof proof) {
    return BeefyFinalityVerifier.usingActiveBackend()
        .verify(
            proof.signedCommitment(),
            BeefyValidatorSet.ofAuthorityIds(0, DevValidators.aliceAndBob().publicKeys()));
  }

  private static BeefyCommitment commitmentOf(final String hash) {
    final JsonNode justification =
        RPC.call(endpoints.kusamaHttp(), "chain_getBlock", hash).path("justifications").get(0);
    return VersionedFinalityProof.decode(bytes(justification.get(1)))
        .signedCommitment()
        .commitment();
  }

  private static long latestSigned() {
    final String hash = RPC.call(endpoints.kusamaHttp(), "beefy_getFinalizedHead").asText();
    return blockNumberOf(hash);
  }

  private static String awaitSignedAbove(final long number) {
    final Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      final String hash = RPC.call(endpoints.kusamaHttp(), "beefy_getFinalizedHead").asText();
      if (blockNumberOf(hash) > number) {
        return hash;
      }
      sleep(200);
    }
    throw new AssertionError("no block above " + number + " signed within 60 s");
  }

  private static long blockNumberOf(final String hash) {
    return Long.decode(
        RPC.call(endpoints.kusamaChopsticksHttp(), "chain_getHeader", hash)
            .path("number")
            .asText());
  }

  /** Mmr.RootHash at a block, read from chopsticks itself. */
  private static H256 mmrRootAt(final String hash) {
    return H256.fromHex(
        RPC.call(
                endpoints.kusamaChopsticksHttp(),
                "state_getStorage",
                Hex.encode(StorageKey.prefix("Mmr", "RootHash")),
                hash)
            .asText());
  }

  /**
   * Takes the first message, in arrival order, that {@code wanted} matches; the others stay for
   * later calls (replies answered by the proxy itself overtake chopsticks' replies).
   */
  private static JsonObject next(
      final BlockingQueue<JsonObject> received, final Predicate<JsonObject> wanted)
      throws InterruptedException {
    final Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      for (final JsonObject message : received) {
        if (wanted.test(message)) {
          received.remove(message);
          return message;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no such message within 30 s among " + received.size());
  }

  private static String request(final int id, final String method) {
    return request(id, method, new JsonArray());
  }

  private static String request(final int id, final String method, final JsonArray params) {
    return new JsonObject()
        .put("jsonrpc", "2.0")
        .put("id", id)
        .put("method", method)
        .put("params", params)
        .encode();
  }

  private static byte[] bytes(final JsonNode numbers) {
    final byte[] out = new byte[numbers.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) numbers.get(i).asInt();
    }
    return out;
  }

  private static List<Long> readPids() throws Exception {
    final JsonNode state = JSON.readTree(dataDir.resolve("devnet/devnet.json").toFile());
    return StreamSupport.stream(state.path("pids").spliterator(), false)
        .map(JsonNode::asLong)
        .toList();
  }

  /** Blocks come every second; a loaded machine may take several to build one. */
  private static void awaitBlockAbove(final String endpoint, final long number) {
    final Instant deadline = Instant.now().plusSeconds(30);
    while (blockNumber(endpoint) <= number) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(endpoint + " built no block above " + number + " within 30 s");
      }
      sleep(200);
    }
  }

  private static long blockNumber(final String endpoint) {
    return Long.decode(RPC.call(endpoint, "chain_getHeader").path("number").asText());
  }

  /**
   * System.Account's AccountInfo: nonce, consumers, providers, sufficients (u32 each), then free.
   */
  private static BigInteger freeBalance(final String endpoint, final byte[] account) {
    final ByteArrayOutputStream key = new ByteArrayOutputStream();
    key.writeBytes(StorageKey.prefix("System", "Account"));
    key.writeBytes(Blake2b.hash128(account));
    key.writeBytes(account);
    final ScaleReader reader =
        ScaleReader.ofHex(
            RPC.call(endpoint, "state_getStorage", Hex.encode(key.toByteArray())).asText());
    reader.skip(16);
    return reader.readU128();
  }

  private static void sleep(final long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }
}
