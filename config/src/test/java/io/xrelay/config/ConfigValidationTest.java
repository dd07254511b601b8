package io.xrelay.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule, with the exact path and message an operator sees. */
class ConfigValidationTest {
  private static final String CHAINS =
      "chains:\n"
          + "  kusama:\n    kind: substrate\n    endpoints: [ws://127.0.0.1:9944]\n"
          + "  ethereum:\n    kind: ethereum\n    chain-id: 31337\n"
          + "    endpoints: [http://127.0.0.1:8545]\n";
  private static final Map<String, String> KEYS =
      Map.of("ETH_KEY", "0x" + "11".repeat(32), "KUSAMA_KEY", "//Alice");

  @TempDir Path dir;

  private static List<String> errors(final String yaml) {
    return ConfigRun.errors(yaml, KEYS, Map.of());
  }

  @Test
  void shouldNameTheEndpointThatIsNotAWebSocketUrl() {
    assertThat(
            errors(
                "chains:\n  kusama:\n    kind: substrate\n"
                    + "    endpoints: [wss://ok.example, https://rpc.example, not a url]\n"))
        .containsExactly(
            "chains.kusama.endpoints[1]: not a ws:// or wss:// URL",
            "chains.kusama.endpoints[2]: not a ws:// or wss:// URL");
    assertThat(
            errors(
                "chains:\n  ethereum:\n    kind: ethereum\n    chain-id: 1\n"
                    + "    endpoints: [https://rpc.example, ws://rpc.example, ftp://rpc.example]\n"))
        .containsExactly("chains.ethereum.endpoints[2]: not an http(s):// or ws(s):// URL");
  }

  @Test
  void shouldRejectAPortOutOfRange() {
    assertThat(errors("http:\n  port: 70000\n"))
        .containsExactly("http.port: 70000 is not a port (1-65535)");
    assertThat(errors("http:\n  port: 0\n"))
        .containsExactly("http.port: 0 is not a port (1-65535)");
  }

  @Test
  void shouldNameTheUnknownChainAndTheKnownOnes() {
    assertThat(
            errors(
                CHAINS + "routes:\n  kusama-beefy:\n    kind: beefy-finality\n    source: kusam\n"))
        .containsExactly(
            "routes.kusama-beefy.source: no chain named 'kusam' (known: kusama, ethereum)");
  }

  @Test
  void shouldRejectASignerOfAnotherChainThanTheTarget() {
    final String yaml =
        CHAINS
            + "signers:\n  eth:\n    chain: kusama\n    key-env: KUSAMA_KEY\n"
            + "routes:\n  x:\n    kind: beefy-to-ethereum\n    source: kusama\n    target: ethereum\n"
            + "    signer: eth\n    contract: \"0x00000000000000000000000000000000000000aa\"\n";

    assertThat(errors(yaml))
        .containsExactly(
            "routes.x.signer: signer 'eth' is for chain 'kusama', not the route's target 'ethereum'");
  }

  @Test
  void shouldSuggestTheKeyAnUnknownOneWasMeantToBe() {
    assertThat(
            errors(
                "chains:\n  kusama:\n    kind: substrate\n    endpoint: [ws://127.0.0.1:9944]\n"))
        .containsExactly(
            "chains.kusama.endpoint: unknown key (did you mean endpoints?)",
            "chains.kusama.endpoints: at least one endpoint is required");
    assertThat(errors("htp:\n  port: 1\nzzz: 1\n"))
        .containsExactly(
            "htp: unknown key (did you mean http?)",
            "zzz: unknown key (known: data-dir, log-format, shutdown-grace-period, http, store,"
                + " chains, signers, routes, retry)");
    assertThat(errors("retry:\n  max_attempts: 3\n"))
        .containsExactly("retry.max_attempts: unknown key (did you mean max-attempts?)");
  }

