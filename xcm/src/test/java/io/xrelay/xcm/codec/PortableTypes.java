package io.xrelay.xcm.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xrelay.substrate.metadata.Field;
import io.xrelay.substrate.metadata.MetadataDecoder;
import io.xrelay.substrate.metadata.PortableType;
import io.xrelay.substrate.metadata.TypeDef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of a runtime's portable type registry the layout test needs, read either from runtime
 * metadata ({@code .scale}, through the substrate module's decoder) or from the decoded registry
 * JSON of polkadot-js ({@code [{id, type: {path, params, def}}]}).
 */
final class PortableTypes {
  record Variant(int index, String name, List<Integer> fieldTypes) {}

  /** One type: its path and shape ({@code kind} is composite, variant, sequence, ...). */
  record Type(
      String path,
      String kind,
      List<Integer> fields,
      List<Variant> variants,
      int element,
      int length,
      String primitive) {}

  private final Map<Integer, Type> types = new TreeMap<>();

  private PortableTypes() {}

  static PortableTypes load(final Path file) {
    return file.toString().endsWith(".json") ? fromJson(file) : fromMetadata(file);
  }

  private static PortableTypes fromMetadata(final Path file) {
    final PortableTypes registry = new PortableTypes();
    try {
      for (final PortableType type :
          MetadataDecoder.decode(Files.readAllBytes(file)).types().types()) {
        registry.types.put(type.id(), convert(type));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return registry;
  }

  private static Type convert(final PortableType type) {
    final String path = type.pathName();
    final TypeDef def = type.def();
    if (def instanceof TypeDef.Composite composite) {
      return new Type(path, "composite", fieldTypes(composite.fields()), List.of(), -1, 0, null);
    }
    if (def instanceof TypeDef.Variant variant) {
      final List<Variant> variants = new ArrayList<>();
      for (final io.xrelay.substrate.metadata.Variant v : variant.variants()) {
        variants.add(new Variant(v.index(), v.name(), fieldTypes(v.fields())));
      }
      return new Type(path, "variant", List.of(), variants, -1, 0, null);
    }
    if (def instanceof TypeDef.Sequence sequence) {
      return new Type(path, "sequence", List.of(), List.of(), sequence.elementType(), 0, null);
    }
    if (def instanceof TypeDef.Array array) {
      return new Type(
          path, "array", List.of(), List.of(), array.elementType(), (int) array.length(), null);
    }
    if (def instanceof TypeDef.Tuple tuple) {
      return new Type(path, "tuple", tuple.fieldTypes(), List.of(), -1, 0, null);
    }
    if (def instanceof TypeDef.Primitive primitive) {
      return new Type(
          path, "primitive", List.of(), List.of(), -1, 0, primitive.primitive().jsonName());
    }
    if (def instanceof TypeDef.Compact compact) {
      return new Type(path, "compact", List.of(), List.of(), compact.type(), 0, null);
    }
    return new Type(path, "bitSequence", List.of(), List.of(), -1, 0, null);
  }

  private static List<Integer> fieldTypes(final List<Field> fields) {
    return fields.stream().map(Field::type).toList();
  }

  private static PortableTypes fromJson(final Path json) {
    final PortableTypes registry = new PortableTypes();
    try {
      for (final JsonNode entry : new ObjectMapper().readTree(json.toFile())) {
        final JsonNode type = entry.get("type");
        final List<String> parts = new ArrayList<>();
        type.get("path").forEach(p -> parts.add(p.asText()));
        final String kind = type.get("def").fieldNames().next();
        final JsonNode def = type.get("def").get(kind);
        final List<Variant> variants = new ArrayList<>();
        final List<Integer> fields = new ArrayList<>();
        int element = -1;
        int length = 0;
        String primitive = null;
        switch (kind) {
          case "composite" -> fields.addAll(jsonFields(def));
          case "variant" ->
              def.get("variants")
                  .forEach(
                      v ->
                          variants.add(
                              new Variant(
                                  v.get("index").asInt(), v.get("name").asText(), jsonFields(v))));
          case "sequence", "compact" -> element = def.get("type").asInt();
          case "array" -> {
            element = def.get("type").asInt();
            length = def.get("len").asInt();
          }
          case "tuple" -> def.forEach(t -> fields.add(t.asInt()));
          case "primitive" -> primitive = def.asText();
          default -> {
            // bit sequences hold no XCM
          }
        }
        registry.types.put(
            entry.get("id").asInt(),
            new Type(String.join("::", parts), kind, fields, variants, element, length, primitive));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return registry;
  }

  private static List<Integer> jsonFields(final JsonNode holder) {
    final List<Integer> out = new ArrayList<>();
    holder.get("fields").forEach(f -> out.add(f.get("type").asInt()));
    return out;
  }

  List<Integer> ids() {
    return List.copyOf(types.keySet());
  }

  String path(final int id) {
    return types.get(id).path();
  }

  String kind(final int id) {
    return types.get(id).kind();
  }

  List<Variant> variants(final int id) {
    return types.get(id).variants();
  }

  List<Integer> compositeFields(final int id) {
    return types.get(id).fields();
  }

  int elementType(final int id) {
    return types.get(id).element();
  }

  int arrayLength(final int id) {
    return types.get(id).length();
  }

  List<Integer> tupleTypes(final int id) {
    return types.get(id).fields();
  }

  String primitive(final int id) {
    final String primitive = types.get(id).primitive();
    return primitive.substring(0, 1).toUpperCase(Locale.ROOT) + primitive.substring(1);
  }
}
