package io.xrelay.relayer.route.beefy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.DevnetEthereumAccounts;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.ethereum.beefy.BeefyClient;
import io.xrelay.ethereum.rpc.BlockTag;
import io.xrelay.proofs.beefy.BeefyCommitment;
import io.xrelay.testing.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/relayer run}'s jar as a child process, killed with SIGKILL. On the interactive
 * protocol, while it waits out {@code randaoCommitDelay} after its {@code submitInitial} landed:
 * restarted, it finds its ticket in the real BeefyClient and finishes without a second {@code
 * submitInitial}; or, when the ticket expired meanwhile (anvil mines past the expiration), it
 * starts over. On Fiat-Shamir, while its transaction is still in the pool. Either way the
 * commitment lands exactly once.
 */
class BeefyInteractiveCrashIT {
  private static final Path JAR = Path.of("target", "relayer.jar");
  private static final Pattern INITIAL_LANDED =
      Pattern.compile("kusama-to-ethereum/block/(\\d+): interactive step initial landed");

  @TempDir Path dir;

  private static Devnet devnet;
  private static Vertx vertx;
  private static BeefyClient contract;
  private final List<Process> children = new ArrayList<>();

  @BeforeAll
  static void connect() {
    devnet = SharedDevnet.get();
    vertx = Vertx.vertx();
    contract = DevnetBeefyRelay.contract(vertx, devnet);
  }

