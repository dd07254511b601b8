package io.xrelay.xcm.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xrelay.xcm.VersionedAssetId;
import io.xrelay.xcm.VersionedAssets;
import io.xrelay.xcm.VersionedLocation;
import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.XcmVersion;

/**
 * The readable JSON form of XCM, and its parser. The shape follows the runtime metadata of each
 * version, so it reads like PAPI or Ocelloids output and stays stable across releases:
 *
 * <ul>
 *   <li>An enum value is {@code {"type": "<variant>"}}, or {@code {"type": "<variant>", "value":
 *       v}} when the variant carries data: {@code v} is the single field itself, an object of named
 *       fields, or an array when there are several unnamed fields (v3 {@code X2(J, J)}).
 *   <li>A struct is an object with the metadata's field names ({@code weight_limit}, {@code
 *       ref_time}, ...). Single-field wrappers are transparent: {@code Xcm} and {@code Assets} are
 *       arrays, the v4/v5 {@code AssetId} is its location, a {@code Transact} call is its hex.
 *   <li>{@code Option} is {@code null} or the value; a tuple is an array.
 *   <li>Integers of up to 32 bits are JSON numbers; u64 and u128 (amounts, weights, query ids,
 *       general indices) are decimal strings, since JavaScript numbers lose precision above 2^53.
 *       The parser accepts either form for any integer.
 *   <li>Byte arrays and byte vectors are {@code 0x}-prefixed lower-case hex.
 *   <li>A versioned value is {@code {"type": "V4", "value": ...}}.
 * </ul>
 *
 * Version-specific shapes, as in the metadata: v3 {@code X1} holds the junction itself while v4/v5
 * {@code X1} holds a one-element array; v3 tags asset ids ({@code Concrete}/{@code Abstract});
 * {@code Transact} has {@code require_weight_at_most} in v3/v4 and {@code fallback_max_weight} in
 * v5. V2 messages render in the same style but are read-only: they cannot be parsed back.
 */
public final class XcmJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private XcmJson() {}

  public static ObjectNode toJson(final VersionedXcm message) {
    final JsonNode value =
        message instanceof VersionedXcm.V2 legacy
            ? new V2JsonWriter().xcm(legacy.message())
            : new XcmJsonWriter(message.version()).xcm(((VersionedXcm.Current) message).message());
    return XcmJsonWriter.variant(message.version().name(), value);
  }

  public static VersionedXcm fromJson(final JsonNode node) {
    final XcmVersion version = version(node, "");
    return VersionedXcm.of(
        version, new XcmJsonReader(version).xcm(XcmJsonReader.value(node, ""), "/value"));
  }

  /** Parses a JSON text; malformed JSON is reported as an {@link XcmJsonException} too. */
  public static VersionedXcm parse(final String json) {
    return fromJson(readTree(json));
  }

  public static String toJsonString(final VersionedXcm message) {
    return write(toJson(message));
  }

  public static ObjectNode toJson(final VersionedLocation location) {
    if (location instanceof VersionedLocation.V2 legacy) {
      return XcmJsonWriter.variant("V2", new V2JsonWriter().location(legacy.location()));
    }
    final VersionedLocation.Current current = (VersionedLocation.Current) location;
    return XcmJsonWriter.variant(
        current.version().name(),
        new XcmJsonWriter(current.version()).location(current.location()));
  }

  public static VersionedLocation locationFromJson(final JsonNode node) {
    final XcmVersion version = version(node, "");
    return VersionedLocation.of(
        version, new XcmJsonReader(version).location(XcmJsonReader.value(node, ""), "/value"));
  }

  public static ObjectNode toJson(final VersionedAssets assets) {
    if (assets instanceof VersionedAssets.V2 legacy) {
      return XcmJsonWriter.variant("V2", new V2JsonWriter().assets(legacy.assets()));
    }
    final VersionedAssets.Current current = (VersionedAssets.Current) assets;
    return XcmJsonWriter.variant(
        current.version().name(), new XcmJsonWriter(current.version()).assets(current.assets()));
  }

  public static VersionedAssets assetsFromJson(final JsonNode node) {
    final XcmVersion version = version(node, "");
    return VersionedAssets.of(
        version,
        XcmJsonReader.build(
            "/value",
            () -> new XcmJsonReader(version).assets(XcmJsonReader.value(node, ""), "/value")));
  }

  public static ObjectNode toJson(final VersionedAssetId id) {
    return XcmJsonWriter.variant(
        id.version().name(), new XcmJsonWriter(id.version()).assetId(id.id()));
  }

  public static VersionedAssetId assetIdFromJson(final JsonNode node) {
    final XcmVersion version = version(node, "");
    return new VersionedAssetId(
        version, new XcmJsonReader(version).assetId(XcmJsonReader.value(node, ""), "/value"));
  }

  /** Compact JSON text of any node. */
  public static String write(final JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  public static String writePretty(final JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  public static JsonNode readTree(final String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new XcmJsonException(
          "", "not valid JSON: " + e.getOriginalMessage().replace('\n', ' '));
    }
  }

  private static XcmVersion version(final JsonNode node, final String path) {
    final String name = XcmJsonReader.type(node, path);
    final XcmVersion version = XcmVersion.parse(name);
    if (version == null) {
      throw new XcmJsonException(path + "/type", "unknown XCM version " + name);
    }
    if (version.isLegacy()) {
      throw new XcmJsonException(path + "/type", "V2 is read-only; use V3, V4 or V5");
    }
    return version;
  }
}
