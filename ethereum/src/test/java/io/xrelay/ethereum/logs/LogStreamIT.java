package io.xrelay.ethereum.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.DevnetEthereumAccounts;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.ethereum.rpc.Block;
import io.xrelay.ethereum.rpc.BlockTag;
import io.xrelay.ethereum.rpc.HttpEthereumRpc;
import io.xrelay.ethereum.rpc.LogEntry;
import io.xrelay.ethereum.rpc.LogFilter;
import io.xrelay.ethereum.rpc.TransactionReceipt;
import io.xrelay.ethereum.rpc.WebSocketEthereumRpc;
import io.xrelay.ethereum.tx.ReceiptFinality;
import io.xrelay.substrate.client.RpcSubscription;
import io.xrelay.substrate.client.WebSocketRpcClient;
import io.xrelay.testing.LoopbackPorts;
import io.xrelay.testing.TcpProxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

/**
 * Log streams and the WebSocket client against the devnet's real anvil, with a contract assembled
 * by hand whose every call emits one LOG1 carrying the call data. Transactions go out with anvil's
 * unlocked dev accounts ({@code eth_sendTransaction}), so a reorg cannot confuse a nonce cache.
 */
class LogStreamIT {
  private static final String TOPIC = "0x" + "5e".repeat(32);
  private static final String SENDER = DevnetEthereumAccounts.ACCOUNTS.get(5).address();
  private static Vertx vertx;
  private static Devnet devnet;
  private static HttpEthereumRpc http;
  private static String contract;
  private static long deployedAt;
  private static long calls;

  @BeforeAll
  static void deploy() throws Exception {
    vertx = Vertx.vertx();
    devnet = SharedDevnet.get();
    http =
        HttpEthereumRpc.create(
            vertx, HttpEthereumRpc.Options.of(List.of(devnet.endpoints().ethereumHttp())));
    final String hash =
        (String)
            await(
                http.request(
                    "eth_sendTransaction",
                    new JsonObject()
                        .put("from", SENDER)
                        .put("data", creationCode())
                        .put("gas", "0x30000")));
    final TransactionReceipt receipt = included(hash);
    contract = receipt.contractAddress().orElseThrow();
    deployedAt = receipt.blockNumber();
  }

  @AfterAll
  static void close() throws Exception {
    await(vertx.close());
  }

  @Test
  void shouldBackfillInChunksThenFollowTheSubscriptionExactlyOnceInOrder() throws Exception {
    final List<String> before = List.of(emit(), emit(), emit());
    for (final String hash : before) {
      included(hash);
    }
    final WebSocketEthereumRpc rpc = connect(List.of(devnet.endpoints().ethereumWs()));
    final List<LogEntry> seen = new CopyOnWriteArrayList<>();
    final LogStream stream =
        await(
            LogStream.start(
                vertx,
                rpc,
                LogStream.Options.of(contract, List.of(TOPIC), deployedAt).withChunkBlocks(2),
                seen::add));
    final List<String> after = List.of(emit(), emit());
    final long last = included(after.get(1)).blockNumber();
    awaitUntil(() -> seen.size() >= truth(deployedAt, last).size() && lastBlock(seen) >= last);
    assertThat(ids(seen)).containsExactlyElementsOf(ids(truth(deployedAt, last)));
    assertThat(seen.stream().map(LogEntry::transactionHash)).containsAll(before).containsAll(after);
    assertThat(stream.backfills()).isEqualTo(1);
    await(stream.close());
    await(stream.close());
    await(rpc.close());
    await(rpc.close());
  }

  @Test
  void shouldFailOverToTheNextEndpointWhenTheFirstCannotBeReached() throws Exception {
    final String dead = "ws://127.0.0.1:" + LoopbackPorts.free();
    final WebSocketEthereumRpc rpc = connect(List.of(dead, devnet.endpoints().ethereumWs()));
    assertThat(await(rpc.blockNumber())).isPositive();
    assertThat(rpc.currentEndpoint()).isEqualTo(devnet.endpoints().ethereumWs());
    final List<Block> heads = new CopyOnWriteArrayList<>();
    final RpcSubscription subscription = await(rpc.subscribeNewHeads(heads::add));
    awaitUntil(() -> heads.size() >= 2);
    assertThat(heads.get(1).number()).isGreaterThan(heads.get(0).number());
    assertThat(heads.get(1).parentHash()).isEqualTo(heads.get(0).hash());
    await(subscription.unsubscribe());
    await(rpc.close());
  }

