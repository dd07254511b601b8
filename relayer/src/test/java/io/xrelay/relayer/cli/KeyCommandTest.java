package io.xrelay.relayer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class KeyCommandTest {

  @Test
  void shouldInspectTheDevnetBeefyKeyOfAlice() throws Exception {
    final CommandLineRun run =
        CommandLineRun.of(
            "key", "inspect", "//Alice", "--scheme", "ecdsa", "--network", "kusama", "--json");

    assertThat(run.exitCode()).isZero();
    final JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("scheme").asText()).isEqualTo("ecdsa");
    assertThat(json.get("publicKey").asText())
        .isEqualTo("0x020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1");
    assertThat(json.get("accountId").asText()).hasSize(66);
    final io.xrelay.substrate.keys.Ss58.Address address =
        io.xrelay.substrate.keys.Ss58.decode(json.get("ss58").asText());
    assertThat(address.prefix()).isEqualTo(2);
    assertThat(io.xrelay.scale.Hex.encode(address.accountId()))
        .isEqualTo(json.get("accountId").asText());
  }

  @Test
  void shouldDefaultToEd25519OnTheGenericPrefix() {
    final CommandLineRun run = CommandLineRun.of("key", "inspect", "//Alice");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("ed25519")
        .contains("0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee")
        .contains("SS58:        5");
  }

  @Test
  void shouldRejectBadInputWithOneLineThatHidesTheSecret() {
    final CommandLineRun badPhrase = CommandLineRun.of("key", "inspect", "my secret words//x");
    assertThat(badPhrase.exitCode()).isEqualTo(2);
    assertThat(badPhrase.err().strip().lines()).hasSize(1);
    assertThat(badPhrase.err()).contains("BIP39").doesNotContain("secret words");

    final CommandLineRun badScheme =
        CommandLineRun.of("key", "inspect", "//Alice", "--scheme", "sr25519");
    assertThat(badScheme.exitCode()).isEqualTo(2);
    assertThat(badScheme.err()).contains("unknown key scheme 'sr25519'");

    final CommandLineRun badNetwork =
        CommandLineRun.of("key", "inspect", "//Alice", "--network", "westend");
    assertThat(badNetwork.exitCode()).isEqualTo(2);
    assertThat(badNetwork.err()).contains("unknown network 'westend'");
  }
}
