package io.xrelay.xcm.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A runtime's portable type registry, read from the decoded registry JSON of polkadot-js ({@code
 * [{id, type: {path, params, def}}]}): just what the layout test needs.
 */
final class PortableTypes {
  record Variant(int index, String name, List<Integer> fieldTypes) {}

  private final Map<Integer, JsonNode> types = new HashMap<>();

  private PortableTypes() {}

  static PortableTypes load(final Path json) {
    final PortableTypes registry = new PortableTypes();
    try {
      for (final JsonNode entry : new ObjectMapper().readTree(json.toFile())) {
        registry.types.put(entry.get("id").asInt(), entry.get("type"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return registry;
  }

  List<Integer> ids() {
    return types.keySet().stream().sorted().toList();
  }

  String path(final int id) {
    final List<String> parts = new ArrayList<>();
    types.get(id).get("path").forEach(p -> parts.add(p.asText()));
    return String.join("::", parts);
  }

  /** composite, variant, sequence, array, tuple, primitive, compact or bitSequence. */
  String kind(final int id) {
    return types.get(id).get("def").fieldNames().next();
  }

  private JsonNode def(final int id) {
    return types.get(id).get("def").get(kind(id));
  }

  List<Variant> variants(final int id) {
    final List<Variant> out = new ArrayList<>();
    for (final JsonNode variant : def(id).get("variants")) {
      out.add(
          new Variant(
              variant.get("index").asInt(), variant.get("name").asText(), fieldTypes(variant)));
    }
    return out;
  }

  List<Integer> compositeFields(final int id) {
    return fieldTypes(def(id));
  }

  int elementType(final int id) {
    return def(id).get("type").asInt();
  }

  int arrayLength(final int id) {
    return def(id).get("len").asInt();
  }

  List<Integer> tupleTypes(final int id) {
    final List<Integer> out = new ArrayList<>();
    def(id).forEach(t -> out.add(t.asInt()));
    return out;
  }

  String primitive(final int id) {
    return def(id).asText();
  }

  private static List<Integer> fieldTypes(final JsonNode holder) {
    final List<Integer> out = new ArrayList<>();
    holder.get("fields").forEach(f -> out.add(f.get("type").asInt()));
    return out;
  }
}
