package io.xrelay.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example the README points to must stay valid and mean what its comments say. */
class ExampleConfigTest {
  private static final Path EXAMPLE = Path.of("examples/relayer.yaml");

  @Test
  void shouldLoadTheExampleWithTheVariablesItNames() {
    final LoadedConfig loaded =
        new ConfigLoader(
                Map.of(
                    "RELAYER_ETHEREUM_KEY", "0x" + "11".repeat(32), "RELAYER_ADMIN_TOKEN", "token"))
            .load(EXAMPLE, Map.of());
    final RelayerConfig config = loaded.config();

    assertThat(loaded.warnings()).isEmpty();
    assertThat(config.http().adminToken())
        .map(SecretSource::location)
        .hasValue("RELAYER_ADMIN_TOKEN");
    assertThat(config.chains()).containsOnlyKeys("kusama", "asset-hub-kusama", "ethereum");
    assertThat(config.chains().get("kusama").endpoints())
        .containsExactly(
            URI.create("wss://kusama-rpc.polkadot.io"), URI.create("wss://rpc.ibp.network/kusama"));
    assertThat(((SubstrateChainConfig) config.chains().get("asset-hub-kusama")).paraId())
        .hasValue(1000);
    assertThat(config.signers().get("ethereum-relayer").maxFeePerGas())
        .hasValue(new BigInteger("200000000000"));

    final BeefyToEthereumRoute toEthereum =
        (BeefyToEthereumRoute) config.routes().get("kusama-to-ethereum");
    assertThat(toEthereum.enabled()).isFalse();
    assertThat(toEthereum.retry())
        .isEqualTo(new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 50));
    assertThat(toEthereum.protocol()).isEqualTo(BeefyProtocol.INTERACTIVE);
    final XcmTrackerRoute tracker = (XcmTrackerRoute) config.routes().get("asset-hub-transfers");
    assertThat(tracker.timeout()).isEqualTo(Duration.ofHours(1));
    assertThat(tracker.bridgedTimeout()).isEqualTo(Duration.ofHours(24));
    assertThat(tracker.target()).isEmpty();
    assertThat(config.routes().get("kusama-beefy")).isInstanceOf(BeefyFinalityRoute.class);
  }

  @Test
  void shouldFailTheExampleWhenTheKeyVariableIsMissing() {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                    ConfigException.class, () -> new ConfigLoader(Map.of()).load(EXAMPLE, Map.of()))
                .errors())
        .extracting(ConfigError::toString)
        .containsExactly(
            "http.admin-token-env: environment variable RELAYER_ADMIN_TOKEN is not set",
            "signers.ethereum-relayer.key-env: environment variable RELAYER_ETHEREUM_KEY is not"
                + " set");
  }
}