  @Test
  void shouldDeliverTheLogsSentWhileCutExactlyOnceInOrderAfterReconnecting() throws Exception {
    try (TcpProxy proxy =
        TcpProxy.start(vertx, URI.create(devnet.endpoints().ethereumWs()).getPort())) {
      final WebSocketEthereumRpc rpc = connect(List.of("ws://127.0.0.1:" + proxy.port()));
      final long from = await(rpc.blockNumber()) + 1;
      final List<LogEntry> seen = new CopyOnWriteArrayList<>();
      final LogStream.Options options = LogStream.Options.of(contract, List.of(TOPIC), from);
      final LogStream stream = await(LogStream.start(vertx, rpc, options, seen::add));
      final List<LogEntry> settled = new CopyOnWriteArrayList<>();
      final FinalizedLogStream finalStream =
          await(FinalizedLogStream.start(vertx, rpc, options, settled::add));
      final List<Block> heads = new CopyOnWriteArrayList<>();
      await(rpc.subscribeNewHeads(heads::add));
      final long first = included(emit()).blockNumber();
      awaitUntil(() -> lastBlock(seen) >= first);

      proxy.goDown();
      final List<String> whileCut = List.of(emit(), emit(), emit());
      long lastCut = 0;
      for (final String hash : whileCut) {
        lastCut = Math.max(lastCut, included(hash).blockNumber());
      }
      assertThat(rpc.isConnected()).isFalse();
      final int headsWhileCut = heads.size();
      proxy.comeBack();
      final long last = included(emit()).blockNumber();
      awaitUntil(() -> lastBlock(seen) >= last && seen.size() >= truth(from, last).size());
      // A late duplicate would show up here.
      Thread.sleep(1000);
      assertThat(ids(seen)).containsExactlyElementsOf(ids(truth(from, last)));
      assertThat(seen.stream().map(LogEntry::transactionHash)).containsAll(whileCut);
      assertThat(rpc.reconnects()).isPositive();
      assertThat(stream.backfills()).isGreaterThanOrEqualTo(2);
      // The newHeads subscription was made again after the reconnect.
      awaitUntil(() -> heads.size() > headsWhileCut && lastHead(heads) > last);
      // The finalized stream, on the same cut connection, catches up exactly once too.
      awaitUntil(() -> lastBlock(settled) >= last);
      assertThat(ids(settled)).containsExactlyElementsOf(ids(truth(from, last)));
      await(finalStream.close());
      await(stream.close());
      await(rpc.close());
    }
  }

  /**
   * anvil (started with {@code --slots-in-an-epoch 1}) reports {@code safe} = latest - 1 and {@code
   * finalized} = latest - 2. With interval mining paused, a block with a log is mined and then
   * replaced by {@code anvil_reorg} (which drops its transaction) before it is final.
   */
  @Test
  void shouldNeverHandOnALogOfABlockReorgedOutBeforeItWasFinal() throws Exception {
    final WebSocketEthereumRpc rpc = connect(List.of(devnet.endpoints().ethereumWs()));
    final long from = await(rpc.blockNumber()) + 1;
    final List<LogEntry> plain = new CopyOnWriteArrayList<>();
    final List<LogEntry> settled = new CopyOnWriteArrayList<>();
    final LogStream.Options options =
        new LogStream.Options(contract, List.of(TOPIC), from, 1000, Duration.ofMillis(200));
    final LogStream plainStream = await(LogStream.start(vertx, rpc, options, plain::add));
    final FinalizedLogStream finalStream =
        await(FinalizedLogStream.start(vertx, rpc, options, settled::add));
    final ReceiptFinality finality = new ReceiptFinality(vertx, http, Duration.ofMillis(200));
    // The devnet mines on a timer; put the same interval back afterwards.
    final var latest = await(http.block(BlockTag.LATEST)).orElseThrow();
    final long interval =
        Math.max(
            1,
            latest.timestamp()
                - await(http.block(BlockTag.number(latest.number() - 1)))
                    .orElseThrow()
                    .timestamp());
    await(http.request("evm_setIntervalMining", 0));
    try {
      final String kept = emit();
      mine();
      final TransactionReceipt keptReceipt = included(kept);
      final Future<TransactionReceipt> keptFinal = finality.awaitFinal(kept);

      final String doomed = emit();
      mine();
      final TransactionReceipt doomedReceipt = included(doomed);
      final Future<TransactionReceipt> doomedFinal = finality.awaitFinal(doomed);
      awaitUntil(() -> plain.stream().anyMatch(l -> l.transactionHash().equals(doomed)));
      final long finalized = await(http.block(BlockTag.FINALIZED)).orElseThrow().number();
      assertThat(finalized).isLessThan(doomedReceipt.blockNumber());
      assertThat(await(http.block(BlockTag.SAFE)).orElseThrow().number())
          .isEqualTo(doomedReceipt.blockNumber() - 1);

      await(http.request("anvil_reorg", 1, new JsonArray()));
      assertThat(await(http.receipt(doomed))).isEmpty();
      for (int i = 0; i < 3; i++) {
        mine();
      }
      final long head = await(http.blockNumber());
      assertThat(await(http.block(BlockTag.FINALIZED)).orElseThrow().number())
          .isGreaterThanOrEqualTo(doomedReceipt.blockNumber());

      awaitUntil(() -> settled.stream().anyMatch(l -> l.transactionHash().equals(kept)));
      awaitUntil(() -> await(finalStream.checkpoint()) == head - 1);
      assertThat(settled).noneMatch(l -> l.transactionHash().equals(doomed));
      assertThat(settled).noneMatch(l -> l.blockHash().equals(doomedReceipt.blockHash()));
      assertThat(ids(settled)).containsExactlyElementsOf(ids(truth(from, head - 2)));

      assertThat(await(keptFinal).blockHash()).isEqualTo(keptReceipt.blockHash());
      Thread.sleep(1000);
      assertThat(doomedFinal.isComplete()).isFalse();

      // What the plain stream saw: the log, and (if anvil tells subscribers) its removal.
      final List<LogEntry> doomedSeen = new ArrayList<>();
      for (final LogEntry log : plain) {
        if (log.transactionHash().equals(doomed)) {
          doomedSeen.add(log);
        }
      }
      assertThat(doomedSeen.get(0).removed()).isFalse();
      System.out.println(
          "anvil_reorg: plain stream saw the reorged-out log "
              + doomedSeen.size()
              + " time(s), removed flags "
              + doomedSeen.stream().map(LogEntry::removed).toList());
    } finally {
      await(http.request("evm_setIntervalMining", interval));
      await(plainStream.close());
      await(finalStream.close());
      await(rpc.close());
    }
  }

