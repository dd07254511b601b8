package io.xrelay.relayer.xcm.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Reads event fields in the tracker's JSON form, tolerant of the shapes runtimes and decoders give
 * them: named (object) or positional (array), an {@code Option} as {@code {"type":"Some"}} or bare,
 * integers as numbers or strings.
 */
final class EventFields {
  private EventFields() {}

  /** The field by name in an object, else by position in an array; null when absent. */
  static JsonNode field(final JsonNode fields, final String name, final int position) {
    if (fields == null) {
      return null;
    }
    if (fields.isObject()) {
      return fields.get(name);
    }
    if (fields.isArray() && position < fields.size()) {
      return fields.get(position);
    }
    return null;
  }

  /** 0x-hex of a hash field, unwrapping {@code Some}; null for {@code None} or absent. */
  static String hex(final JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      final String text = node.asText();
      return text.startsWith("0x") ? text.toLowerCase(Locale.ROOT) : null;
    }
    if (node.isObject() && node.has("type")) {
      final String type = node.get("type").asText();
      return "None".equals(type) ? null : hex(node.get("value"));
    }
    return null;
  }

  static boolean bool(final JsonNode node) {
    return node != null && (node.asBoolean() || "true".equals(node.asText()));
  }

  static long number(final JsonNode node) {
    if (node == null || node.isNull()) {
      return -1;
    }
    if (node.isNumber()) {
      return node.asLong();
    }
    if (node.isTextual()) {
      try {
        return Long.parseLong(node.asText().replace(",", ""));
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    if (node.isObject() && node.has("value")) {
      return number(node.get("value"));
    }
    return -1;
  }

  /** The variant name of an enum value ({@code {"type": name, ...}} or a bare string). */
  static String variantName(final JsonNode node) {
    if (node == null || node.isNull()) {
      return "";
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isObject() && node.has("type")) {
      return node.get("type").asText();
    }
    return node.toString();
  }

  /** The error of an XCM {@code Outcome}: {@code Incomplete{used, error}} or {@code Error}. */
  static String xcmOutcomeError(final JsonNode outcome) {
    final JsonNode value = outcome == null ? null : outcome.get("value");
    if (value == null) {
      return variantName(outcome);
    }
    JsonNode error = null;
    if (value.isArray() && value.size() > 1) {
      error = value.get(1);
    } else if (value.isObject() && value.has("error")) {
      error = value.get("error");
    } else if (value.isObject() && value.has("type")) {
      error = value;
    }
    return error == null ? variantName(outcome) : variantName(unwrapError(error));
  }

  private static JsonNode unwrapError(final JsonNode error) {
    // V4+ InstructionError{index, error}
    if (error.isObject() && error.has("error") && !error.has("type")) {
      return error.get("error");
    }
    return error;
  }

  static int parentsOf(final JsonNode location) {
    final JsonNode inner = unversioned(location);
    return inner == null || !inner.has("parents") ? -1 : (int) number(inner.get("parents"));
  }

  /** The para id of a location's first {@code Parachain} junction, or -1. */
  static int parachainOf(final JsonNode location) {
    for (final JsonNode junction : junctions(location)) {
      if ("Parachain".equals(variantName(junction))) {
        return (int) number(junction.get("value"));
      }
    }
    return -1;
  }

  static boolean hasGlobalConsensus(final JsonNode location) {
    for (final JsonNode junction : junctions(location)) {
      if ("GlobalConsensus".equals(variantName(junction))) {
        return true;
      }
    }
    return false;
  }

  static String globalConsensusName(final JsonNode location) {
    for (final JsonNode junction : junctions(location)) {
      if ("GlobalConsensus".equals(variantName(junction))) {
        final String network = variantName(junction.get("value")).toLowerCase(Locale.ROOT);
        final int para = parachainOf(location);
        return para >= 0 ? network + ":" + para : network;
      }
    }
    return "?";
  }

  private static JsonNode unversioned(final JsonNode location) {
    if (location == null) {
      return null;
    }
    if (location.has("parents")) {
      return location;
    }
    // {"type": "V3", "value": {...}}
    return location.get("value");
  }

  private static Iterable<JsonNode> junctions(final JsonNode location) {
    final JsonNode inner = unversioned(location);
    if (inner == null || !inner.has("interior")) {
      return java.util.List.of();
    }
    final JsonNode interior = inner.get("interior");
    final JsonNode value = interior.get("value");
    if (value == null || value.isNull()) {
      return java.util.List.of();
    }
    if (value.isArray()) {
      return value;
    }
    return java.util.List.of(value);
  }
}
