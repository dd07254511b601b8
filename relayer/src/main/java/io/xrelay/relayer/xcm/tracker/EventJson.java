package io.xrelay.relayer.xcm.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xrelay.substrate.value.Value;
import java.math.BigInteger;

/**
 * A metadata-decoded {@link Value} in the tracker's JSON form: the same shape Ocelloids archives
 * blocks in, so live blocks and recorded ones go through the same matcher code.
 */
public final class EventJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  private EventJson() {}

  public static JsonNode of(final Value value) {
    if (value instanceof Value.Composite composite) {
      if (composite.isNamed()) {
        final ObjectNode object = NODES.objectNode();
        for (int i = 0; i < composite.size(); i++) {
          object.set(composite.names().get(i), of(composite.get(i)));
        }
        return object;
      }
      if (composite.size() == 1) {
        // A newtype (H256, AccountId32, ParaId ...): its inner value.
        return of(composite.get(0));
      }
      final ArrayNode array = NODES.arrayNode();
      composite.values().forEach(v -> array.add(of(v)));
      return array;
    }
    if (value instanceof Value.Variant variant) {
      final ObjectNode object = NODES.objectNode();
      object.put("type", variant.name());
      if (variant.fields().size() > 0) {
        object.set("value", of(variant.fields()));
      }
      return object;
    }
    if (value instanceof Value.Sequence sequence) {
      final ArrayNode array = NODES.arrayNode();
      sequence.items().forEach(v -> array.add(of(v)));
      return array;
    }
    if (value instanceof Value.Bytes bytes) {
      return NODES.textNode(bytes.hex());
    }
    if (value instanceof Value.Int integer) {
      return integer.value().abs().compareTo(MAX_LONG) <= 0
          ? NODES.numberNode(integer.value().longValue())
          : NODES.textNode(integer.value().toString());
    }
    if (value instanceof Value.Bool bool) {
      return NODES.booleanNode(bool.value());
    }
    if (value instanceof Value.Str str) {
      return NODES.textNode(str.value());
    }
    if (value instanceof Value.Char character) {
      return NODES.textNode(new String(Character.toChars(character.codePoint())));
    }
    return NODES.textNode(value.toString());
  }
}
