package io.xrelay.relayer.route.beefy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.DevnetEthereumAccounts;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.ethereum.beefy.BeefyClient;
import io.xrelay.ethereum.rpc.BlockTag;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The devnet's anvil really restarted in the middle of an interactive submission: stopped with
 * SIGTERM (it writes its state) after the route's {@code submitInitial} landed, held down for a few
 * seconds, and started again on the same port with the chain it had but an empty mempool. Once
 * while the route waits for the randao delay, once while its next transaction is in the mempool
 * (lost in the restart). The route must finish the update afterwards, with exactly one {@code
 * NewMMRRoot} per block and the runtime's MMR root in the contract. The cut connection alone is
 * {@link BeefyEthereumOutageIT}.
 */
class BeefyAnvilRestartIT {
  private static final Pattern INITIAL = Pattern.compile("/block/(\\d+)/initial$");
  private static final Duration DOWN = Duration.ofSeconds(6);
  private static final int ACCOUNT = 6;
  private static final DevnetEthereumAccounts.Account SENDER =
      DevnetEthereumAccounts.ACCOUNTS.get(ACCOUNT);

  @TempDir Path dir;

  /** Anvil's head right after it came back: what it had saved, so nothing mined after it. */
  private long headAfterRestart;

  @Test
  void shouldFinishTheInteractiveUpdateWithoutDuplicateAfterAnvilRestartedMidSubmission()
      throws Exception {
    // Down as soon as a ticket exists: the route then waits for the randao delay.
    restartMidSubmission((devnet, initial) -> {});
  }

  @Test
  void shouldFinishTheInteractiveUpdateAfterAnvilLostTheRoutesPendingTransactionInTheRestart()
      throws Exception {
    // Down while the route's next step (randao or final) waits in the mempool, which anvil does
    // not save: the route must fill the nonce it lost, or every later transaction waits behind
    // it. Either it resumes the journaled transaction unchanged (the lost hash itself is mined,
    // after the restart), or, when the item failed during the outage, its next transaction takes
    // the lost nonce.
    final List<String> lost = new ArrayList<>();
    final List<Long> lostNonces = new ArrayList<>();
    restartMidSubmission(
        (devnet, initial) -> {
          BeefyToEthereumRouteIT.awaitThat(
              () -> !pendingFrom(devnet, SENDER.address()).isEmpty(), Duration.ofMinutes(2), 20);
          for (final JsonNode tx : pendingFrom(devnet, SENDER.address())) {
            lost.add(tx.path("hash").asText());
            lostNonces.add(Long.decode(tx.path("nonce").asText()));
            System.out.printf(
                "stopping anvil with the route's transaction %s (nonce %d, selector %s) pending%n",
                tx.path("hash").asText(),
                Long.decode(tx.path("nonce").asText()),
                tx.path("input").asText().substring(0, 10));
          }
        });
    assertThat(lost).isNotEmpty();
    final String eth = devnet().endpoints().ethereumHttp();
    final long mined =
        Long.decode(
            DevnetBeefyRelay.call(eth, "eth_getTransactionCount", SENDER.address(), "latest")
                .asText());
    for (int i = 0; i < lost.size(); i++) {
      assertThat(mined).as("nonce %d filled", lostNonces.get(i)).isGreaterThan(lostNonces.get(i));
      final JsonNode receipt = DevnetBeefyRelay.call(eth, "eth_getTransactionReceipt", lost.get(i));
      if (!receipt.isNull() && receipt.has("blockNumber")) {
        // Mined at or below the saved head, it went in before the stop: no loss was tested.
        assertThat(Long.decode(receipt.path("blockNumber").asText()))
            .as("block of %s, lost in the restart and sent again", lost.get(i))
            .isGreaterThan(headAfterRestart);
      }
    }
  }

  /** Waits, with the initial step landed, until anvil should go down. */
  private interface StopPoint {
    void await(Devnet devnet, long initialBlock) throws Exception;
  }

