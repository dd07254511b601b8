package io.xrelay.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared devnet's anvil stopped and started again through {@link Devnet} (which may have been
 * started by another process): it comes back on the same port with the chain it had, and the devnet
 * records its new process.
 */
class DevnetEthereumRestartIT {
  // anvil's tenth dev account: unlocked in anvil, and no test signs with it.
  private static final String SENDER = "0xa0ee7a142d267c1f36714e4a8f75612f20a79720";
  private static final String RECEIVER = DevnetEthereumAccounts.ACCOUNTS.get(8).address();
  private static final DevnetRpc RPC = new DevnetRpc();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldKeepBlocksContractStorageAndNoncesButNotTheMempoolAcrossARestart() throws Exception {
    final Devnet devnet = SharedDevnet.get();
    final String eth = devnet.endpoints().ethereumHttp();
    final String contract = devnet.beefyClient().orElseThrow().address();
    try {
      final String mined =
          RPC.call(
                  eth,
                  "eth_sendTransaction",
                  Map.of("from", SENDER, "to", RECEIVER, "value", "0x1"))
              .asText();
      final JsonNode receipt = awaitReceipt(eth, mined);
      final String minedIn = receipt.path("blockNumber").asText();
      final String nonce = RPC.call(eth, "eth_getTransactionCount", SENDER, "latest").asText();
      final String balance = RPC.call(eth, "eth_getBalance", SENDER, "latest").asText();
      final String code = RPC.call(eth, "eth_getCode", contract, "latest").asText();
      final List<String> storage = storage(eth, contract);
      final JsonNode head = RPC.call(eth, "eth_getBlockByNumber", "latest", false);
      // Waits for a nonce that never comes: it stays in the mempool until anvil stops.
      final String queued =
          RPC.call(
                  eth,
                  "eth_sendTransaction",
                  Map.of(
                      "from",
                      SENDER,
                      "to",
                      RECEIVER,
                      "value",
                      "0x1",
                      "nonce",
                      "0x" + Long.toHexString(Long.decode(nonce) + 1)))
              .asText();
      assertThat(RPC.call(eth, "eth_getTransactionByHash", queued).isNull()).isFalse();
      final long before = anvilPid(devnet);

      final long stopping = System.nanoTime();
      devnet.stopEthereum();
      final long stopped = System.nanoTime();
      assertThat(ChildProcess.isAlive(before)).isFalse();
      assertThatThrownBy(() -> RPC.call(eth, "eth_blockNumber"))
          .isInstanceOf(DevnetException.class);
      // The rest of the devnet runs on, and is still found while anvil is down.
      assertThat(Devnet.running(devnet.dataDir())).isPresent();
      assertThat(pids(devnet)).doesNotContain(before);

      final long starting = System.nanoTime();
      devnet.startEthereum();
      System.out.printf(
          "anvil at block %d (state file %d bytes): stopped in %.2f s, listening %.2f s after"
              + " its start%n",
          Long.decode(head.path("number").asText()),
          java.nio.file.Files.size(devnet.dataDir().resolve("devnet/anvil-state/state.json")),
          (stopped - stopping) / 1e9,
          (System.nanoTime() - starting) / 1e9);
      final long after = anvilPid(devnet);
      assertThat(after).isNotEqualTo(before);
      assertThat(ChildProcess.isAlive(after)).isTrue();
      assertThat(pids(devnet)).contains(after);
      assertThat(Devnet.running(devnet.dataDir())).isPresent();

      final String headNumber = head.path("number").asText();
      assertThat(RPC.call(eth, "eth_getBlockByNumber", headNumber, false).path("hash"))
          .isEqualTo(head.path("hash"));
      assertThat(RPC.call(eth, "eth_getBlockByNumber", minedIn, false).path("hash").asText())
          .isEqualTo(receipt.path("blockHash").asText());
      assertThat(RPC.call(eth, "eth_getTransactionReceipt", mined).path("blockHash"))
          .isEqualTo(receipt.path("blockHash"));
      assertThat(RPC.call(eth, "eth_getCode", contract, "latest").asText()).isEqualTo(code);
      assertThat(storage(eth, contract)).isEqualTo(storage);
      assertThat(RPC.call(eth, "eth_getTransactionCount", SENDER, "latest").asText())
          .isEqualTo(nonce);
      assertThat(RPC.call(eth, "eth_getBalance", SENDER, "latest").asText()).isEqualTo(balance);
      assertThat(RPC.call(eth, "eth_getTransactionByHash", queued).isNull()).isTrue();

      // New blocks go on from the old head.
      final long headNumberValue = Long.decode(headNumber);
      final JsonNode next = awaitBlock(eth, headNumberValue + 1);
      assertThat(next.path("parentHash")).isEqualTo(head.path("hash"));
    } finally {
      devnet.startEthereum(); // the devnet's other users need it, whatever happened here
    }
  }

  /** The first slots of the contract (its settings and validator sets). */
  private static List<String> storage(final String eth, final String contract) {
    final List<String> slots = new ArrayList<>();
    for (int slot = 0; slot < 12; slot++) {
      slots.add(
          RPC.call(eth, "eth_getStorageAt", contract, "0x" + Integer.toHexString(slot), "latest")
              .asText());
    }
    return slots;
  }

  private static long anvilPid(final Devnet devnet) throws Exception {
    return state(devnet).path("anvil").path("pid").asLong();
  }

  private static List<Long> pids(final Devnet devnet) throws Exception {
    final List<Long> pids = new ArrayList<>();
    state(devnet).path("pids").forEach(pid -> pids.add(pid.asLong()));
    return pids;
  }

  private static JsonNode state(final Devnet devnet) throws Exception {
    return JSON.readTree(devnet.dataDir().resolve("devnet/devnet.json").toFile());
  }

  private static JsonNode awaitReceipt(final String eth, final String hash) {
    final Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      final JsonNode receipt = RPC.call(eth, "eth_getTransactionReceipt", hash);
      if (receipt != null && !receipt.isNull()) {
        return receipt;
      }
      sleep(250);
    }
    throw new AssertionError(hash + " not mined within 60 s");
  }

  private static JsonNode awaitBlock(final String eth, final long number) {
    final Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      final JsonNode block =
          RPC.call(eth, "eth_getBlockByNumber", "0x" + Long.toHexString(number), false);
      if (block != null && !block.isNull()) {
        return block;
      }
      sleep(250);
    }
    throw new AssertionError("no block " + number + " within 60 s");
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
