package io.xrelay.relayer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XcmCommandTest {
  /** Ocelloids xcm.ts line 58: a V4 teleport from Asset Hub to the relay (UMP). */
  static final String TELEPORT =
      "0x0414020400000007a346f03c010a1300000007a346f03c01000d01020400010100f81641fe8a6529a467d4c2"
          + "d0a81c87fe14307764d224842fb05ab836162756382c10d04544113a2aa26695ad27c151263ef6f6fe7852"
          + "7d6b3b05ec198a080a6f2e";

  static final String TELEPORT_HASH =
      "0x976af96e690d2b2243e8ccb21dec208fe545c8406d137c361a3438cc78300bd1";
  static final String TELEPORT_TOPIC =
      "0x10d04544113a2aa26695ad27c151263ef6f6fe78527d6b3b05ec198a080a6f2e";

  record Run(int status, String out, String err) {}

  static Run run(final String... args) {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final int status =
        RelayerCommand.execute(args, new PrintWriter(out), new PrintWriter(err), Map.of());
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void shouldPrintVersionHashTopicAndInstructions() {
    final Run run = run("xcm", "decode", TELEPORT);

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .isEqualTo(
            String.join(
                System.lineSeparator(),
                "version: V4",
                "messageHash: " + TELEPORT_HASH,
                "topic: " + TELEPORT_TOPIC,
                "instructions:",
                "  0 ReceiveTeleportedAsset",
                "  1 ClearOrigin",
                "  2 BuyExecution",
                "  3 DepositAsset",
                "  4 SetTopic",
                ""));
  }

  @Test
  void shouldPrintTheDocumentedJsonShape() throws Exception {
    final Run run = run("xcm", "decode", TELEPORT, "--json");

    final JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(run.status()).isZero();
    assertThat(json.get("version").asText()).isEqualTo("V4");
    assertThat(json.get("messageHash").asText()).isEqualTo(TELEPORT_HASH);
    assertThat(json.get("topic").asText()).isEqualTo(TELEPORT_TOPIC);
    assertThat(json.at("/message/type").asText()).isEqualTo("V4");
    assertThat(json.at("/message/value/0/value/0/fun/value").asText()).isEqualTo("5317346979");
    assertThat(json.at("/message/value/3/value/beneficiary/interior/value/0/type").asText())
        .isEqualTo("AccountId32");
  }

  @Test
  void shouldEncodeTheDecodedJsonBackToTheSameHex(@TempDir final Path dir) throws Exception {
    final Run decoded = run("xcm", "decode", TELEPORT, "--json");
    final JsonNode message = new ObjectMapper().readTree(decoded.out()).get("message");
    final Path messageFile = dir.resolve("message.json");
    Files.writeString(messageFile, message.toString());
    final Path wholeFile = dir.resolve("decoded.json");
    Files.writeString(wholeFile, decoded.out());

    assertThat(run("xcm", "encode", messageFile.toString()).out().strip()).isEqualTo(TELEPORT);
    assertThat(run("xcm", "encode", wholeFile.toString()).out().strip()).isEqualTo(TELEPORT);
  }

  @Test
  void shouldEncodeJsonFromStdin() {
    final String json = run("xcm", "decode", TELEPORT, "--json").out();
    final InputStream original = System.in;
    try {
      System.setIn(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
      assertThat(run("xcm", "encode", "-").out().strip()).isEqualTo(TELEPORT);
    } finally {
      System.setIn(original);
    }
  }

  @Test
  void shouldReadHexOrRawBytesFromAFile(@TempDir final Path dir) throws Exception {
    final Path hexFile = dir.resolve("message.hex");
    Files.writeString(hexFile, TELEPORT + "\n");
    final Path rawFile = dir.resolve("message.bin");
    Files.write(rawFile, io.xrelay.scale.Hex.decode(TELEPORT));

    assertThat(run("xcm", "decode", "@" + hexFile).out()).contains(TELEPORT_HASH);
    assertThat(run("xcm", "decode", "@" + rawFile).out()).contains(TELEPORT_HASH);
  }

  @Test
  void shouldSplitAnXcmpPage() throws Exception {
    final String page = "0x00" + TELEPORT.substring(2) + TELEPORT.substring(2);

    final Run text = run("xcm", "decode", page, "--framing", "xcmp-page");
    final Run json = run("xcm", "decode", page, "--framing", "xcmp-page", "--json");

    assertThat(text.status()).isZero();
    assertThat(text.out()).contains("format: ConcatenatedVersionedXcm", "message 1 at offset 99:");
    final JsonNode node = new ObjectMapper().readTree(json.out());
    assertThat(node.get("messages")).hasSize(2);
    assertThat(node.at("/messages/1/offset").asInt()).isEqualTo(99);
    assertThat(node.at("/messages/1/messageHash").asText()).isEqualTo(TELEPORT_HASH);
  }

  @Test
  void shouldIndentNestedPrograms() {
    // V3 [SetAppendix([ClearOrigin]), ClearOrigin]
    final Run run = run("xcm", "decode", "0x030816040a0a");

    assertThat(run.out())
        .contains(
            String.join(
                System.lineSeparator(), "  0 SetAppendix", "    0 ClearOrigin", "  1 ClearOrigin"));
  }

  @Test
  void shouldExitTwoWithOneLineForBadInput(@TempDir final Path dir) throws Exception {
    final Path badJson = dir.resolve("bad.json");
    Files.writeString(badJson, "{\"type\": \"V4\", \"value\": [{\"type\": \"PayFees\"}]}");

    for (final String[] args :
        new String[][] {
          {"xcm", "decode", "0x0604"},
          {"xcm", "decode", TELEPORT + "00"},
          {"xcm", "decode", "0x04zz"},
          {"xcm", "decode", "nothex"},
          {"xcm", "decode", "@" + dir.resolve("missing.bin")},
          {"xcm", "encode", badJson.toString()},
          {"xcm", "encode", dir.resolve("missing.json").toString()}
        }) {
      final Run run = run(args);
      assertThat(run.status()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.err().strip())
          .as(String.join(" ", args))
          .startsWith("error: ")
          .doesNotContain("\n");
      assertThat(run.out()).isEmpty();
    }
    assertThat(run("xcm", "decode", "0x0604").err()).contains("offset 0", "unknown XCM version 6");
    assertThat(run("xcm", "encode", badJson.toString()).err())
        .contains("/value/0/type", "PayFees exists only in V5");
  }
}
