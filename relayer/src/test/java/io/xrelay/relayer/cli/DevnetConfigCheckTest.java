package io.xrelay.relayer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.config.ConfigLoader;
import io.xrelay.config.RelayerConfig;
import io.xrelay.config.SqliteStoreConfig;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.DevnetEndpoints;
import io.xrelay.devnet.DevnetOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config `devnet up` writes must pass `config check`, with and without Ethereum. */
class DevnetConfigCheckTest {
  @TempDir Path dataDir;

  @Test
  void shouldWriteAConfigThatPassesTheCheck() {
    final Path file =
        Devnet.writeRelayerConfig(
            DevnetOptions.defaults(dataDir),
            new DevnetEndpoints(
                "ws://127.0.0.1:8000",
                "http://127.0.0.1:8000",
                "ws://127.0.0.1:7999",
                "http://127.0.0.1:7999",
                "ws://127.0.0.1:8001",
                "http://127.0.0.1:8001",
                "http://127.0.0.1:8545",
                "ws://127.0.0.1:8545"));

    final CommandLineRun run = CommandLineRun.of("config", "check", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("ok").contains("kusama-beefy", "beefy-finality, kusama");
    final RelayerConfig config = new ConfigLoader(Map.of()).load(file, Map.of()).config();
    assertThat(config.routes())
        .containsKeys("kusama-beefy", "kusama-to-asset-hub", "asset-hub-to-kusama");
    assertThat(config.chains()).containsOnlyKeys("kusama", "asset-hub-kusama", "ethereum");
    assertThat(config.chains().get("ethereum").endpoints())
        .containsExactly(URI.create("ws://127.0.0.1:8545"), URI.create("http://127.0.0.1:8545"));
    assertThat(((SqliteStoreConfig) config.store()).path())
        .isEqualTo(dataDir.resolve("devnet/relayer.db").toAbsolutePath());
    assertThat(config.dataDir()).isEqualTo(dataDir.toAbsolutePath());
  }

  @Test
  void shouldEnableTheBeefyRouteToTheDevnetsBeefyClient() {
    final String contract = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    final Path file =
        Devnet.writeRelayerConfig(
            DevnetOptions.defaults(dataDir),
            new DevnetEndpoints(
                "ws://127.0.0.1:8000",
                "http://127.0.0.1:8000",
                "ws://127.0.0.1:7999",
                "http://127.0.0.1:7999",
                "ws://127.0.0.1:8001",
                "http://127.0.0.1:8001",
                "http://127.0.0.1:8545",
                "ws://127.0.0.1:8545"),
            java.util.Optional.of(
                new io.xrelay.devnet.BeefyClientDeployment(
                    contract,
                    "0x" + "ab".repeat(32),
                    java.math.BigInteger.valueOf(4_000_000),
                    10,
                    1,
                    2,
                    "0x" + "01".repeat(32),
                    2,
                    2,
                    "0x" + "02".repeat(32),
                    3,
                    24,
                    "BeefyClient.json")));

    final CommandLineRun run = CommandLineRun.of("config", "check", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    final RelayerConfig config = new ConfigLoader(Map.of()).load(file, Map.of()).config();
    final io.xrelay.config.BeefyToEthereumRoute route =
        (io.xrelay.config.BeefyToEthereumRoute) config.routes().get("kusama-to-ethereum");
    assertThat(route.enabled()).isTrue();
    assertThat(route.contract()).isEqualTo(contract);
    assertThat(route.source()).isEqualTo("kusama");
    assertThat(route.target()).isEqualTo("ethereum");
    assertThat(route.protocol()).isEqualTo(io.xrelay.config.BeefyProtocol.FIAT_SHAMIR);
    assertThat(route.minInterval()).isEqualTo(Devnet.BEEFY_MIN_INTERVAL);
    assertThat(config.signers().get(route.signer()).key().read().reveal())
        .isEqualTo(
            io.xrelay.devnet.DevnetEthereumAccounts.ACCOUNTS
                .get(io.xrelay.devnet.DevnetEthereumAccounts.BEEFY_RELAYER)
                .privateKey());
  }

  @Test
  void shouldLeaveEthereumOutWhenTheDevnetHasNone() {
    final Path file =
        Devnet.writeRelayerConfig(
            DevnetOptions.defaults(dataDir).withoutEthereum(),
            new DevnetEndpoints(
                "ws://127.0.0.1:8000",
                "http://127.0.0.1:8000",
                "ws://127.0.0.1:7999",
                "http://127.0.0.1:7999",
                "ws://127.0.0.1:8001",
                "http://127.0.0.1:8001",
                null,
                null));

    final CommandLineRun run = CommandLineRun.of("config", "check", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("chains (2):").doesNotContain("chain id");
  }
}