  @Test
  void shouldRejectWrongTypes() {
    assertThat(
            errors(
                "http: 8080\n"
                    + "shutdown-grace-period: 30\n"
                    + "log-format: xml\n"
                    + "retry:\n  max-attempts: many\n  initial-backoff: [1s]\n"
                    + "chains:\n  kusama:\n    kind: substrate\n    endpoints: {a: 1}\n"
                    + "    ss58-prefix: 2.5\n"))
        .containsExactly(
            "log-format: 'xml' is not one of text, json",
            "shutdown-grace-period: '30' is not a duration (a number and a unit: 500ms, 30s, 5m,"
                + " 1h, 2d, or 1h30m)",
            "http: expected a mapping of keys, got '8080'",
            "retry.initial-backoff: expected a single value, got a list",
            "retry.max-attempts: 'many' is not a whole number",
            "chains.kusama.endpoints: expected a list, got a mapping",
            "chains.kusama.ss58-prefix: '2.5' is not a whole number");
  }

  @Test
  void shouldRejectABooleanThatIsNotTrueOrFalse() {
    assertThat(
            errors(
                CHAINS
                    + "routes:\n  r:\n    kind: beefy-finality\n    source: kusama\n    enabled: maybe\n"))
        .containsExactly("routes.r.enabled: 'maybe' is not true or false");
  }

  @Test
  void shouldRejectImpossibleValues() {
    assertThat(
            errors(
                "shutdown-grace-period: 0s\n"
                    + "retry:\n  initial-backoff: 10m\n  max-backoff: 1m\n  max-attempts: 0\n"
                    + "store:\n  kind: postgres\n  url: postgresql://db/relayer\n  pool-size: 0\n"
                    + "chains:\n  kusama:\n    kind: substrate\n    endpoints: [ws://a]\n"
                    + "    ss58-prefix: 46\n    para-id: -1\n    request-timeout: 0ms\n"
                    + "  ethereum:\n    kind: ethereum\n    chain-id: 0\n    endpoints: [http://a]\n"
                    + "routes:\n  t:\n    kind: xcm-tracker\n    source: kusama\n"
                    + "    timeout: 2h\n    bridged-timeout: 1h\n"))
        .containsExactly(
            "shutdown-grace-period: must be longer than 0s",
            "retry.max-attempts: 0 is not a number of attempts (1-1000000)",
            "retry.max-backoff: max-backoff 1m is shorter than initial-backoff 10m",
            "store.pool-size: 0 is not a pool size (1-1000)",
            "chains.kusama.request-timeout: must be longer than 0s",
            "chains.kusama.ss58-prefix: 46 is not a usable SS58 prefix (0-16383, not 46 or 47)",
            "chains.kusama.para-id: -1 is not a para id (0-4294967295)",
            "chains.ethereum.chain-id: 0 is not a chain id (1 or more)",
            "routes.t.bridged-timeout: bridged-timeout 1h is shorter than timeout 2h");
  }

  @Test
  void shouldCollectEveryErrorInOnePass() {
    final List<String> errors =
        errors(
            "http:\n  port: -1\n  host: 'bad host'\n"
                + "chains:\n  Kusama:\n    kind: substrate\n"
                + "  ethereum:\n    kind: ethereum\n    endpoints: [http://a]\n"
                + "routes:\n  r:\n    kind: teleport\n");

    assertThat(errors)
        .containsExactly(
            "http.host: 'bad host' is not a host name or IP address",
            "http.port: -1 is not a port (1-65535)",
            "chains.Kusama: not a valid name (lower-case letters and digits, words joined by"
                + " single hyphens, at most 63 characters)",
            "chains.ethereum.chain-id: required for ethereum chains (1 for mainnet), or set a"
                + " preset",
            "routes.r.kind: 'teleport' is not one of beefy-finality, beefy-to-ethereum,"
                + " xcm-tracker",
            "routes.r.source: required: the name of a chain");
  }

  @Test
  void shouldRequireAKindOrAPresetForEveryChain() {
    assertThat(errors("chains:\n  kusama:\n    endpoints: [ws://a]\n"))
        .containsExactly("chains.kusama.kind: required (substrate or ethereum), or set a preset");
  }