  @AfterAll
  static void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stopChildren() throws Exception {
    for (final Process child : children) {
      child.destroy();
      child.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldFindItsTicketAfterSigkillDuringTheInteractiveWaitAndFinish() throws Exception {
    final int account = 8;
    final Path config =
        DevnetBeefyRelay.writeConfig(devnet, dir, "interactive", account, 3, LoopbackPorts.free());
    final Path firstLog = dir.resolve("first.log");
    final Process first = run(config, firstLog);
    final long block = awaitInitial(firstLog);
    sigkill(first);

    final String sender = DevnetEthereumAccounts.ACCOUNTS.get(account).address();
    final BeefyClient.Ticket ticket =
        contract.ticket(sender, commitmentHash(block), BlockTag.LATEST).await(10, TimeUnit.SECONDS);
    assertThat(ticket.exists()).as("ticket of block %d after the kill", block).isTrue();
    assertThat(contract.latestBeefyBlock(BlockTag.LATEST).await(10, TimeUnit.SECONDS))
        .isLessThan(block);

    final Path secondLog = dir.resolve("second.log");
    run(config, secondLog);
    awaitLanded(block);
    final String second =
        awaitLog(secondLog, "kusama-to-ethereum/block/" + block + ": interactive step final");
    assertThat(second).contains("kusama-to-ethereum/block/" + block + ": interactive step final");
    assertThat(second)
        .doesNotContain("kusama-to-ethereum/block/" + block + ": interactive step initial");
    assertThat(DevnetBeefyRelay.newMmrRootEvents(devnet, block)).isEqualTo(1);
  }

  @Test
  void shouldStartOverWhenItsTicketExpiredWhileItWasDown() throws Exception {
    final int account = 3;
    final Path config =
        DevnetBeefyRelay.writeConfig(devnet, dir, "interactive", account, 3, LoopbackPorts.free());
    final Path firstLog = dir.resolve("first.log");
    final Process first = run(config, firstLog);
    final long block = awaitInitial(firstLog);
    sigkill(first);
    final long expiration = devnet.beefyClient().orElseThrow().randaoCommitExpiration();
    final long delay = devnet.beefyClient().orElseThrow().randaoCommitDelay();
    DevnetBeefyRelay.call(
        devnet.endpoints().ethereumHttp(),
        "anvil_mine",
        "0x" + Long.toHexString(delay + expiration + 2));

    final Path secondLog = dir.resolve("second.log");
    run(config, secondLog);
    awaitLanded(block);
    final String second =
        awaitLog(secondLog, "kusama-to-ethereum/block/" + block + ": interactive step final");
    assertThat(second).contains("expired; starting over");
    assertThat(second).contains("kusama-to-ethereum/block/" + block + ": interactive step final");
    assertThat(DevnetBeefyRelay.newMmrRootEvents(devnet, block)).isEqualTo(1);
  }

  /**
   * Killed while its Fiat-Shamir transaction waits in the pool (anvil's mining paused), and the
   * node then loses that transaction ({@code anvil_dropAllTransactions}, as a restarted node loses
   * its pool). Restarted, the relayer resumes the transaction it journaled before broadcasting,
   * sends it again unchanged (same nonce, same hash) and the update lands once, by that
   * transaction.
   */
  @Test
  void shouldResumeItsJournaledTransactionAfterSigkillWhileItWasPendingAndTheNodeLostIt()
      throws Exception {
    final int account = 7;
    final String sender = DevnetEthereumAccounts.ACCOUNTS.get(account).address();
    final String anvil = devnet.endpoints().ethereumHttp();
    final Path config =
        DevnetBeefyRelay.writeConfig(devnet, dir, "fiat-shamir", account, 3, LoopbackPorts.free());
    final Path firstLog = dir.resolve("first.log");
    final Path secondLog = dir.resolve("second.log");
    final long nonce;
    DevnetBeefyRelay.call(anvil, "evm_setIntervalMining", 0);
    try {
      final Process first = run(config, firstLog);
      nonce = DevnetBeefyRelay.transactionCount(anvil, sender, "latest");
      BeefyToEthereumRouteIT.awaitThat(
          () -> DevnetBeefyRelay.transactionCount(anvil, sender, "pending") > nonce,
          Duration.ofMinutes(4));
      sigkill(first);
      DevnetBeefyRelay.call(anvil, "anvil_dropAllTransactions");
      assertThat(DevnetBeefyRelay.transactionCount(anvil, sender, "pending")).isEqualTo(nonce);
      run(config, secondLog);
      awaitLog(secondLog, "this instance now owns route");
    } finally {
      DevnetBeefyRelay.call(anvil, "evm_setIntervalMining", 2);
    }
    final Matcher resumed =
        Pattern.compile(
                "kusama-to-ethereum/block/(\\d+): resuming the fiat-shamir transaction sent before"
                    + " \\(nonce (\\d+), (0x[0-9a-f]{64})\\)")
            .matcher(awaitLog(secondLog, "resuming the fiat-shamir transaction"));
    assertThat(resumed.find()).as("the second run resumed a journaled transaction").isTrue();
    final long block = Long.parseLong(resumed.group(1));
    assertThat(Long.parseLong(resumed.group(2))).isEqualTo(nonce);
    awaitLanded(block);
    assertThat(DevnetBeefyRelay.newMmrRootEvents(devnet, block)).isEqualTo(1);
    final com.fasterxml.jackson.databind.JsonNode landing =
        DevnetBeefyRelay.call(anvil, "eth_getTransactionReceipt", resumed.group(3));
    assertThat(landing.path("status").asText()).isEqualTo("0x1");
    assertThat(
            DevnetBeefyRelay.call(anvil, "eth_getTransactionByHash", resumed.group(3))
                .path("nonce")
                .asText())
        .isEqualTo("0x" + Long.toHexString(nonce));
    assertThat(Files.readString(secondLog)).doesNotContain("reverted");
  }

  private Process run(final Path config, final Path log) throws IOException {
    assertThat(JAR).as("built by the package phase").exists();
    final Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    JAR.toString(),
                    "run",
                    "--config",
                    config.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    children.add(child);
    return child;
  }

  private static void sigkill(final Process process) throws Exception {
    final Process kill =
        new ProcessBuilder("kill", "-KILL", Long.toString(process.pid())).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(128 + 9);
  }

  /** The block whose {@code submitInitial} the relayer logged as landed. */
  private static long awaitInitial(final Path log) throws Exception {
    final long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)) {
        final Matcher matcher = INITIAL_LANDED.matcher(Files.readString(log));
        if (matcher.find()) {
          return Long.parseLong(matcher.group(1));
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no submitInitial landed; log:\n" + Files.readString(log));
  }

  /** The log once it contains {@code text} (the relayer logs a step after its receipt). */
  private static String awaitLog(final Path log, final String text) throws Exception {
    final long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < deadline) {
      final String content = Files.readString(log);
      if (content.contains(text)) {
        return content;
      }
      Thread.sleep(200);
    }
    return Files.readString(log);
  }

  private static void awaitLanded(final long block) throws Exception {
    BeefyToEthereumRouteIT.awaitThat(
        () -> {
          try {
            return contract.latestBeefyBlock(BlockTag.LATEST).await(10, TimeUnit.SECONDS) >= block;
          } catch (Exception e) {
            return false;
          }
        },
        Duration.ofMinutes(4));
  }

  /** The hash the ticket is keyed by, rebuilt from the chain (the voting node signs this). */
  private static io.xrelay.proofs.H256 commitmentHash(final long block) throws Exception {
    final long setId =
        contract
            .currentValidatorSet(BlockTag.LATEST)
            .await(10, TimeUnit.SECONDS)
            .id()
            .longValueExact();
    return BeefyCommitment.ofMmrRoot(DevnetBeefyRelay.runtimeMmrRoot(devnet, block), block, setId)
        .hash();
  }
}
