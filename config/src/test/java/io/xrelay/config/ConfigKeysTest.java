package io.xrelay.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {

  @Test
  void shouldNameTheVariableOfAKeyPath() {
    assertThat(ConfigKeys.environmentVariable("http.port")).isEqualTo("RELAYER_HTTP_PORT");
    assertThat(ConfigKeys.environmentVariable("data-dir")).isEqualTo("RELAYER_DATA_DIR");
    assertThat(ConfigKeys.environmentVariable("chains.asset-hub-kusama.endpoints"))
        .isEqualTo("RELAYER_CHAINS_ASSET_HUB_KUSAMA_ENDPOINTS");
  }

  @Test
  void shouldTakeVariableNamesApartIntoKeyPaths() {
    assertThat(ConfigOverlay.variablePath("HTTP_PORT", Set.of())).hasValue(List.of("http", "port"));
    assertThat(ConfigOverlay.variablePath("SHUTDOWN_GRACE_PERIOD", Set.of()))
        .hasValue(List.of("shutdown-grace-period"));
    assertThat(ConfigOverlay.variablePath("STORE_OWNERSHIP_LEASE_PREFIX", Set.of()))
        .hasValue(List.of("store", "ownership", "lease-prefix"));
    assertThat(ConfigOverlay.variablePath("CHAINS_ASSET_HUB_KUSAMA_REQUEST_TIMEOUT", Set.of()))
        .hasValue(List.of("chains", "asset-hub-kusama", "request-timeout"));
    assertThat(ConfigOverlay.variablePath("ROUTES_A_RETRY_MAX_ATTEMPTS", Set.of()))
        .hasValue(List.of("routes", "a", "retry", "max-attempts"));
  }

  @Test
  void shouldSplitAmbiguousNamesByDefinedNamesThenTheLongestKey() {
    assertThat(ConfigOverlay.variablePath("ROUTES_X_BRIDGED_TIMEOUT", Set.of()))
        .hasValue(List.of("routes", "x", "bridged-timeout"));
    assertThat(ConfigOverlay.variablePath("ROUTES_X_BRIDGED_TIMEOUT", Set.of("routes.x-bridged")))
        .hasValue(List.of("routes", "x-bridged", "timeout"));
    assertThat(
            ConfigOverlay.variablePath(
                "ROUTES_X_BRIDGED_TIMEOUT", Set.of("routes.x", "routes.x-bridged")))
        .hasValue(List.of("routes", "x", "bridged-timeout"));
  }

  @Test
  void shouldMatchNothingForSectionsOrMissingNames() {
    assertThat(ConfigOverlay.variablePath("HTTP", Set.of())).isEmpty();
    assertThat(ConfigOverlay.variablePath("CHAINS_ENDPOINTS", Set.of())).isEmpty();
    assertThat(ConfigOverlay.variablePath("JAVA_OPTS", Set.of())).isEmpty();
  }

  @Test
  void shouldMapEveryKeyOfTheSchemaToAVariableAndBack() {
    final List<List<String>> paths = new ArrayList<>(ConfigSchema.ROOT.valuePaths());
    ConfigSchema.ROOT
        .keys()
        .forEach(
            (name, key) -> {
              if (key instanceof ConfigSchema.NamedEntries entries) {
                for (final List<String> field : entries.entry().valuePaths()) {
                  final List<String> path = new ArrayList<>(List.of(name, "bridge-hub-kusama"));
                  path.addAll(field);
                  paths.add(path);
                }
              }
            });

    assertThat(paths).hasSizeGreaterThan(40);
    for (final List<String> path : paths) {
      final String variable = ConfigKeys.environmentVariable(String.join(".", path));
      assertThat(ConfigOverlay.variablePath(variable.substring("RELAYER_".length()), Set.of()))
          .as(variable)
          .hasValue(path);
    }
  }

  @Test
  void shouldAcceptOnlyKebabCaseNames() {
    assertThat(ConfigKeys.isValidName("asset-hub-kusama")).isTrue();
    assertThat(ConfigKeys.isValidName("route2")).isTrue();
    assertThat(ConfigKeys.isValidName("Kusama")).isFalse();
    assertThat(ConfigKeys.isValidName("a--b")).isFalse();
    assertThat(ConfigKeys.isValidName("a_b")).isFalse();
    assertThat(ConfigKeys.isValidName("-a")).isFalse();
    assertThat(ConfigKeys.isValidName("a".repeat(64))).isFalse();
  }
}
