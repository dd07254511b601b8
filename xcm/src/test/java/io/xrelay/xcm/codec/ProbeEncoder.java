package io.xrelay.xcm.codec;

import io.xrelay.scale.ScaleWriter;
import java.math.BigInteger;

/**
 * Builds a small valid encoding of any registry type straight from its shape: compacts are 64 (two
 * bytes, so a decoder that reads a fixed-width or one-byte field instead drifts), fixed integers
 * are 1, vectors are empty, options are {@code Some}, other enums take their first variant. If a
 * decoder reads exactly these bytes, it agrees with the registry on every field's shape.
 */
final class ProbeEncoder {
  private static final int COMPACT_PROBE = 64;

  private final PortableTypes types;

  ProbeEncoder(final PortableTypes types) {
    this.types = types;
  }

  byte[] variant(final int typeId, final int variantIndex) {
    final ScaleWriter out = new ScaleWriter();
    writeVariant(out, typeId, variantIndex);
    return out.toByteArray();
  }

  byte[] value(final int typeId) {
    final ScaleWriter out = new ScaleWriter();
    write(out, typeId);
    return out.toByteArray();
  }

  private void writeVariant(final ScaleWriter out, final int typeId, final int variantIndex) {
    final PortableTypes.Variant variant =
        types.variants(typeId).stream()
            .filter(v -> v.index() == variantIndex)
            .findFirst()
            .orElseThrow();
    out.writeVariantIndex(variantIndex);
    variant.fieldTypes().forEach(field -> write(out, field));
  }

  private void write(final ScaleWriter out, final int typeId) {
    switch (types.kind(typeId)) {
      case "composite" -> types.compositeFields(typeId).forEach(field -> write(out, field));
      case "variant" -> {
        final boolean option = types.path(typeId).equals("Option");
        writeVariant(out, typeId, option ? 1 : types.variants(typeId).get(0).index());
      }
      case "sequence" -> out.writeCompact(0);
      case "array" -> {
        for (int i = 0; i < types.arrayLength(typeId); i++) {
          write(out, types.elementType(typeId));
        }
      }
      case "tuple" -> types.tupleTypes(typeId).forEach(field -> write(out, field));
      case "compact" -> out.writeCompact(COMPACT_PROBE);
      case "primitive" -> writePrimitive(out, types.primitive(typeId));
      default ->
          throw new IllegalStateException("no probe for " + types.kind(typeId) + " type " + typeId);
    }
  }

  private static void writePrimitive(final ScaleWriter out, final String primitive) {
    switch (primitive) {
      case "Bool", "U8" -> out.writeU8(1);
      case "U16" -> out.writeU16(1);
      case "U32" -> out.writeU32(1);
      case "U64", "I64" -> out.writeU64(1);
      case "U128" -> out.writeU128(BigInteger.ONE);
      case "Str" -> out.writeCompact(0);
      default -> throw new IllegalStateException("no probe for primitive " + primitive);
    }
  }
}
