package io.xrelay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String KUSAMA =
      "chains:\n  kusama:\n    kind: substrate\n    endpoints: [ws://127.0.0.1:9944]\n";

  @TempDir Path dir;

  @Test
  void shouldApplyEveryDefaultToAnEmptyFile() {
    final RelayerConfig config =
        new ConfigLoader(Map.of("HOSTNAME", "relayer-0")).parse("", Map.of()).config();

    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.logFormat()).isEqualTo(LogFormat.TEXT);
    assertThat(config.shutdownGracePeriod()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.http().host()).isEqualTo("127.0.0.1");
    assertThat(config.http().port()).isEqualTo(9645);
    assertThat(config.http().adminToken()).isEmpty();
    assertThat(config.store()).isInstanceOf(SqliteStoreConfig.class);
    assertThat(((SqliteStoreConfig) config.store()).path()).isEqualTo(Path.of("./data/relayer.db"));
    assertThat(config.store().ownership().kind()).isEqualTo(OwnershipKind.SINGLE);
    assertThat(config.store().instanceId()).isEqualTo("relayer-0-" + ProcessHandle.current().pid());
    assertThat(config.retry())
        .isEqualTo(new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 20));
    assertThat(config.chains()).isEmpty();
    assertThat(config.routes()).isEmpty();
  }

  @Test
  void shouldPutTheSqliteFileInTheDataDirectoryByDefault() {
    final RelayerConfig config = ConfigRun.load("data-dir: /var/lib/relayer\n").config();

    assertThat(((SqliteStoreConfig) config.store()).path())
        .isEqualTo(Path.of("/var/lib/relayer/relayer.db"));
  }

  @Test
  void shouldGiveFlagsPrecedenceOverEnvironmentOverFileOverDefault() {
    final String file = "http:\n  port: 9000\n";
    final Map<String, String> environment = Map.of("RELAYER_HTTP_PORT", "9100");
    final Map<String, String> flags = Map.of("http.port", "9200");

    assertThat(ConfigRun.load(file, environment, flags).config().http().port()).isEqualTo(9200);
    assertThat(ConfigRun.load(file, environment, Map.of()).config().http().port()).isEqualTo(9100);
    assertThat(ConfigRun.load(file, Map.of(), Map.of()).config().http().port()).isEqualTo(9000);
    assertThat(ConfigRun.load("", Map.of(), Map.of()).config().http().port()).isEqualTo(9645);
    assertThat(ConfigRun.load("", environment, flags).config().http().port()).isEqualTo(9200);
  }

  @Test
  void shouldReadAListFromACommaSeparatedVariable() {
    final RelayerConfig config =
        ConfigRun.load(
                KUSAMA,
                Map.of("RELAYER_CHAINS_KUSAMA_ENDPOINTS", "wss://a.example, wss://b.example"),
                Map.of())
            .config();

    assertThat(config.chains().get("kusama").endpoints())
        .containsExactly(URI.create("wss://a.example"), URI.create("wss://b.example"));
  }

  @Test
  void shouldDefineAChainFromTheEnvironmentAloneWithHyphensAsUnderscores() {
    final RelayerConfig config =
        ConfigRun.load(
                "", Map.of("RELAYER_CHAINS_ASSET_HUB_KUSAMA_PRESET", "asset-hub-kusama"), Map.of())
            .config();

    assertThat(config.chains()).containsOnlyKeys("asset-hub-kusama");
    final SubstrateChainConfig chain =
        (SubstrateChainConfig) config.chains().get("asset-hub-kusama");
    assertThat(chain.paraId()).hasValue(1000);
  }

  @Test
  void shouldSetNestedKeysOfNamedEntriesFromTheEnvironment() {
    final String file =
        KUSAMA
            + "routes:\n  kusama-beefy:\n    kind: beefy-finality\n    source: kusama\n"
            + "store:\n  kind: postgres\n  url: postgresql://127.0.0.1:5432/test\n";
    final RelayerConfig config =
        ConfigRun.load(
                file,
                Map.of(
                    "RELAYER_ROUTES_KUSAMA_BEEFY_RETRY_MAX_ATTEMPTS", "3",
                    "RELAYER_STORE_OWNERSHIP_KIND", "kubernetes-lease",
                    "RELAYER_STORE_OWNERSHIP_NAMESPACE", "bridges"),
                Map.of())
            .config();

    assertThat(config.routes().get("kusama-beefy").retry().maxAttempts()).isEqualTo(3);
    assertThat(config.routes().get("kusama-beefy").retry().maxBackoff())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(config.store().ownership().kind()).isEqualTo(OwnershipKind.KUBERNETES_LEASE);
    assertThat(config.store().ownership().namespace()).hasValue("bridges");
  }

  @Test
  void shouldPreferTheNameDefinedInTheFileWhenAVariableSplitsTwoWays() {
    final String tracker = "    kind: xcm-tracker\n    source: kusama\n";
    final Map<String, String> environment = Map.of("RELAYER_ROUTES_X_BRIDGED_TIMEOUT", "48h");

    final RelayerConfig routeX =
        ConfigRun.load(KUSAMA + "routes:\n  x:\n" + tracker, environment, Map.of()).config();
    assertThat(((XcmTrackerRoute) routeX.routes().get("x")).bridgedTimeout())
        .isEqualTo(Duration.ofHours(48));

    final RelayerConfig routeXBridged =
        ConfigRun.load(
                KUSAMA + "routes:\n  x-bridged:\n" + tracker + "    bridged-timeout: 72h\n",
                environment,
                Map.of())
            .config();
    assertThat(routeXBridged.routes()).containsOnlyKeys("x-bridged");
    assertThat(((XcmTrackerRoute) routeXBridged.routes().get("x-bridged")).timeout())
        .isEqualTo(Duration.ofHours(48));
  }

  @Test
  void shouldTreatAnEmptyVariableAsUnset() {
    final RelayerConfig config =
        ConfigRun.load("http:\n  port: 9000\n", Map.of("RELAYER_HTTP_PORT", ""), Map.of()).config();

    assertThat(config.http().port()).isEqualTo(9000);
  }

  @Test
  void shouldWarnAboutRelayerVariablesThatNameNoKeyButNotAboutSecretsOrJavaOptions() {
    final Map<String, String> environment = new HashMap<>();
    environment.put("RELAYER_HTTP_PROT", "1");
    environment.put("RELAYER_JAVA_OPTS", "-Xmx1g");
    environment.put("RELAYER_ADMIN_TOKEN", "token-value");
    environment.put("PATH", "/usr/bin");

    final LoadedConfig loaded =
        ConfigRun.load("http:\n  admin-token-env: RELAYER_ADMIN_TOKEN\n", environment, Map.of());

    assertThat(loaded.warnings())
        .extracting(ConfigError::toString)
        .containsExactly(
            "environment variable RELAYER_HTTP_PROT names no configuration key (ignored)");
  }

  @Test
  void shouldNameTheVariableThatSetABadValue() {
    assertThat(ConfigRun.errors("", Map.of("RELAYER_HTTP_PORT", "70000"), Map.of()))
        .containsExactly(
            "http.port: 70000 is not a port (1-65535) (from environment variable RELAYER_HTTP_PORT)");
    assertThat(
            ConfigRun.errors(
                KUSAMA, Map.of(), Map.of("chains.kusama.endpoints", "wss://a,http://b")))
        .containsExactly(
            "chains.kusama.endpoints[1]: not a ws:// or wss:// URL (from the command line)");
  }

  @Test
  void shouldRejectFlagsThatNameNoValueKey() {
    assertThat(ConfigRun.errors("", Map.of(), Map.of("http.prot", "1", "chains.kusama", "x")))
        .containsExactly(
            "chains.kusama: not a key that holds a value (from the command line)",
            "http.prot: unknown key (did you mean port?) (from the command line)");
  }

  @Test
  void shouldLoadAFileAndReportOneThatCannotBeRead() throws Exception {
    final Path file = dir.resolve("relayer.yaml");
    Files.writeString(file, "log-format: json\n");

    assertThat(new ConfigLoader(Map.of()).load(file, Map.of()).config().logFormat())
        .isEqualTo(LogFormat.JSON);
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir.resolve("missing.yaml"), Map.of()))
        .isInstanceOf(ConfigFileException.class)
        .hasMessageEndingWith("missing.yaml: no such file");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir, Map.of()))
        .isInstanceOf(ConfigFileException.class)
        .hasMessageContaining("a directory");
  }

  @Test
  void shouldLoadDefaultsWithoutAFile() {
    final LoadedConfig loaded =
        new ConfigLoader(Map.of("RELAYER_LOG_FORMAT", "json"))
            .loadWithoutFile(Map.of("data-dir", "/tmp/relayer-data"));

    assertThat(loaded.config().logFormat()).isEqualTo(LogFormat.JSON);
    assertThat(loaded.config().dataDir()).isEqualTo(Path.of("/tmp/relayer-data"));
  }

  @Test
  void shouldKeepTheOrderOfTheFileAndRefuseChanges() {
    final RelayerConfig config =
        ConfigRun.load(
                "chains:\n"
                    + "  zeta:\n    preset: kusama\n"
                    + "  alpha:\n    preset: polkadot\n"
                    + "  mid:\n    preset: ethereum\n")
            .config();

    assertThat(List.copyOf(config.chains().keySet())).containsExactly("zeta", "alpha", "mid");
    assertThatThrownBy(() -> config.chains().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.chains().get("zeta").endpoints().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