  private void restartMidSubmission(final StopPoint stopPoint) throws Exception {
    final Devnet devnet = devnet();
    final Vertx vertx = Vertx.vertx();
    InProcessRelayer relayer = null;
    try {
      relayer = InProcessRelayer.start(dir, "interactive", ACCOUNT, 3);
      final BeefyClient contract = DevnetBeefyRelay.contract(vertx, devnet);
      final long before = contract.latestBeefyBlock(BlockTag.LATEST).await(10, TimeUnit.SECONDS);

      final Path db = dir.resolve("relayer.db");
      BeefyToEthereumRouteIT.awaitThat(() -> initialLanded(db).isPresent(), Duration.ofMinutes(4));
      final long block = initialLanded(db).getAsLong();
      stopPoint.await(devnet, block);
      final long stopping = System.nanoTime();
      devnet.stopEthereum();
      final long stopped = System.nanoTime();
      Thread.sleep(DOWN.toMillis());
      devnet.startEthereum();
      final long restarted = System.nanoTime();
      headAfterRestart =
          Long.decode(
              DevnetBeefyRelay.call(devnet.endpoints().ethereumHttp(), "eth_blockNumber").asText());

      BeefyToEthereumRouteIT.awaitThat(
          () -> latestBeefyBlock(contract) >= block, Duration.ofMinutes(4));
      final long finished = System.nanoTime();
      System.out.printf(
          "anvil restart mid-submission of block %d: SIGTERM to exit %.1f s, down %.1f s,"
              + " update finished %.1f s after the restart; %.0f failed attempts%n",
          block,
          (stopped - stopping) / 1e9,
          (restarted - stopped) / 1e9,
          (finished - restarted) / 1e9,
          relayer.submissions("failed"));

      final long latest = contract.latestBeefyBlock(BlockTag.LATEST).await(10, TimeUnit.SECONDS);
      assertThat(latest).isGreaterThanOrEqualTo(block).isGreaterThan(before);
      final List<Long> roots = DevnetBeefyRelay.newMmrRootBlocks(devnet);
      assertThat(roots).contains(latest).doesNotHaveDuplicates();
      assertThat(contract.latestMmrRoot(BlockTag.LATEST).await(10, TimeUnit.SECONDS))
          .isEqualTo(DevnetBeefyRelay.runtimeMmrRoot(devnet, latest));
      assertThat(relayer.submissions("reverted")).isZero();
    } finally {
      devnet.startEthereum(); // idempotent; later tests share this anvil
      if (relayer != null) {
        relayer.stop();
      }
      try {
        dropFromMempool(devnet, SENDER.address());
      } catch (Exception e) {
        System.out.println("could not empty anvil's mempool of " + SENDER + ": " + e);
      }
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static Devnet devnet() {
    return SharedDevnet.get();
  }

  /** The transactions from {@code sender} ready to be mined in anvil's mempool. */
  private static List<JsonNode> pendingFrom(final Devnet devnet, final String sender) {
    try {
      final JsonNode pending =
          DevnetBeefyRelay.call(devnet.endpoints().ethereumHttp(), "txpool_content")
              .path("pending");
      final List<JsonNode> transactions = new ArrayList<>();
      pending
          .fields()
          .forEachRemaining(
              entry -> {
                if (entry.getKey().equalsIgnoreCase(sender)) {
                  entry.getValue().forEach(transactions::add);
                }
              });
      return transactions;
    } catch (Exception e) {
      return List.of();
    }
  }

  /**
   * Drops what the stopped route left in anvil's mempool (a transaction behind a nonce lost in the
   * restart waits there for good), so the next user of the account starts from the chain alone. By
   * sender: anvil_dropTransaction does not find queued transactions.
   */
  private static void dropFromMempool(final Devnet devnet, final String sender) throws Exception {
    DevnetBeefyRelay.call(
        devnet.endpoints().ethereumHttp(), "anvil_removePoolTransactions", sender);
  }

  /** -1 while anvil cannot answer. */
  private static long latestBeefyBlock(final BeefyClient contract) {
    try {
      return contract.latestBeefyBlock(BlockTag.LATEST).await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return -1;
    }
  }

  /** The block of the first {@code submitInitial} the route recorded as landed in its store. */
  private static OptionalLong initialLanded(final Path db) {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT name FROM checkpoints WHERE name LIKE '%/initial' ORDER BY updated_at")) {
      while (rows.next()) {
        final Matcher matcher = INITIAL.matcher(rows.getString(1));
        if (matcher.find()) {
          return OptionalLong.of(Long.parseLong(matcher.group(1)));
        }
      }
      return OptionalLong.empty();
    } catch (SQLException e) {
      return OptionalLong.empty();
    }
  }
}
