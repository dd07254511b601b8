package io.xrelay.substrate.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xrelay.testing.SharedFixtures;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decoded registry must equal, type by type, the registry polkadot-js decoded from the same
 * bytes (shared/fixtures/metadata/*-portable-types.json).
 */
class PortableRegistryJsonTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @ParameterizedTest
  @CsvSource({
    "metadata/polkadot-v15-spec2000000.scale, metadata/polkadot-spec2000000-portable-types.json",
    "metadata/asset-hub-polkadot-v15-spec2000000.scale, metadata/asset-hub-polkadot-spec2000000-portable-types.json",
  })
  void shouldEqualTheReferenceRegistryForEveryTypeId(
      final String metadataFile, final String typesFile) throws Exception {
    final TypeRegistry registry = MetadataFixtures.metadata(metadataFile).types();
    final JsonNode expected = new ObjectMapper().readTree(SharedFixtures.read(typesFile));

    assertThat(registry.size()).isEqualTo(expected.size());
    for (int id = 0; id < registry.size(); id++) {
      assertThat(render(registry.get(id))).as("type %d", id).isEqualTo(expected.get(id));
    }
  }

  private static ObjectNode render(final PortableType type) {
    final ObjectNode body = JSON.objectNode();
    body.set("path", strings(type.path()));
    final ArrayNode params = body.putArray("params");
    for (final TypeParameter param : type.params()) {
      final ObjectNode node = params.addObject().put("name", param.name());
      if (param.hasType()) {
        node.put("type", param.type());
      } else {
        node.putNull("type");
      }
    }
    body.set("def", render(type.def()));
    body.set("docs", strings(type.docs()));
    final ObjectNode entry = JSON.objectNode().put("id", type.id());
    entry.set("type", body);
    return entry;
  }

  private static JsonNode render(final TypeDef def) {
    final ObjectNode node = JSON.objectNode();
    if (def instanceof TypeDef.Composite composite) {
      node.putObject("composite").set("fields", fields(composite.fields()));
    } else if (def instanceof TypeDef.Variant variant) {
      final ArrayNode variants = node.putObject("variant").putArray("variants");
      for (final Variant v : variant.variants()) {
        final ObjectNode item = variants.addObject().put("name", v.name());
        item.set("fields", fields(v.fields()));
        item.put("index", v.index());
        item.set("docs", strings(v.docs()));
      }
    } else if (def instanceof TypeDef.Sequence sequence) {
      node.putObject("sequence").put("type", sequence.elementType());
    } else if (def instanceof TypeDef.Array array) {
      node.putObject("array")
          .put("len", Math.toIntExact(array.length()))
          .put("type", array.elementType());
    } else if (def instanceof TypeDef.Tuple tuple) {
      final ArrayNode ids = node.putArray("tuple");
      tuple.fieldTypes().forEach(ids::add);
    } else if (def instanceof TypeDef.Primitive primitive) {
      node.put("primitive", primitive.primitive().jsonName());
    } else if (def instanceof TypeDef.Compact compact) {
      node.putObject("compact").put("type", compact.type());
    } else if (def instanceof TypeDef.BitSequence bits) {
      node.putObject("bitSequence")
          .put("bitStoreType", bits.storeType())
          .put("bitOrderType", bits.orderType());
    }
    return node;
  }

  private static ArrayNode fields(final List<Field> fields) {
    final ArrayNode array = JSON.arrayNode();
    for (final Field field : fields) {
      final ObjectNode node = array.addObject();
      node.put("name", field.name());
      node.put("type", field.type());
      node.put("typeName", field.typeName());
      node.set("docs", strings(field.docs()));
    }
    return array;
  }

  private static ArrayNode strings(final List<String> values) {
    final ArrayNode array = JSON.arrayNode();
    values.forEach(array::add);
    return array;
  }
}
