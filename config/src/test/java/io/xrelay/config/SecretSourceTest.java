package io.xrelay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSourceTest {
  private static final String SEED = "0x" + "ab".repeat(32);
  private static final String PHRASE =
      "bottom drive obey lake curtain smoke basket hold race lonely fit walk//relayer";

  @TempDir Path dir;

  @Test
  void shouldReadAFileOnDemandWithoutItsTrailingNewline() throws Exception {
    final Path file = dir.resolve("key");
    final SecretSource source = SecretSource.file(file);
    Files.writeString(file, SEED + "\n");

    assertThat(source.read().reveal()).isEqualTo(SEED);
    Files.writeString(file, PHRASE);
    assertThat(source.read().reveal()).isEqualTo(PHRASE);
  }

  @Test
  void shouldReadAnEnvironmentVariable() {
    final SecretSource source = SecretSource.environment("KEY", Map.of("KEY", " " + SEED + " "));

    assertThat(source.read().reveal()).isEqualTo(SEED);
    assertThat(source.kind()).isEqualTo(SecretSource.Kind.ENVIRONMENT);
    assertThat(source.location()).isEqualTo("KEY");
  }

  @Test
  void shouldNameThePlaceButNeverTheValueWhenItCannotRead() throws Exception {
    assertThatThrownBy(() -> SecretSource.environment("KEY", Map.of()).read())
        .hasMessage("environment variable KEY is not set");
    assertThatThrownBy(() -> SecretSource.environment("KEY", Map.of("KEY", "  ")).read())
        .hasMessage("environment variable KEY is empty");
    final Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> SecretSource.file(missing).read())
        .hasMessage("file " + missing + " does not exist");
    final Path locked = dir.resolve("locked");
    Files.writeString(locked, SEED);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    if (!Files.isReadable(locked)) {
      assertThatThrownBy(() -> SecretSource.file(locked).read())
          .hasMessageStartingWith("file " + locked + " cannot be read")
          .message()
          .doesNotContain(SEED);
    }
  }

  @Test
  void shouldPrintThePlaceNeverTheValue() {
    final SecretSource source = SecretSource.environment("KEY", Map.of("KEY", SEED));

    assertThat(source).hasToString("SecretSource[environment variable KEY]");
    assertThat(source.read()).hasToString("[redacted]");
    assertThat(source).isEqualTo(SecretSource.environment("KEY", Map.of()));
  }

  @Test
  void shouldKeepEverySecretOutOfTheConfigsTextAndErrors() throws Exception {
    final Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, "admin-token-value");
    Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
    final Map<String, String> environment =
        Map.of("ETH_KEY", SEED, "KUSAMA_KEY", PHRASE, "DB_PASSWORD", "db-password-value");
    final String yaml =
        "http:\n  admin-token-file: "
            + tokenFile
            + "\nstore:\n  kind: postgres\n  url: postgresql://db/relayer\n"
            + "  password-env: DB_PASSWORD\n"
            + "chains:\n  kusama:\n    preset: kusama\n  ethereum:\n    preset: ethereum\n"
            + "signers:\n"
            + "  k:\n    chain: kusama\n    key-env: KUSAMA_KEY\n"
            + "  e:\n    chain: ethereum\n    key-env: ETH_KEY\n";

    final LoadedConfig loaded = ConfigRun.load(yaml, environment, Map.of());
    final String text = loaded.toString();
    assertThat(text)
        .contains("environment variable ETH_KEY", "file " + tokenFile)
        .doesNotContain(SEED, "bottom drive", "admin-token-value", "db-password-value");
    assertThat(loaded.config().signers().get("k").key().read().reveal()).isEqualTo(PHRASE);

    final String broken = yaml + "  x:\n    chain: kusama\n    key-env: ETH_KEY\n    bogus: 1\n";
    assertThatThrownBy(() -> ConfigRun.load(broken, environment, Map.of()))
        .isInstanceOf(ConfigException.class)
        .message()
        .doesNotContain(SEED, "bottom drive", "admin-token-value", "db-password-value");
  }
}
