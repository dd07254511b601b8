package io.xrelay.relayer.route.beefy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.ethereum.beefy.BeefyClient;
import io.xrelay.ethereum.rpc.BlockTag;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code kusama -> ethereum} BEEFY route as {@code bin/relayer run} wires it, against the
 * devnet's real Kusama runtime, its BEEFY voting node and the real BeefyClient on anvil: the
 * contract's latest block and MMR root follow the chain with either protocol, and a justification
 * over a wrong payload is refused before any gas is spent.
 */
class BeefyToEthereumRouteIT {
  private static final Duration PROGRESS = Duration.ofMinutes(4);

  @TempDir static Path dir;

  private static Devnet devnet;
  private static Vertx vertx;
  private static BeefyClient contract;

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

  @Test
  void shouldKeepTheContractInSyncWithFiatShamir() throws Exception {
    shouldKeepTheContractInSync("fiat-shamir", 5);
  }

  @Test
  void shouldKeepTheContractInSyncWithTheInteractiveProtocol() throws Exception {
    shouldKeepTheContractInSync("interactive", 6);
  }

  private void shouldKeepTheContractInSync(final String protocol, final int account)
      throws Exception {
    final InProcessRelayer relayer =
        InProcessRelayer.start(dir.resolve(protocol), protocol, account, 3);
    try {
      final long before = latest();
      awaitThat(() -> relayer.submissions(protocol, "accepted") >= 2, PROGRESS);
      final long latest = latest();
      assertThat(latest).isGreaterThan(before);
      // Recent: within a few update intervals of the chain's finalized head.
      assertThat(DevnetBeefyRelay.finalizedHead(devnet) - latest).isLessThan(40);
      assertThat(contract.latestMmrRoot(BlockTag.LATEST).await(10, TimeUnit.SECONDS))
          .isEqualTo(DevnetBeefyRelay.runtimeMmrRoot(devnet, latest));
      assertThat(relayer.submissions(protocol, "refused")).isZero();
      assertThat(relayer.submissions(protocol, "reverted")).isZero();
      assertThat(relayer.mmrMismatches()).isZero();
      final DistributionSummary gas = relayer.gas(protocol);
      final Timer included = relayer.latency(protocol, "included");
      final Timer onceFinal = relayer.latency(protocol, "final");
      assertThat(onceFinal.count()).isEqualTo(gas.count());
      System.out.printf(
          "BEEFY %s on the devnet: %d updates, gas per update mean %.0f max %.0f;"
              + " justification received to root in the contract mean %.1f s max %.1f s,"
              + " to that transaction final on Ethereum mean %.1f s max %.1f s%n",
          protocol,
          gas.count(),
          gas.mean(),
          gas.max(),
          included.mean(TimeUnit.MILLISECONDS) / 1000,
          included.max(TimeUnit.MILLISECONDS) / 1000,
          onceFinal.mean(TimeUnit.MILLISECONDS) / 1000,
          onceFinal.max(TimeUnit.MILLISECONDS) / 1000);
    } finally {
      relayer.stop();
    }
  }

  /**
   * Two relayers with their own keys and stores race on the same commitments: each update lands
   * once, and the one that came second counts it as done (a stale estimate, or a revert in the same
   * block), never as a failure.
   */
  @Test
  void shouldCountACommitmentAnotherRelayerLandedFirstAsDone() throws Exception {
    final InProcessRelayer first =
        InProcessRelayer.start(dir.resolve("first"), "fiat-shamir", 5, 3);
    final InProcessRelayer second =
        InProcessRelayer.start(dir.resolve("second"), "fiat-shamir", 6, 3);
    try {
      final long before = latest();
      awaitThat(
          () ->
              first.submissions("fiat-shamir", "accepted")
                          + second.submissions("fiat-shamir", "accepted")
                      >= 4
                  && first.submissions("fiat-shamir", "already_done")
                          + second.submissions("fiat-shamir", "already_done")
                      >= 1,
          PROGRESS);
      final long latest = latest();
      for (final InProcessRelayer relayer : List.of(first, second)) {
        assertThat(relayer.submissions("fiat-shamir", "reverted")).isZero();
        assertThat(relayer.submissions("fiat-shamir", "failed")).isZero();
        assertThat(relayer.submissions("fiat-shamir", "refused")).isZero();
      }
      for (long block = before + 1; block <= latest; block++) {
        assertThat(DevnetBeefyRelay.newMmrRootEvents(devnet, block))
            .as("block %d", block)
            .isLessThanOrEqualTo(1);
      }
    } finally {
      first.stop();
      second.stop();
    }
  }

