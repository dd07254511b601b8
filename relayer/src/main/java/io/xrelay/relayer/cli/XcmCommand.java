package io.xrelay.relayer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xrelay.scale.Hex;
import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.XcmEncodeException;
import io.xrelay.xcm.codec.XcmCodec;
import io.xrelay.xcm.framing.FramedXcm;
import io.xrelay.xcm.framing.XcmTransport;
import io.xrelay.xcm.framing.XcmpPage;
import io.xrelay.xcm.json.XcmJson;
import io.xrelay.xcm.json.XcmJsonException;
import io.xrelay.xcm.model.Instruction;
import io.xrelay.xcm.model.Xcm;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code relayer xcm decode|encode}: XCM bytes to readable form and JSON back to bytes. */
@Command(
    name = "xcm",
    mixinStandardHelpOptions = true,
    description =
        "Decode and encode XCM messages (V3, V4, V5; V2 decode only), and transfer assets.",
    subcommands = {XcmCommand.Decode.class, XcmCommand.Encode.class, XcmTransferCommand.class})
public final class XcmCommand implements Runnable {
  @Spec CommandSpec spec;

  @picocli.CommandLine.ParentCommand RelayerCommand relayer;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** How the input bytes frame the XCM. */
  enum Framing {
    /** A bare {@code VersionedXcm}: UMP, DMP, pallet-xcm arguments. */
    versioned,
    /** An XCMP page: a format byte, then several messages. */
    xcmp_page
  }

