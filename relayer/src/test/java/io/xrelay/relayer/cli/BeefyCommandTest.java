package io.xrelay.relayer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeefyCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FIXTURES = fixtures();

  @TempDir Path temp;

  private record Run(int status, String out, String err) {}

  private static Run run(final String... args) {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final int status =
        RelayerCommand.execute(args, new PrintWriter(out), new PrintWriter(err), Map.of());
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void shouldPrintTheIssueJsonShapeForAValidSubmitFinal() throws IOException {
    final Path file = calldata("prod_submitFinal.hex");
    final Run run = run("beefy", "verify", "--calldata", file.toString(), "--json");
    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    final JsonNode json = JSON.readTree(run.out());
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly(
            "function",
            "blockNumber",
            "validatorSetId",
            "commitmentHash",
            "validatorSetRoot",
            "signatures",
            "mmrLeafHash",
            "mmrRoot",
            "mmrRootMatchesPayload",
            "verdict",
            "reasons");
    final JsonNode expected = reference("prod_submitFinal.hex");
    assertThat(json.get("function").asText()).isEqualTo("submitFinal");
    assertThat(json.get("blockNumber").asLong())
        .isEqualTo(expected.at("/commitment/blockNumber").asLong());
    assertThat(json.get("validatorSetId").isNumber()).isTrue();
    assertThat(json.get("validatorSetId").asLong())
        .isEqualTo(expected.at("/commitment/validatorSetID").asLong());
    assertThat(json.get("commitmentHash").asText())
        .isEqualTo(expected.get("commitmentHash").asText());
    assertThat(json.get("validatorSetRoot").asText())
        .isEqualTo(expected.get("validatorRootFromProofs").asText());
    assertThat(json.at("/signatures/checked").asInt()).isEqualTo(28);
    assertThat(json.at("/signatures/valid").asInt()).isEqualTo(28);
    assertThat(json.get("mmrLeafHash").asText()).isEqualTo(expected.get("mmrLeafHash").asText());
    assertThat(json.get("mmrRoot").asText()).isEqualTo(expected.get("mmrRootComputed").asText());
    assertThat(json.get("mmrRootMatchesPayload").asBoolean()).isTrue();
    assertThat(json.get("verdict").asText()).isEqualTo("valid");
    assertThat(json.get("reasons").isArray()).isTrue();
    assertThat(json.get("reasons")).isEmpty();
  }

  @Test
  void shouldVerifyEveryFixtureFileWithTheKnownSet() throws IOException {
    for (final Path file : fixtureFiles()) {
      final JsonNode expected = reference(file.getFileName().toString());
      final Run run =
          run(
              "beefy",
              "verify",
              "--calldata",
              file.toString(),
              "--validator-root",
              expected.get("validatorRootFromProofs").asText(),
              "--validator-count",
              "600",
              "--json");
      assertThat(run.status()).as(file.toString()).isZero();
      final JsonNode json = JSON.readTree(run.out());
      assertThat(json.get("function").asText()).isEqualTo(expected.get("function").asText());
      if (expected.get("function").asText().equals("submitInitial")) {
        assertThat(json.get("mmrLeafHash").isNull()).isTrue();
        assertThat(json.get("mmrRoot").isNull()).isTrue();
        assertThat(json.get("mmrRootMatchesPayload").isNull()).isTrue();
        assertThat(json.at("/signatures/checked").asInt()).isEqualTo(1);
      }
    }
  }

  @Test
  void shouldSayWhichSignatureFailsAndExitWithOne() throws IOException {
    // Flip one bit of the first signature's s (head word 3 of the first ValidatorProof).
    final String hex = Files.readString(calldata("prod_submitFinal.hex")).strip();
    final JsonNode expected = reference("prod_submitFinal.hex");
    final String s = expected.at("/proofs/0/s").asText().substring(2);
    final int at = hex.indexOf(s);
    assertThat(at).isPositive();
    final char last = hex.charAt(at + 63);
    final String tampered =
        hex.substring(0, at + 63) + (last == '0' ? '1' : '0') + hex.substring(at + 64);
    final Path file = temp.resolve("tampered.hex");
    Files.writeString(file, tampered);

    final Run json = run("beefy", "verify", "--calldata", file.toString(), "--json");
    assertThat(json.status()).isEqualTo(1);
    final JsonNode report = JSON.readTree(json.out());
    assertThat(report.get("verdict").asText()).isEqualTo("invalid");
    assertThat(report.at("/signatures/valid").asInt()).isEqualTo(27);
    assertThat(report.get("reasons").get(0).asText())
        .startsWith("signature 0 recovers to 0x")
        .endsWith("which is not validator 27 (0xb62Eb3A25a5cf816F9867a5Dce61Bc2a647eFeDC)");

    final Run text = run("beefy", "verify", "--calldata", file.toString());
    assertThat(text.status()).isEqualTo(1);
    assertThat(text.out())
        .contains("verdict:            invalid")
        .contains("  - signature 0 recovers to");
  }

  @Test
  void shouldPrintAReadableReportWithTheActiveBackend() throws IOException {
    final Run run =
        run("beefy", "verify", "--calldata", calldata("prod_submitInitial.hex").toString());
    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains("function:           submitInitial")
        .contains("1 checked, 1 valid (secp256k1: libsecp256k1)")
        .contains("verdict:            valid");
  }

  @Test
  void shouldRejectAnotherValidatorRootWithExitOne() throws IOException {
    final Run run =
        run(
            "beefy",
            "verify",
            "--calldata",
            calldata("prod_submitInitial.hex").toString(),
            "--validator-root",
            "0x" + "00".repeat(32),
            "--json");
    assertThat(run.status()).isEqualTo(1);
    assertThat(JSON.readTree(run.out()).get("reasons").get(0).asText())
        .contains("not the validator-set root 0x0000");
  }

  @Test
  void shouldExitWithTwoAndOneLineForUnreadableInput() throws IOException {
    final Run missing = run("beefy", "verify", "--calldata", temp.resolve("none.hex").toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err().strip().lines())
        .singleElement()
        .asString()
        .startsWith("error: cannot read")
        .endsWith("no such file");

    final Path garbage = temp.resolve("garbage.hex");
    Files.writeString(garbage, "0x623b223d00ff");
    final Run notCalldata = run("beefy", "verify", "--calldata", garbage.toString());
    assertThat(notCalldata.status()).isEqualTo(2);
    assertThat(notCalldata.err().strip().lines()).hasSize(1);

    final Path words = temp.resolve("words.txt");
    Files.writeString(words, "hello");
    assertThat(run("beefy", "verify", "--calldata", words.toString()).status()).isEqualTo(2);

    final Run badRoot =
        run(
            "beefy",
            "verify",
            "--calldata",
            calldata("prod_submitInitial.hex").toString(),
            "--validator-root",
            "0x12");
    assertThat(badRoot.status()).isEqualTo(2);
    assertThat(badRoot.err()).startsWith("error: --validator-root must be 32 bytes");

    assertThat(run("beefy", "verify").status()).isEqualTo(2);
    assertThat(
            run(
                    "beefy",
                    "verify",
                    "--calldata",
                    calldata("prod_submitInitial.hex").toString(),
                    "--validator-count",
                    "x")
                .status())
        .isEqualTo(2);
  }

  private static Path calldata(final String name) {
    return FIXTURES.resolve("beefy/polkadot-mainnet-calldata").resolve(name);
  }

  private static List<Path> fixtureFiles() throws IOException {
    try (var files = Files.list(FIXTURES.resolve("beefy/polkadot-mainnet-calldata"))) {
      return files.sorted().toList();
    }
  }

  private static JsonNode reference(final String name) throws IOException {
    for (final JsonNode file :
        JSON.readTree(FIXTURES.resolve("beefy/polkadot-mainnet-calldata.decoded.json").toFile())
            .get("files")) {
      if (file.get("file").asText().equals(name)) {
        return file;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static Path fixtures() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (final Path candidate :
          List.of(dir.resolve("shared/fixtures"), dir.resolve("../shared/fixtures"))) {
        if (Files.isDirectory(candidate)) {
          return candidate.normalize();
        }
      }
    }
    throw new IllegalStateException("shared/fixtures not found");
  }
}