  @Test
  void shouldRefuseAJustificationOverAWrongPayloadAndLeaveTheContractAlone() throws Exception {
    final InProcessRelayer relayer =
        InProcessRelayer.start(dir.resolve("corrupt"), "fiat-shamir", 7, 2);
    final String relay = devnet.endpoints().kusamaHttp();
    try {
      try {
        awaitThat(() -> relayer.submissions("fiat-shamir", "accepted") >= 1, PROGRESS);
        DevnetBeefyRelay.call(relay, "devnet_beefyCorruptPayload", true);
        awaitThat(() -> relayer.submissions("fiat-shamir", "refused") >= 1, PROGRESS);
        // Refused items end at once, so once none is open, whatever was queued before the
        // switch has landed and is final; from here nothing moves.
        awaitThat(() -> relayer.openItems() == 0, PROGRESS);
        final long frozen = latest();
        final double accepted = relayer.submissions("fiat-shamir", "accepted");
        final double refused = relayer.submissions("fiat-shamir", "refused");
        awaitThat(() -> relayer.submissions("fiat-shamir", "refused") >= refused + 2, PROGRESS);
        assertThat(latest()).isEqualTo(frozen);
        assertThat(relayer.submissions("fiat-shamir", "accepted")).isEqualTo(accepted);
        assertThat(relayer.submissions("fiat-shamir", "reverted")).isZero();
      } finally {
        DevnetBeefyRelay.call(relay, "devnet_beefyCorruptPayload", false);
      }
      final double accepted = relayer.submissions("fiat-shamir", "accepted");
      awaitThat(() -> relayer.submissions("fiat-shamir", "accepted") > accepted, PROGRESS);
    } finally {
      relayer.stop();
    }
  }

  /**
   * Messages waiting for a root: with an interval too long to ever come due, the route relays
   * nothing until asked (over the admin API) for a root covering a block ahead of the newest
   * justification; then it relays exactly the first commitment at or above it.
   */
  @Test
  void shouldRelayARootOnDemandAheadOfAnIntervalThatNeverComesDue() throws Exception {
    final InProcessRelayer relayer =
        InProcessRelayer.start(dir.resolve("demand"), "fiat-shamir", 5, 1_000_000);
    try {
      final long before = latest();
      awaitThat(() -> relayer.chainLatest() > before + 2, PROGRESS);
      assertThat(relayer.submissions("fiat-shamir", "accepted")).isZero();

      final long wanted = (long) relayer.chainLatest() + 2;
      final java.net.http.HttpResponse<String> asked = relayer.demand("kusama-to-ethereum", wanted);
      assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
      assertThat(asked.body()).contains("\"outcome\":\"awaiting_justification\"");
      awaitThat(() -> relayer.submissions("fiat-shamir", "accepted") >= 1, PROGRESS);
      final long latest = latest();
      assertThat(latest).isGreaterThanOrEqualTo(wanted);
      assertThat(contract.latestMmrRoot(BlockTag.LATEST).await(10, TimeUnit.SECONDS))
          .isEqualTo(DevnetBeefyRelay.runtimeMmrRoot(devnet, latest));

      final java.net.http.HttpResponse<String> again = relayer.demand("kusama-to-ethereum", latest);
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.body()).contains("\"outcome\":\"already_covered\"");
      assertThat(relayer.demand("polkadot-to-ethereum", latest).statusCode()).isEqualTo(404);
      assertThat(relayer.post("/api/v1/routes/kusama-to-ethereum/beefy-root?block=x", true))
          .satisfies(r -> assertThat(r.statusCode()).isEqualTo(400));
      assertThat(relayer.post("/api/v1/routes/kusama-to-ethereum/beefy-root?block=9", false))
          .satisfies(r -> assertThat(r.statusCode()).isEqualTo(401));
      assertThat(relayer.submissions("fiat-shamir", "accepted")).isEqualTo(1);
    } finally {
      relayer.stop();
    }
  }

  private static long latest() throws Exception {
    return contract.latestBeefyBlock(BlockTag.LATEST).await(10, TimeUnit.SECONDS);
  }

  static void awaitThat(final BooleanSupplier condition, final Duration timeout)
      throws InterruptedException {
    awaitThat(condition, timeout, 500);
  }

  /** Checks {@code condition} every {@code pollMillis} until it holds. */
  static void awaitThat(
      final BooleanSupplier condition, final Duration timeout, final long pollMillis)
      throws InterruptedException {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout);
      }
      Thread.sleep(pollMillis);
    }
  }
}