  // ---- the contract ----

  /**
   * Runtime: copy the call data to memory, LOG1(TOPIC) over it, stop. Creation: copy the runtime
   * out of the creation code and return it.
   */
  private static String creationCode() {
    final String runtime = "3660006000377f" + TOPIC.substring(2) + "366000a100";
    final int length = runtime.length() / 2;
    final String init = String.format("60%02x600c60003960%02x6000f3", length, length);
    assertThat(init.length() / 2).isEqualTo(12);
    return "0x" + init + runtime;
  }

  private static String emit() throws Exception {
    calls++;
    return (String)
        await(
            http.request(
                "eth_sendTransaction",
                new JsonObject()
                    .put("from", SENDER)
                    .put("to", contract)
                    .put(
                        "data",
                        Numeric.toHexStringWithPrefixZeroPadded(
                            java.math.BigInteger.valueOf(calls), 16))
                    .put("gas", "0x20000")));
  }

  private static void mine() throws Exception {
    await(http.request("evm_mine"));
  }

  private static TransactionReceipt included(final String hash) throws Exception {
    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      final var receipt = await(http.receipt(hash));
      if (receipt.isPresent()) {
        assertThat(receipt.get().succeeded()).isTrue();
        return receipt.get();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("transaction " + hash + " not included in 60 s");
  }

  /** What the node says the logs of the range are: what a stream must have delivered. */
  private static List<LogEntry> truth(final long from, final long to) {
    try {
      return await(http.logs(new LogFilter(contract, from, to, List.of(TOPIC))));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A log as comparable text: {@link LogEntry} holds a byte array, so records never equal. */
  private static List<String> ids(final List<LogEntry> logs) {
    return logs.stream()
        .map(
            l ->
                l.blockNumber()
                    + "/"
                    + l.blockHash()
                    + "/"
                    + l.logIndex()
                    + "/"
                    + l.transactionHash()
                    + "/"
                    + Numeric.toHexString(l.data())
                    + (l.removed() ? "/removed" : ""))
        .toList();
  }

  private static long lastHead(final List<Block> heads) {
    return heads.isEmpty() ? -1 : heads.get(heads.size() - 1).number();
  }

  private static long lastBlock(final List<LogEntry> logs) {
    return logs.isEmpty() ? -1 : logs.get(logs.size() - 1).blockNumber();
  }

  private static WebSocketEthereumRpc connect(final List<String> endpoints) throws Exception {
    return await(
        WebSocketEthereumRpc.connect(
            vertx,
            WebSocketRpcClient.Options.of(endpoints)
                .withRequestTimeout(Duration.ofSeconds(10))
                .withReconnect(Duration.ofMillis(100), Duration.ofSeconds(1))));
  }

  private static void awaitUntil(final CheckedCondition condition) throws Exception {
    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 60 s");
      }
      Thread.sleep(100);
    }
  }

  @FunctionalInterface
  private interface CheckedCondition {
    boolean holds() throws Exception;
  }

  private static <T> T await(final Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}