  @Test
  void shouldKeepKindSpecificKeysToTheirKind() {
    assertThat(
            errors(
                "chains:\n"
                    + "  kusama:\n    kind: substrate\n    endpoints: [ws://a]\n    chain-id: 1\n"
                    + "    finality: safe\n"
                    + "  ethereum:\n    preset: ethereum\n    ss58-prefix: 2\n    para-id: 1000\n"))
        .containsExactly(
            "chains.kusama.chain-id: only for ethereum chains",
            "chains.kusama.finality: only for ethereum chains",
            "chains.ethereum.ss58-prefix: only for substrate chains",
            "chains.ethereum.para-id: only for substrate chains");
  }

  @Test
  void shouldCheckRoutesOfEachKind() {
    final String yaml =
        CHAINS
            + "signers:\n  eth:\n    chain: ethereum\n    key-env: ETH_KEY\n"
            + "routes:\n"
            + "  finality:\n    kind: beefy-finality\n    source: kusama\n    target: ethereum\n"
            + "    signer: eth\n    timeout: 1h\n"
            + "  tracker:\n    kind: xcm-tracker\n    source: kusama\n    target: ethereum\n"
            + "    signer: eth\n    contract: \"0x00000000000000000000000000000000000000aa\"\n"
            + "    webhooks: [https://hooks.example/x, wss://hooks.example]\n"
            + "  to-ethereum:\n    kind: beefy-to-ethereum\n    source: ethereum\n"
            + "    target: kusama\n    protocol: snark\n    min-interval: 0\n";

    assertThat(errors(yaml))
        .containsExactly(
            "routes.finality.timeout: only for xcm-tracker routes",
            "routes.finality.target: beefy-finality routes have no target (they only watch the"
                + " source)",
            "routes.finality.signer: beefy-finality routes do not sign anything",
            "routes.tracker.contract: only for beefy-to-ethereum routes",
            "routes.tracker.signer: xcm-tracker routes do not sign anything",
            "routes.tracker.target: chain 'ethereum' is an ethereum chain; xcm-tracker routes"
                + " need a substrate target",
            "routes.tracker.webhooks[1]: not an http:// or https:// URL",
            "routes.to-ethereum.source: chain 'ethereum' is an ethereum chain; beefy-to-ethereum"
                + " routes need a substrate source",
            "routes.to-ethereum.target: chain 'kusama' is a substrate chain; beefy-to-ethereum"
                + " routes need an ethereum target",
            "routes.to-ethereum.signer: required: the ethereum signer that submits to the target",
            "routes.to-ethereum.contract: required: the address of the BeefyClient contract",
            "routes.to-ethereum.protocol: 'snark' is not one of interactive, fiat-shamir",
            "routes.to-ethereum.min-interval: 0 is not a number of blocks (1 or more)");
  }

