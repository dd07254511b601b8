package io.xrelay.relayer.xcm.transfer;

import io.vertx.core.Vertx;
import io.xrelay.config.ConfigLoader;
import io.xrelay.config.RelayerConfig;
import io.xrelay.config.SubstrateChainConfig;
import io.xrelay.devnet.Devnet;
import io.xrelay.substrate.keys.KeyPair;
import io.xrelay.substrate.keys.KeyScheme;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A small load driver for the figure "seconds from submission to outcome": N transfers in each
 * direction, one after the other, on a running devnet, with min / median / mean / max. Not a test
 * (no timing assertion); run it by hand:
 *
 * <pre>
 * java -cp relayer/target/relayer.jar:relayer/target/test-classes \
 *   io.xrelay.relayer.xcm.transfer.TransferLatencyDriver ./data 10
 * </pre>
 */
public final class TransferLatencyDriver {
  private TransferLatencyDriver() {}

  public static void main(final String[] args) throws Exception {
    final Path data = Path.of(args.length > 0 ? args[0] : "./data");
    final int count = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    final Devnet devnet =
        Devnet.running(data)
            .orElseThrow(() -> new IllegalStateException("no running devnet in " + data));
    final RelayerConfig config =
        new ConfigLoader(System.getenv()).load(devnet.configFile(), Map.of()).config();
    final SubstrateChainConfig kusama = (SubstrateChainConfig) config.chain("kusama").orElseThrow();
    final SubstrateChainConfig assetHub =
        (SubstrateChainConfig) config.chain("asset-hub-kusama").orElseThrow();
    final KeyPair alice = KeyPair.fromUri("//Alice", KeyScheme.ED25519);
    final KeyPair bob = KeyPair.fromUri("//Bob", KeyScheme.ECDSA);
    final List<Double> down = new ArrayList<>();
    final List<Double> up = new ArrayList<>();
    final Vertx vertx = Vertx.vertx();
    try {
      final XcmTransfer transfer = new XcmTransfer(vertx);
      for (int i = 0; i < count; i++) {
        down.add(seconds(transfer.run(request(kusama, assetHub, alice))));
        up.add(seconds(transfer.run(request(assetHub, kusama, bob))));
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
    print("kusama -> asset-hub-kusama (downward)", down);
    print("asset-hub-kusama -> kusama (upward)", up);
  }

  private static XcmTransfer.Request request(
      final SubstrateChainConfig from, final SubstrateChainConfig to, final KeyPair key) {
    final byte[] beneficiary =
        KeyPair.fromUri("//Latency" + UUID.randomUUID(), KeyScheme.ED25519).accountId();
    return new XcmTransfer.Request(
        from,
        to,
        "KSM",
        "1",
        OptionalInt.empty(),
        new Beneficiary(beneficiary),
        key,
        false,
        Duration.ofSeconds(120));
  }

  private static double seconds(final TransferResult result) {
    if (!result.outcome().equals("success")) {
      throw new IllegalStateException(
          "transfer " + result.outcome() + ": " + result.error().orElse(""));
    }
    System.out.printf(
        Locale.ROOT,
        "%s -> %s: %.2f s (origin block %d, destination block %d)%n",
        result.originChain(),
        result.destinationChain(),
        result.seconds(),
        result.originBlock(),
        result.destinationBlock());
    return result.seconds();
  }

  private static void print(final String what, final List<Double> seconds) {
    final List<Double> sorted = seconds.stream().sorted().toList();
    System.out.printf(
        Locale.ROOT,
        "%s: n=%d min %.2f s, median %.2f s, mean %.2f s, max %.2f s%n",
        what,
        sorted.size(),
        sorted.get(0),
        sorted.get(sorted.size() / 2),
        sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0),
        sorted.get(sorted.size() - 1));
  }
}
