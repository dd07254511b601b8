package io.xrelay.relayer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.substrate.keys.KeyPair;
import io.xrelay.substrate.keys.KeyScheme;
import io.xrelay.substrate.keys.Ss58;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
  private static final Path EXAMPLE = Path.of("../config/examples/relayer.yaml");

  /** Anvil's first dev account: a published test key and its well-known address. */
  private static final String ANVIL_KEY =
      "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  private static final String ANVIL_ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

  private static final String CHAINS =
      "chains:\n"
          + "  kusama:\n    preset: kusama\n    endpoints: [ws://127.0.0.1:9944]\n"
          + "  ethereum:\n    preset: ethereum\n"
          + "    endpoints: [https://mainnet.example/v3/secret-api-key]\n";

  @TempDir Path dir;

  @Test
  void shouldPrintOkAndASummaryWithAccountsButNoSecret() {
    final CommandLineRun run =
        CommandLineRun.withEnvironment(
            Map.of("RELAYER_ETHEREUM_KEY", ANVIL_KEY, "RELAYER_ADMIN_TOKEN", "admin-secret"),
            "config",
            "check",
            EXAMPLE.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().findFirst()).hasValue("ok");
    assertThat(run.out())
        .contains("chains (3):", "signers (1):", "routes (3):")
        .contains("ethereum-relayer", "ethereum on ethereum", "account " + ANVIL_ADDRESS)
        .contains("key from environment variable RELAYER_ETHEREUM_KEY")
        .contains("kusama-to-ethereum", "kusama -> ethereum, signer ethereum-relayer")
        .contains("(disabled)")
        .contains("asset-hub-kusama", "para 1000")
        .doesNotContain(ANVIL_KEY.substring(2), "admin-secret");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void shouldDeriveSubstrateAccountsWithTheChainsPrefix() throws Exception {
    final Path file =
        write(
            CHAINS
                + "signers:\n  alice:\n    chain: kusama\n    scheme: ecdsa\n    key-env: ALICE\n"
                + "routes:\n  r:\n    kind: beefy-finality\n    source: kusama\n");

    final CommandLineRun run =
        CommandLineRun.withEnvironment(
            Map.of("ALICE", "//Alice"), "config", "check", file.toString());

    final String expected = Ss58.encode(KeyPair.fromUri("//Alice", KeyScheme.ECDSA).accountId(), 2);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("alice", "ecdsa on kusama, account " + expected);
    assertThat(run.err()).contains("warning: signers.alice: no route uses this signer");
  }

  @Test
  void shouldShowEndpointHostsButNotTheirPathsWhichMayHoldApiKeys() throws Exception {
    final CommandLineRun run = CommandLineRun.of("config", "check", write(CHAINS).toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("https://mainnet.example").doesNotContain("secret-api-key");
  }

  @Test
  void shouldReadTheEnvironmentItIsGiven() throws Exception {
    final CommandLineRun run =
        CommandLineRun.withEnvironment(
            Map.of("RELAYER_HTTP_PORT", "9999"), "config", "check", write(CHAINS).toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("http: 127.0.0.1:9999");
  }

  @Test
  void shouldPrintEveryErrorOnItsOwnLineAndExitWithOne() throws Exception {
    final Path file =
        write(
            "http:\n  port: 70000\n"
                + "chains:\n  kusama:\n    kind: substrate\n    endpoint: [ws://a]\n"
                + "routes:\n  kusama-beefy:\n    kind: beefy-finality\n    source: kusam\n");

    final CommandLineRun run = CommandLineRun.of("config", "check", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly(
            "http.port: 70000 is not a port (1-65535)",
            "chains.kusama.endpoint: unknown key (did you mean endpoints?)",
            "chains.kusama.endpoints: at least one endpoint is required",
            "routes.kusama-beefy.source: no chain named 'kusam' (known: kusama)");
  }

  @Test
  void shouldRejectKeysThatAreNotKeyMaterialWithoutRepeatingThem() throws Exception {
    final Path keyFile = dir.resolve("eth.key");
    Files.writeString(keyFile, "0x1234deadbeef\n");
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    final Path file =
        write(
            CHAINS
                + "signers:\n"
                + "  k:\n    chain: kusama\n    key-env: KUSAMA_KEY\n"
                + "  e:\n    chain: ethereum\n    key-file: "
                + keyFile
                + "\n");

    final CommandLineRun run =
        CommandLineRun.withEnvironment(
            Map.of("KUSAMA_KEY", "twelve secret words that are not a mnemonic at all ok"),
            "config",
            "check",
            file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines())
        .containsExactly(
            "signers.k.key-env: the key in environment variable KUSAMA_KEY is not a secret URI"
                + " for ed25519 (the secret phrase is not a valid BIP39 English mnemonic)",
            "signers.e.key-file: the key in file "
                + keyFile
                + " is not an Ethereum private key (64 hex digits, with or without 0x)");
    assertThat(run.err()).doesNotContain("secret words", "deadbeef");
  }

  @Test
  void shouldExitWithTwoWhenTheFileCannotBeRead() {
    final CommandLineRun run =
        CommandLineRun.of("config", "check", dir.resolve("missing.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo("error: " + dir.resolve("missing.yaml") + ": no such file");
  }

  @Test
  void shouldTreatAFileThatIsNotYamlAsInvalid() throws Exception {
    final CommandLineRun run =
        CommandLineRun.of("config", "check", write("chains: [unclosed\n").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("not valid YAML: line ");
  }

  private Path write(final String yaml) throws Exception {
    final Path file = Files.createTempFile(dir, "relayer", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