  @Command(
      name = "decode",
      mixinStandardHelpOptions = true,
      description =
          "Print the version, message hash (blake2_256 of the VersionedXcm), SetTopic id and"
              + " instructions of a message. With --json: {\"version\", \"messageHash\","
              + " \"topic\", \"message\"}; for an XCMP page: {\"format\", \"messages\":"
              + " [the same, each with its \"offset\"]}.")
  static final class Decode implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "<0x-hex | @file>",
        description = "The message as hex, or @file holding hex text or raw bytes.")
    String input;

    @Option(
        names = "--framing",
        paramLabel = "versioned|xcmp-page",
        converter = FramingConverter.class,
        description = "versioned (default): one VersionedXcm; xcmp-page: an XCMP page.")
    Framing framing = Framing.versioned;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
      final byte[] bytes = readBytes(input);
      final PrintWriter out = spec.commandLine().getOut();
      if (framing == Framing.versioned) {
        final FramedXcm message = XcmTransport.UMP.messages(bytes).get(0);
        if (json) {
          out.println(XcmJson.writePretty(describe(message, false)));
        } else {
          printText(out, message, "");
        }
        return 0;
      }
      final XcmpPage page = XcmpPage.decode(bytes);
      if (json) {
        final ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("format", formatName(page));
        final ArrayNode messages = node.putArray("messages");
        page.messages().forEach(m -> messages.add(describe(m, true)));
        if (!page.blobs().isEmpty()) {
          final ArrayNode blobs = node.putArray("blobs");
          page.blobs().forEach(b -> blobs.add(b.toHex()));
        }
        out.println(XcmJson.writePretty(node));
        return 0;
      }
      out.println("format: " + formatName(page));
      for (int i = 0; i < page.messages().size(); i++) {
        out.println("message " + i + " at offset " + page.messages().get(i).offset() + ":");
        printText(out, page.messages().get(i), "  ");
      }
      page.blobs().forEach(b -> out.println("blob: " + b.toHex()));
      return 0;
    }

    private static String formatName(final XcmpPage page) {
      return switch (page.format()) {
        case CONCATENATED_VERSIONED_XCM -> "ConcatenatedVersionedXcm";
        case CONCATENATED_ENCODED_BLOB -> "ConcatenatedEncodedBlob";
        case SIGNALS -> "Signals";
        case CONCATENATED_OPAQUE_VERSIONED_XCM -> "ConcatenatedOpaqueVersionedXcm";
      };
    }

    private static ObjectNode describe(final FramedXcm framed, final boolean withOffset) {
      final ObjectNode node = JsonNodeFactory.instance.objectNode();
      if (withOffset) {
        node.put("offset", framed.offset());
      }
      final VersionedXcm message = framed.message();
      node.put("version", message.version().name());
      node.put("messageHash", framed.messageHash().toHex());
      if (message.topic().isPresent()) {
        node.put("topic", message.topic().get().toHex());
      } else {
        node.putNull("topic");
      }
      node.set("message", XcmJson.toJson(message));
      return node;
    }

    private static void printText(
        final PrintWriter out, final FramedXcm framed, final String indent) {
      final VersionedXcm message = framed.message();
      out.println(indent + "version: " + message.version().name());
      out.println(indent + "messageHash: " + framed.messageHash().toHex());
      out.println(indent + "topic: " + message.topic().map(t -> t.toHex()).orElse("null"));
      out.println(indent + "instructions:");
      if (message instanceof VersionedXcm.Current current) {
        printProgram(out, current.message(), indent + "  ");
      } else {
        final List<String> names = message.instructionNames();
        for (int i = 0; i < names.size(); i++) {
          out.println(indent + "  " + i + " " + names.get(i));
        }
      }
    }

    /** Instruction names, with the programs they carry indented below them. */
    private static void printProgram(final PrintWriter out, final Xcm xcm, final String indent) {
      for (int i = 0; i < xcm.size(); i++) {
        final Instruction instruction = xcm.get(i);
        out.println(indent + i + " " + instruction.variantName());
        instruction.nestedProgram().ifPresent(nested -> printProgram(out, nested, indent + "  "));
      }
    }
  }

  @Command(
      name = "encode",
      mixinStandardHelpOptions = true,
      description =
          "Encode the JSON form of a message (the \"message\" part of decode --json, or the"
              + " whole decode --json output) and print it as 0x-hex.")
  static final class Encode implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "<json-file | ->", description = "A JSON file, or - for stdin.")
    String input;

    @Override
    public Integer call() {
      final String text =
          input.equals("-")
              ? readStdin()
              : new String(readFile(Path.of(input)), StandardCharsets.UTF_8);
      try {
        JsonNode node = XcmJson.readTree(text);
        if (node != null && node.isObject() && node.has("message") && node.has("version")) {
          node = node.get("message");
        }
        final VersionedXcm message = XcmJson.fromJson(node);
        spec.commandLine().getOut().println(Hex.encode(XcmCodec.encode(message)));
        return 0;
      } catch (XcmJsonException e) {
        throw new InputException("invalid XCM JSON at " + e.getMessage());
      } catch (XcmEncodeException e) {
        throw new InputException("cannot encode: " + e.getMessage());
      }
    }

    private static String readStdin() {
      try (InputStream in = System.in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new InputException("cannot read stdin: " + e.getMessage());
      }
    }
  }

  /** {@code 0x..} hex, or {@code @file} holding hex text or raw bytes. */
  static byte[] readBytes(final String input) {
    if (input.startsWith("@")) {
      final byte[] content = readFile(Path.of(input.substring(1)));
      final String text = new String(content, StandardCharsets.ISO_8859_1).strip();
      return text.matches("(0x)?([0-9a-fA-F]{2})+") ? parseHex(text) : content;
    }
    if (!input.startsWith("0x")) {
      throw new InputException(
          "expected 0x-prefixed hex or @file, got '" + abbreviate(input) + "'");
    }
    return parseHex(input.strip());
  }

  private static byte[] parseHex(final String hex) {
    try {
      return Hex.decode(hex);
    } catch (IllegalArgumentException e) {
      throw new InputException("invalid hex: " + e.getMessage());
    }
  }

  private static byte[] readFile(final Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new InputException("no such file: " + path);
    } catch (IOException e) {
      throw new InputException("cannot read " + path + ": " + e.getMessage());
    }
  }

  private static String abbreviate(final String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "...";
  }

  /** Accepts {@code xcmp-page} as well as the enum's {@code xcmp_page}. */
  static final class FramingConverter implements picocli.CommandLine.ITypeConverter<Framing> {
    @Override
    public Framing convert(final String value) {
      return switch (value) {
        case "versioned" -> Framing.versioned;
        case "xcmp-page", "xcmp_page" -> Framing.xcmp_page;
        default ->
            throw new picocli.CommandLine.TypeConversionException(
                "expected versioned or xcmp-page, got '" + value + "'");
      };
    }
  }
}
