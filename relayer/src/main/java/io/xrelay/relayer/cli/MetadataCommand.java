package io.xrelay.relayer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.substrate.metadata.MetadataDecoder;
import io.xrelay.substrate.metadata.PalletMetadata;
import io.xrelay.substrate.metadata.RuntimeApiMetadata;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.metadata.TypeDef;
import io.xrelay.substrate.value.Value;
import io.xrelay.substrate.value.ValueCodec;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "metadata",
    mixinStandardHelpOptions = true,
    description = "Read runtime metadata.",
    subcommands = {MetadataCommand.Inspect.class})
final class MetadataCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "inspect",
      mixinStandardHelpOptions = true,
      description = {
        "Print the metadata version, spec name, pallets (index, calls, events, storage) and runtime APIs.",
        "The file may hold the raw bytes, the hex that state_getMetadata returns (Option<OpaqueMetadata>"
            + " wrappings included), or a JSON-RPC reply whose result is that hex."
      })
  static final class Inspect implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<file>", description = "Metadata file.")
    Path file;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      final RuntimeMetadata metadata = decode(file, InputFiles.read(file));
      final PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(
            new ObjectMapper()
                .disable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(toJson(metadata)));
      } else {
        printText(metadata, out);
      }
      out.flush();
      return 0;
    }

    static RuntimeMetadata decode(final Path file, final byte[] content) {
      try {
        final String text = asText(content);
        return text == null
            ? MetadataDecoder.decode(content)
            : MetadataDecoder.decodeHex(hexOf(file, text));
      } catch (ScaleDecodeException e) {
        throw new InputException(file + ": not runtime metadata: " + e.getMessage());
      }
    }

    /** The content as text when it looks like hex or JSON; null for binary. */
    private static String asText(final byte[] content) {
      if (content.length >= 4
          && content[0] == 'm'
          && content[1] == 'e'
          && content[2] == 't'
          && content[3] == 'a') {
        return null;
      }
      for (final byte b : content) {
        if (b < 0x09 || b > 0x7e) {
          return null;
        }
      }
      return new String(content, StandardCharsets.US_ASCII).strip();
    }

    private static String hexOf(final Path file, final String text) {
      if (!text.startsWith("{")) {
        return text;
      }
      try {
        final var result = new ObjectMapper().readTree(text).get("result");
        if (result == null || !result.isTextual()) {
          throw new InputException(
              file + ": JSON without a string \"result\" holding the metadata hex");
        }
        return result.asText();
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new InputException(
            file
                + ": invalid JSON at line "
                + e.getLocation().getLineNr()
                + ": "
                + e.getOriginalMessage());
      }
    }

    private static ObjectNode toJson(final RuntimeMetadata metadata) {
      final ObjectMapper mapper = new ObjectMapper();
      final ObjectNode root = mapper.createObjectNode();
      root.put("version", metadata.version());
      final Optional<SpecVersion> spec = specVersion(metadata);
      root.put("specName", spec.map(SpecVersion::name).orElse(null));
      if (spec.isPresent()) {
        root.put("specVersion", spec.get().version());
      } else {
        root.putNull("specVersion");
      }
      root.put("types", metadata.types().size());
      final ArrayNode pallets = root.putArray("pallets");
      for (final PalletMetadata pallet : metadata.pallets()) {
        pallets
            .addObject()
            .put("name", pallet.name())
            .put("index", pallet.index())
            .put("calls", variantCount(metadata, pallet.callType()))
            .put("events", variantCount(metadata, pallet.eventType()))
            .put("storage", pallet.storage().size());
      }
      final ArrayNode apis = root.putArray("apis");
      metadata.apis().forEach(api -> apis.add(api.name()));
      return root;
    }

    private static void printText(final RuntimeMetadata metadata, final PrintWriter out) {
      final Optional<SpecVersion> spec = specVersion(metadata);
      out.printf(
          "metadata V%d%s, %d types%n",
          metadata.version(),
          spec.map(s -> ", spec " + s.name() + " " + s.version()).orElse(""),
          metadata.types().size());
      out.printf("pallets (%d):%n", metadata.pallets().size());
      out.printf("  %5s  %-32s %6s %7s %8s%n", "index", "name", "calls", "events", "storage");
      for (final PalletMetadata pallet : metadata.pallets()) {
        out.printf(
            "  %5d  %-32s %6d %7d %8d%n",
            pallet.index(),
            pallet.name(),
            variantCount(metadata, pallet.callType()),
            variantCount(metadata, pallet.eventType()),
            pallet.storage().size());
      }
      if (metadata.version() < 15) {
        out.println("runtime APIs: not listed in metadata V14");
        return;
      }
      out.printf("runtime APIs (%d):%n", metadata.apis().size());
      for (final RuntimeApiMetadata api : metadata.apis()) {
        out.printf("  %-40s %3d methods%n", api.name(), api.methods().size());
      }
    }

    private static int variantCount(final RuntimeMetadata metadata, final int type) {
      if (type < 0) {
        return 0;
      }
      return metadata.types().get(type).def() instanceof TypeDef.Variant variant
          ? variant.variants().size()
          : 0;
    }

    private record SpecVersion(String name, long version) {}

    /** Read from the {@code System.Version} constant, which every FRAME runtime has. */
    private static Optional<SpecVersion> specVersion(final RuntimeMetadata metadata) {
      return metadata
          .pallet("System")
          .flatMap(system -> system.constant("Version"))
          .flatMap(
              constant -> {
                try {
                  final Value decoded =
                      new ValueCodec(metadata.types()).decode(constant.type(), constant.value());
                  if (decoded instanceof Value.Composite version
                      && Value.unwrapNewtypes(version.field("spec_name").orElse(null))
                          instanceof Value.Str name
                      && version.field("spec_version").orElse(null) instanceof Value.Int number) {
                    return Optional.of(new SpecVersion(name.value(), number.value().longValue()));
                  }
                  return Optional.empty();
                } catch (ScaleDecodeException e) {
                  return Optional.empty();
                }
              });
    }
  }
}
