package io.xrelay.relayer.route.beefy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import io.xrelay.config.ConfigLoader;
import io.xrelay.config.RelayerConfig;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.ethereum.beefy.BeefyClient;
import io.xrelay.ethereum.rpc.BlockTag;
import io.xrelay.ethereum.rpc.HttpEthereumRpc;
import io.xrelay.relayer.metrics.RelayerMetrics;
import io.xrelay.relayer.service.RelayerService;
import io.xrelay.relayer.service.Stores;
import io.xrelay.testing.LoopbackPorts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    contract =
        new BeefyClient(
            HttpEthereumRpc.create(
                vertx, HttpEthereumRpc.Options.of(List.of(devnet.endpoints().ethereumHttp()))),
            devnet.beefyClient().orElseThrow().address());
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
    final Relayer relayer = Relayer.start(dir.resolve(protocol), protocol, account, 3);
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
      final Timer latency = relayer.metrics.registry().find("relayer.route.latency").timer();
      System.out.printf(
          "BEEFY %s on the devnet: %d updates, gas per update mean %.0f max %.0f;"
              + " BEEFY finality to root in the contract mean %.1f s max %.1f s%n",
          protocol,
          gas.count(),
          gas.mean(),
          gas.max(),
          latency.mean(TimeUnit.MILLISECONDS) / 1000,
          latency.max(TimeUnit.MILLISECONDS) / 1000);
    } finally {
      relayer.stop();
    }
  }

  @Test
  void shouldRefuseAJustificationOverAWrongPayloadAndLeaveTheContractAlone() throws Exception {
    final Relayer relayer = Relayer.start(dir.resolve("corrupt"), "fiat-shamir", 7, 2);
    final String relay = devnet.endpoints().kusamaHttp();
    try {
      awaitThat(() -> relayer.submissions("fiat-shamir", "accepted") >= 1, PROGRESS);
      DevnetBeefyRelay.call(relay, "devnet_beefyCorruptPayload", true);
      awaitThat(() -> relayer.submissions("fiat-shamir", "refused") >= 1, PROGRESS);
      // Whatever was queued before the switch has landed by now; from here nothing moves.
      final long frozen = latest();
      final double accepted = relayer.submissions("fiat-shamir", "accepted");
      awaitThat(() -> relayer.submissions("fiat-shamir", "refused") >= 3, PROGRESS);
      assertThat(latest()).isEqualTo(frozen);
      assertThat(relayer.submissions("fiat-shamir", "accepted")).isEqualTo(accepted);
      assertThat(relayer.submissions("fiat-shamir", "reverted")).isZero();
    } finally {
      DevnetBeefyRelay.call(relay, "devnet_beefyCorruptPayload", false);
    }
    try {
      final double accepted = relayer.submissions("fiat-shamir", "accepted");
      awaitThat(() -> relayer.submissions("fiat-shamir", "accepted") > accepted, PROGRESS);
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

  /** The relayer service on one route, in this JVM. */
  private static final class Relayer {
    final RelayerMetrics metrics = new RelayerMetrics();
    final Vertx vertx = Vertx.vertx();
    RelayerService service;

    static Relayer start(
        final Path dir, final String protocol, final int account, final int minInterval)
        throws Exception {
      final Path file =
          DevnetBeefyRelay.writeConfig(
              devnet, dir, protocol, account, minInterval, LoopbackPorts.free());
      final RelayerConfig config = new ConfigLoader(Map.of()).load(file, Map.of()).config();
      final Relayer relayer = new Relayer();
      relayer.service =
          new RelayerService(
              relayer.vertx,
              config,
              Stores.open(relayer.vertx, config.store(), Clock.systemUTC()),
              relayer.metrics,
              Clock.systemUTC());
      relayer.service.start().await(180, TimeUnit.SECONDS);
      return relayer;
    }

    double submissions(final String protocol, final String outcome) {
      final Counter counter =
          metrics
              .registry()
              .find("relayer.beefy.submissions")
              .tag("protocol", protocol)
              .tag("outcome", outcome)
              .counter();
      return counter == null ? 0 : counter.count();
    }

    double mmrMismatches() {
      final Counter counter = metrics.registry().find("relayer.beefy.mmr.root.mismatch").counter();
      return counter == null ? 0 : counter.count();
    }

    DistributionSummary gas(final String protocol) {
      return metrics.registry().find("relayer.beefy.gas.used").tag("protocol", protocol).summary();
    }

    void stop() throws Exception {
      service.stop().await(60, TimeUnit.SECONDS);
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
