package io.xrelay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkPresetTest {

  @Test
  void shouldGiveEachRealNetworkItsIdentity() {
    final RelayerConfig config =
        ConfigRun.load(
                "chains:\n"
                    + "  ksm:\n    preset: kusama\n"
                    + "  dot:\n    preset: polkadot\n"
                    + "  ahk:\n    preset: asset-hub-kusama\n"
                    + "  ahp:\n    preset: asset-hub-polkadot\n"
                    + "  bhk:\n    preset: bridge-hub-kusama\n"
                    + "  bhp:\n    preset: bridge-hub-polkadot\n"
                    + "  eth:\n    preset: ethereum\n")
            .config();

    assertSubstrate(config, "ksm", 2, null);
    assertSubstrate(config, "dot", 0, null);
    assertSubstrate(config, "ahk", 2, 1000L);
    assertSubstrate(config, "ahp", 0, 1000L);
    assertSubstrate(config, "bhk", 2, 1002L);
    assertSubstrate(config, "bhp", 0, 1002L);
    final EthereumChainConfig ethereum = (EthereumChainConfig) config.chains().get("eth");
    assertThat(ethereum.chainId()).isEqualTo(1);
    assertThat(ethereum.finality()).isEqualTo(EthereumFinality.FINALIZED);
    assertThat(ethereum.endpoints()).isNotEmpty().allMatch(url -> url.getScheme().equals("https"));
    for (final ChainConfig chain : config.chains().values()) {
      assertThat(chain.endpoints()).as(chain.name()).isNotEmpty();
      assertThat(chain.preset()).as(chain.name()).isPresent();
    }
    assertThat(config.chains().get("ksm").endpoints())
        .contains(URI.create("wss://kusama-rpc.polkadot.io"));
  }

  private static void assertSubstrate(
      final RelayerConfig config, final String name, final int ss58, final Long paraId) {
    final SubstrateChainConfig chain = (SubstrateChainConfig) config.chains().get(name);
    assertThat(chain.ss58Prefix()).as(name).isEqualTo(ss58);
    if (paraId == null) {
      assertThat(chain.paraId()).as(name).isEmpty();
    } else {
      assertThat(chain.paraId()).as(name).hasValue(paraId);
    }
    assertThat(chain.endpoints()).as(name).allMatch(url -> url.getScheme().equals("wss"));
  }

  @Test
  void shouldLetTheFileOverrideWhatAPresetGives() {
    final SubstrateChainConfig chain =
        (SubstrateChainConfig)
            ConfigRun.load(
                    "chains:\n  kusama:\n    preset: kusama\n    endpoints: [ws://127.0.0.1:9944]\n"
                        + "    ss58-prefix: 42\n    request-timeout: 5s\n")
                .config()
                .chains()
                .get("kusama");

    assertThat(chain.endpoints()).containsExactly(URI.create("ws://127.0.0.1:9944"));
    assertThat(chain.ss58Prefix()).isEqualTo(42);
    assertThat(chain.requestTimeout()).hasSeconds(5);
    assertThat(chain.preset()).hasValue(NetworkPreset.KUSAMA);
  }

  @Test
  void shouldResolveTheDevnetPresetByTheChainsName() {
    final RelayerConfig config =
        ConfigRun.load(
                "chains:\n"
                    + "  kusama:\n    preset: devnet\n    endpoints: [ws://127.0.0.1:8000]\n"
                    + "  asset-hub-kusama:\n    preset: devnet\n    endpoints: [ws://127.0.0.1:8001]\n"
                    + "  ethereum:\n    preset: devnet\n    endpoints: [http://127.0.0.1:8545]\n")
            .config();

    assertThat(config.chains().get("kusama").preset()).hasValue(NetworkPreset.DEVNET_KUSAMA);
    assertThat(((SubstrateChainConfig) config.chains().get("kusama")).ss58Prefix()).isEqualTo(2);
    assertThat(((SubstrateChainConfig) config.chains().get("asset-hub-kusama")).paraId())
        .hasValue(1000);
    assertThat(((EthereumChainConfig) config.chains().get("ethereum")).chainId()).isEqualTo(31337);
  }

  @Test
  void shouldRequireEndpointsForDevnetChainsAndKnownNames() {
    assertThat(ConfigRun.errors("chains:\n  kusama:\n    preset: devnet\n"))
        .containsExactly("chains.kusama.endpoints: at least one endpoint is required");
    assertThat(ConfigRun.errors("chains:\n  polkadot:\n    preset: devnet\n"))
        .containsExactly(
            "chains.polkadot.preset: the devnet preset knows the chains kusama, asset-hub-kusama,"
                + " ethereum, not 'polkadot'");
    assertThat(ConfigRun.errors("chains:\n  westend:\n    preset: westend\n"))
        .containsExactly(
            "chains.westend.preset: 'westend' is not a preset (known: kusama, polkadot,"
                + " asset-hub-kusama, asset-hub-polkadot, bridge-hub-kusama,"
                + " bridge-hub-polkadot, ethereum, devnet)");
  }

  @Test
  void shouldRejectAKindThatContradictsThePreset() {
    assertThat(ConfigRun.errors("chains:\n  kusama:\n    preset: kusama\n    kind: ethereum\n"))
        .containsExactly(
            "chains.kusama.kind: 'ethereum' contradicts preset 'kusama' (a substrate chain)");
  }

  @Test
  void shouldNotResolveDevnetChainsByTheirEnumName() {
    assertThatThrownBy(() -> NetworkPreset.resolve("devnet", "bridge-hub-kusama"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(NetworkPreset.resolve("kusama", "anything")).isEqualTo(NetworkPreset.KUSAMA);
    assertThat(NetworkPreset.DEVNET_KUSAMA.endpoints()).isEmpty();
    assertThat(ConfigRun.load("", Map.of(), Map.of()).config().chains()).isEmpty();
  }
}
