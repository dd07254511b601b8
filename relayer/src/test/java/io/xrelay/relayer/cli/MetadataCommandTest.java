package io.xrelay.relayer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleWriter;
import io.xrelay.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataCommandTest {
  private static final String ASSET_HUB = "metadata/asset-hub-polkadot-v15-spec2000000.scale";

  @TempDir Path temp;

  @Test
  void shouldPrintTheSummaryAsOneJsonObject() throws Exception {
    final CommandLineRun run =
        CommandLineRun.of("metadata", "inspect", fixture(ASSET_HUB), "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().strip().lines()).hasSize(1);
    final JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("version").asInt()).isEqualTo(15);
    assertThat(json.get("specName").asText()).isEqualTo("statemint");
    final JsonNode polkadotXcm = palletNamed(json, "PolkadotXcm");
    assertThat(polkadotXcm.get("index").asInt()).isEqualTo(31);
    assertThat(polkadotXcm.get("calls").asInt()).isPositive();
    assertThat(polkadotXcm.get("events").asInt()).isPositive();
    assertThat(polkadotXcm.get("storage").asInt()).isPositive();
    assertThat(palletNamed(json, "MessageQueue").get("index").asInt()).isEqualTo(35);
    assertThat(json.get("apis").toString()).contains("\"DryRunApi\"", "\"XcmPaymentApi\"");
  }

  @Test
  void shouldPrintAReadableSummary() {
    final CommandLineRun run =
        CommandLineRun.of(
            "metadata", "inspect", fixture("metadata/kusama-local-v14-spec1000000.scale"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("metadata V14, spec kusama 1000000");
    assertThat(run.out()).containsPattern("\\s99\\s+XcmPallet\\s");
    assertThat(run.out()).contains("runtime APIs: not listed in metadata V14");
  }

  @Test
  void shouldReadTheHexAndJsonRpcFormsANodeReturns() throws Exception {
    final byte[] raw = SharedFixtures.read(ASSET_HUB);
    final Path hex =
        Files.writeString(
            temp.resolve("metadata.hex"),
            Hex.encode(new ScaleWriter().writeU8(1).writeByteVec(raw).toByteArray()) + "\n");
    final Path reply =
        Files.writeString(
            temp.resolve("reply.json"),
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"" + Hex.encode(raw) + "\"}");

    for (final Path file : new Path[] {hex, reply}) {
      final CommandLineRun run =
          CommandLineRun.of("metadata", "inspect", file.toString(), "--json");
      assertThat(run.exitCode()).as(file.toString()).isZero();
      assertThat(
              palletNamed(new ObjectMapper().readTree(run.out()), "PolkadotXcm")
                  .get("index")
                  .asInt())
          .isEqualTo(31);
    }
  }

  @Test
  void shouldExitWithStatusTwoAndOneLineForInputThatIsNotMetadata() throws Exception {
    final byte[] raw = SharedFixtures.read(ASSET_HUB);
    final Path truncated = Files.write(temp.resolve("truncated.scale"), Arrays.copyOf(raw, 5000));
    final Path random =
        Files.write(temp.resolve("random.bin"), new byte[] {(byte) 0x9c, 1, 2, 3, 4, 5, 6, 7});
    final Path wrongVersion = Files.write(temp.resolve("v13.scale"), Hex.decode("0x6d6574610d00"));

    assertOneLineInputError(
        CommandLineRun.of("metadata", "inspect", truncated.toString()), "offset 5000");
    assertOneLineInputError(
        CommandLineRun.of("metadata", "inspect", random.toString()), "are not 'meta'");
    assertOneLineInputError(
        CommandLineRun.of("metadata", "inspect", wrongVersion.toString()),
        "version 13 is not supported");
    assertOneLineInputError(
        CommandLineRun.of("metadata", "inspect", temp.resolve("missing").toString()),
        "no such file");
  }

  private static void assertOneLineInputError(final CommandLineRun run, final String expected) {
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith("error: ")
        .contains(expected)
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  private static JsonNode palletNamed(final JsonNode json, final String name) {
    for (final JsonNode pallet : json.get("pallets")) {
      if (pallet.get("name").asText().equals(name)) {
        return pallet;
      }
    }
    throw new AssertionError("no pallet " + name + " in " + json);
  }

  private static String fixture(final String relative) {
    return SharedFixtures.path(relative).toString();
  }
}