  @Test
  void shouldCheckContractAddressesIncludingTheirChecksum() {
    final String route =
        CHAINS
            + "signers:\n  eth:\n    chain: ethereum\n    key-env: ETH_KEY\n"
            + "routes:\n  r:\n    kind: beefy-to-ethereum\n    source: kusama\n"
            + "    target: ethereum\n    signer: eth\n    contract: \"%s\"\n";
    final String lower = "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
    final String checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    final BeefyToEthereumRoute valid =
        (BeefyToEthereumRoute)
            ConfigRun.load(String.format(route, checksummed), KEYS, Map.of())
                .config()
                .routes()
                .get("r");
    assertThat(valid.contract()).isEqualTo("0x" + lower);
    assertThat(ConfigRun.load(String.format(route, "0x" + lower), KEYS, Map.of()).config())
        .isNotNull();
    assertThat(errors(String.format(route, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")))
        .containsExactly(
            "routes.r.contract: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD' fails its EIP-55"
                + " checksum (mistyped?); write it in lower case to skip the check");
    assertThat(errors(String.format(route, "0x1234")))
        .containsExactly("routes.r.contract: '0x1234' is not an address (0x and 40 hex digits)");
    assertThat(errors(String.format(route, "0x" + "0".repeat(40))))
        .containsExactly("routes.r.contract: is the zero address");
  }

  @Test
  void shouldMatchSignerSchemesToTheirChain() {
    assertThat(
            errors(
                CHAINS
                    + "signers:\n"
                    + "  a:\n    chain: ethereum\n    scheme: ecdsa\n    key-env: ETH_KEY\n"
                    + "  b:\n    chain: kusama\n    scheme: ethereum\n    key-env: KUSAMA_KEY\n"
                    + "  c:\n    chain: kusama\n    key-env: KUSAMA_KEY\n    max-fee-per-gas: 1gwei\n"
                    + "  d:\n    chain: polkadot\n    key-env: KUSAMA_KEY\n"
                    + "  e:\n    chain: ethereum\n    key-env: ETH_KEY\n    max-fee-per-gas: lots\n"))
        .containsExactly(
            "signers.a.scheme: chain 'ethereum' is an ethereum chain: its signers use the ethereum"
                + " scheme",
            "signers.b.scheme: chain 'kusama' is a substrate chain: its signers use ed25519 or"
                + " ecdsa",
            "signers.c.max-fee-per-gas: only for ethereum signers",
            "signers.d.chain: no chain named 'polkadot' (known: kusama, ethereum)",
            "signers.e.max-fee-per-gas: 'lots' is not an amount (a number of wei, or with a unit:"
                + " 50gwei, 0.1ether)");
  }

  @Test
  void shouldDefaultSignerSchemesByChainKind() {
    final RelayerConfig config =
        ConfigRun.load(
                CHAINS
                    + "signers:\n"
                    + "  k:\n    chain: kusama\n    key-env: KUSAMA_KEY\n"
                    + "  e:\n    chain: ethereum\n    key-env: ETH_KEY\n    max-fee-per-gas: 30gwei\n",
                KEYS,
                Map.of())
            .config();

    assertThat(config.signers().get("k").scheme()).isEqualTo(SignerScheme.ED25519);
    assertThat(config.signers().get("e").scheme()).isEqualTo(SignerScheme.ETHEREUM);
    assertThat(config.signers().get("e").maxFeePerGas())
        .hasValue(new java.math.BigInteger("30000000000"));
  }

  @Test
  void shouldCheckKeyFilesAndVariables() throws Exception {
    final Path readable = dir.resolve("open.key");
    Files.writeString(readable, "//Alice\n");
    Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
    final Path missing = dir.resolve("missing.key");
    final String yaml =
        CHAINS
            + "signers:\n"
            + "  a:\n    chain: kusama\n    key-file: "
            + missing
            + "\n"
            + "  b:\n    chain: kusama\n    key-env: UNSET_KEY\n"
            + "  c:\n    chain: kusama\n    key-env: EMPTY_KEY\n"
            + "  d:\n    chain: kusama\n    key-env: KUSAMA_KEY\n    key-file: "
            + readable
            + "\n"
            + "  e:\n    chain: kusama\n"
            + "  f:\n    chain: kusama\n    key-file: "
            + dir
            + "\n"
            + "  g:\n    chain: kusama\n    key-env: 'not-a-name'\n";

    assertThat(ConfigRun.errors(yaml, Map.of("KUSAMA_KEY", "//Alice", "EMPTY_KEY", " "), Map.of()))
        .containsExactly(
            "signers.a.key-file: file " + missing + " does not exist",
            "signers.b.key-env: environment variable UNSET_KEY is not set",
            "signers.c.key-env: environment variable EMPTY_KEY is empty",
            "signers.d.key-env: set either key-file or key-env, not both",
            "signers.e: needs a key: set key-file or key-env",
            "signers.f.key-file: " + dir + " is not a regular file",
            "signers.g.key-env: 'not-a-name' is not an environment variable name");
  }

  @Test
  void shouldWarnAboutAKeyFileEveryUserCanRead() throws Exception {
    final Path readable = dir.resolve("open.key");
    Files.writeString(readable, "//Alice\n");
    Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
    final Path privateKey = dir.resolve("private.key");
    Files.writeString(privateKey, "//Bob\n");
    Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
    final String yaml =
        CHAINS
            + "signers:\n"
            + "  open:\n    chain: kusama\n    key-file: "
            + readable
            + "\n  closed:\n    chain: kusama\n    key-file: "
            + privateKey
            + "\nroutes:\n  r:\n    kind: beefy-finality\n    source: kusama\n";

    assertThat(ConfigRun.load(yaml).warnings())
        .extracting(ConfigError::toString)
        .containsExactly(
            "signers.open.key-file: file "
                + readable
                + " can be read by every user of this machine (chmod 600 it)",
            "signers.open: no route uses this signer",
            "signers.closed: no route uses this signer");
  }

  @Test
  void shouldCheckTheStore() {
    assertThat(
            errors(
                "store:\n  url: postgresql://db/relayer\n  pool-size: 4\n"
                    + "  ownership:\n    kind: advisory-lock\n    namespace: relayer\n"))
        .containsExactly(
            "store.ownership.kind: advisory-lock needs a store that several instances share"
                + " (store.kind: postgres)",
            "store.ownership.namespace: only for kubernetes-lease ownership",
            "store.url: only for postgres stores (store.kind is sqlite)",
            "store.pool-size: only for postgres stores (store.kind is sqlite)");
    assertThat(errors("store:\n  kind: postgres\n  path: /data/relayer.db\n"))
        .containsExactly(
            "store.path: only for sqlite stores (store.kind is postgres)",
            "store.url: required for a postgres store (postgresql://host[:port]/database)");
    assertThat(errors("store:\n  kind: postgres\n  url: jdbc:postgresql://db/relayer\n"))
        .containsExactly(
            "store.url: write postgresql://host[:port]/database, without the jdbc: prefix");
    assertThat(
            errors(
                "store:\n  kind: postgres\n  url: postgresql://db/x\n"
                    + "  ownership:\n    kind: kubernetes-lease\n    namespace: Relayer_NS\n"
                    + "    lease-prefix: -x\n"))
        .containsExactly(
            "store.ownership.namespace: 'Relayer_NS' is not a Kubernetes namespace name",
            "store.ownership.lease-prefix: '-x' cannot start a Kubernetes lease name (lower-case"
                + " letters, digits, '-' and '.')");
  }

  @Test
  void shouldNeverRepeatAPasswordWrittenIntoTheStoreUrl() {
    final List<String> errors =
        errors("store:\n  kind: postgres\n  url: postgresql://relayer:hunter2@db/relayer\n");

    assertThat(errors)
        .containsExactly(
            "store.url: must not contain a password; use store.password-file or"
                + " store.password-env");
    assertThat(String.join("\n", errors)).doesNotContain("hunter2");
  }

  @Test
  void shouldBindAPostgresStoreWithItsDefaults() {
    final PostgresStoreConfig store =
        (PostgresStoreConfig)
            ConfigRun.load(
                    "store:\n  kind: postgres\n  url: postgresql://127.0.0.1:5432/test\n"
                        + "  user: relayer\n  password-env: DB_PASSWORD\n  instance-id: a\n",
                    Map.of("DB_PASSWORD", "s3cret"),
                    Map.of())
                .config()
                .store();

    assertThat(store.url()).hasToString("postgresql://127.0.0.1:5432/test");
    assertThat(store.user()).hasValue("relayer");
    assertThat(store.password()).map(SecretSource::location).hasValue("DB_PASSWORD");
    assertThat(store.poolSize()).isEqualTo(4);
    assertThat(store.instanceId()).isEqualTo("a");
    assertThat(store.ownership())
        .isEqualTo(
            new OwnershipConfig(
                OwnershipKind.ADVISORY_LOCK, java.util.Optional.empty(), "xrelay-"));
  }

  @Test
  void shouldReportTheFileItselfWhenItIsNotAMappingOrNotYaml() {
    assertThat(errors("- a\n- b\n"))
        .containsExactly("the file must be a mapping of keys, not a list");
    assertThat(errors("http:\n  port: 1\n   host: x\n"))
        .singleElement()
        .asString()
        .startsWith("not valid YAML: line 3, column");
    assertThat(errors("http:\n  port: 1\n  port: 2\n"))
        .singleElement()
        .asString()
        .startsWith("not valid YAML: ")
        .contains("Duplicate field 'port'");
  }

  @Test
  void shouldAcceptNullValuesAsAbsent() {
    final RelayerConfig config = ConfigRun.load("http:\nstore:\n  kind:\nchains:\n").config();

    assertThat(config.http().port()).isEqualTo(9645);
    assertThat(config.store().kind()).isEqualTo(StoreKind.SQLITE);
  }
}
