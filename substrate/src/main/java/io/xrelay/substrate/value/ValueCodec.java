package io.xrelay.substrate.value;

import io.xrelay.scale.BitOrder;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.scale.ScaleReader;
import io.xrelay.scale.ScaleWriter;
import io.xrelay.substrate.metadata.Field;
import io.xrelay.substrate.metadata.PortableType;
import io.xrelay.substrate.metadata.PrimitiveType;
import io.xrelay.substrate.metadata.TypeDef;
import io.xrelay.substrate.metadata.TypeRegistry;
import java.math.BigInteger;
import java.util.List;

/**
 * Decodes any type id of a registry into a {@link Value} and encodes a value back, so that the
 * relayer can read events, storage and calls of runtimes it was not compiled against. Decoding
 * never reads past the input and bounds nesting, so malformed bytes raise only {@link
 * ScaleDecodeException}. Encoding a value of the wrong shape raises {@link
 * IllegalArgumentException} naming the path to the offending field.
 */
public final class ValueCodec {
  /** Deeper values are refused: no runtime type nests this far, and it keeps the stack bounded. */
  static final int MAX_DEPTH = 128;

  private final TypeRegistry types;
  private final String[] labels;

  public ValueCodec(final TypeRegistry types) {
    this.types = types;
    this.labels = new String[types.size()];
  }

  public TypeRegistry types() {
    return types;
  }

  /** Decodes one value of {@code typeId} that must span all of {@code bytes}. */
  public Value decode(final int typeId, final byte[] bytes) {
    final ScaleReader reader = ScaleReader.of(bytes);
    final Value value = decode(typeId, reader);
    reader.requireEnd(label(typeId));
    return value;
  }

  public Value decode(final int typeId, final ScaleReader reader) {
    return decode(typeId, reader, 0);
  }

  public byte[] encode(final int typeId, final Value value) {
    final ScaleWriter writer = new ScaleWriter();
    encode(typeId, value, writer);
    return writer.toByteArray();
  }

  public void encode(final int typeId, final Value value, final ScaleWriter writer) {
    encode(typeId, value, writer, "value");
  }

  /** A short name for a type in error messages: its Rust path, else its shape. */
  public String label(final int typeId) {
    String label = labels[typeId];
    if (label == null) {
      label = describe(typeId, 0);
      labels[typeId] = label;
    }
    return label;
  }

  /** Bounded, because a forged registry may nest types in a cycle ({@code type 5 = Vec<5>}). */
  private String describe(final int typeId, final int depth) {
    final PortableType type = types.get(typeId);
    if (!type.path().isEmpty()) {
      return type.pathName();
    }
    if (depth > 3) {
      return "type #" + typeId;
    }
    final TypeDef def = type.def();
    if (def instanceof TypeDef.Sequence sequence) {
      return "Vec<" + describe(sequence.elementType(), depth + 1) + ">";
    }
    if (def instanceof TypeDef.Array array) {
      return "[" + describe(array.elementType(), depth + 1) + "; " + array.length() + "]";
    }
    if (def instanceof TypeDef.Primitive primitive) {
      return primitive.primitive().name().toLowerCase(java.util.Locale.ROOT);
    }
    if (def instanceof TypeDef.Compact compact) {
      return "Compact<" + describe(compact.type(), depth + 1) + ">";
    }
    if (def instanceof TypeDef.Tuple tuple) {
      return tuple.fieldTypes().isEmpty() ? "()" : "tuple #" + typeId;
    }
    return "type #" + typeId;
  }

  // ---- decoding ----

  private Value decode(final int id, final ScaleReader reader, final int depth) {
    if (depth > MAX_DEPTH) {
      throw reader.error(label(id), "nesting deeper than " + MAX_DEPTH + " levels");
    }
    final TypeDef def = types.get(id).def();
    if (def instanceof TypeDef.Composite composite) {
      return decodeFields(composite.fields(), reader, depth);
    }
    if (def instanceof TypeDef.Variant variant) {
      final int at = reader.position();
      final int index = reader.readVariantIndex(label(id));
      final io.xrelay.substrate.metadata.Variant chosen = variant.byIndex(index);
      if (chosen == null) {
        throw reader.errorAt(at, label(id), "unknown variant index " + index);
      }
      return new Value.Variant(chosen.name(), index, decodeFields(chosen.fields(), reader, depth));
    }
    if (def instanceof TypeDef.Sequence sequence) {
      final int element = sequence.elementType();
      if (isU8(element)) {
        return new Value.Bytes(reader.readByteVec());
      }
      final int count = reader.readLength(label(id), types.minEncodedSize(element));
      return new Value.Sequence(decodeItems(element, count, reader, depth));
    }
    if (def instanceof TypeDef.Array array) {
      return decodeArray(id, array, reader, depth);
    }
    if (def instanceof TypeDef.Tuple tuple) {
      final List<Integer> fieldTypes = tuple.fieldTypes();
      if (fieldTypes.isEmpty()) {
        return Value.Composite.EMPTY;
      }
      final Value[] values = new Value[fieldTypes.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = decode(fieldTypes.get(i), reader, depth + 1);
      }
      return new Value.Composite(List.of(), List.of(values));
    }
    if (def instanceof TypeDef.Primitive primitive) {
      return decodePrimitive(primitive.primitive(), reader);
    }
    if (def instanceof TypeDef.Compact compact) {
      return decodeCompact(id, compact.type(), reader, depth);
    }
    final BitOrder order = types.bitOrder(id);
    return new Value.Bits(reader.readBitSequence(order, types.bitStoreWidth(id)));
  }

  private Value decodeArray(
      final int id, final TypeDef.Array array, final ScaleReader reader, final int depth) {
    final long length = array.length();
    final int minSize = Math.max(1, types.minEncodedSize(array.elementType()));
    if (length * minSize > reader.remaining()) {
      throw reader.error(
          label(id),
          "needs at least " + length * minSize + " bytes, " + reader.remaining() + " remain");
    }
    if (isU8(array.elementType())) {
      return new Value.Bytes(reader.readBytes((int) length));
    }
    return new Value.Sequence(decodeItems(array.elementType(), (int) length, reader, depth));
  }

  private List<Value> decodeItems(
      final int element, final int count, final ScaleReader reader, final int depth) {
    if (count == 0) {
      return List.of();
    }
    final Value[] items = new Value[count];
    for (int i = 0; i < count; i++) {
      items[i] = decode(element, reader, depth + 1);
    }
    return List.of(items);
  }

  private Value.Composite decodeFields(
      final List<Field> fields, final ScaleReader reader, final int depth) {
    if (fields.isEmpty()) {
      return Value.Composite.EMPTY;
    }
    final Value[] values = new Value[fields.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = decode(fields.get(i).type(), reader, depth + 1);
    }
    if (fields.get(0).name() == null) {
      return new Value.Composite(List.of(), List.of(values));
    }
    final String[] names = new String[values.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = fields.get(i).name();
    }
    return new Value.Composite(List.of(names), List.of(values));
  }

  private static Value decodePrimitive(final PrimitiveType primitive, final ScaleReader reader) {
    return switch (primitive) {
      case BOOL -> new Value.Bool(reader.readBool());
      case CHAR -> {
        final int at = reader.position();
        final long codePoint = reader.readU32();
        if (codePoint > Character.MAX_CODE_POINT || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
          throw reader.errorAt(
              at, "char", "0x" + Long.toHexString(codePoint) + " is not a Unicode scalar value");
        }
        yield new Value.Char((int) codePoint);
      }
      case STR -> new Value.Str(reader.readString());
      case U8 -> Value.of(reader.readU8());
      case U16 -> Value.of(reader.readU16());
      case U32 -> Value.of(reader.readU32());
      case U64 -> new Value.Int(unsigned(reader.readU64()));
      case U128 -> new Value.Int(reader.readU128());
      case U256 -> new Value.Int(reader.readU256());
      case I8 -> Value.of(reader.readI8());
      case I16 -> Value.of(reader.readI16());
      case I32 -> Value.of(reader.readI32());
      case I64 -> Value.of(reader.readI64());
      case I128 -> new Value.Int(reader.readI128());
      case I256 -> new Value.Int(reader.readI256());
    };
  }

  /** {@code Compact<T>} where T is an unsigned integer, {@code ()}, or a struct wrapping one. */
  private Value decodeCompact(
      final int id, final int inner, final ScaleReader reader, final int depth) {
    if (depth > MAX_DEPTH) {
      throw reader.error(label(id), "nesting deeper than " + MAX_DEPTH + " levels");
    }
    final TypeDef def = types.get(inner).def();
    if (def instanceof TypeDef.Primitive primitive) {
      final int at = reader.position();
      final BigInteger value = reader.readCompact();
      final int maxBits = compactBits(primitive.primitive());
      if (maxBits < 0) {
        throw reader.errorAt(
            at, label(id), "compact of " + primitive.primitive() + " is not an unsigned integer");
      }
      if (value.bitLength() > maxBits) {
        throw reader.errorAt(at, label(id), "value " + value + " exceeds " + maxBits + " bits");
      }
      return new Value.Int(value);
    }
    if (def instanceof TypeDef.Composite composite && composite.fields().size() == 1) {
      final Field field = composite.fields().get(0);
      final Value value = decodeCompact(id, field.type(), reader, depth + 1);
      return new Value.Composite(
          field.name() == null ? List.of() : List.of(field.name()), List.of(value));
    }
    if ((def instanceof TypeDef.Composite composite && composite.fields().isEmpty())
        || (def instanceof TypeDef.Tuple tuple && tuple.fieldTypes().isEmpty())) {
      return Value.Composite.EMPTY;
    }
    throw reader.error(label(id), "compact of " + label(inner) + " is not supported");
  }

  private static int compactBits(final PrimitiveType primitive) {
    return switch (primitive) {
      case U8 -> 8;
      case U16 -> 16;
      case U32 -> 32;
      case U64 -> 64;
      case U128 -> 128;
      case U256 -> 256;
      default -> -1;
    };
  }

  private boolean isU8(final int id) {
    return types.get(id).def() instanceof TypeDef.Primitive primitive
        && primitive.primitive() == PrimitiveType.U8;
  }

  private static BigInteger unsigned(final long value) {
    return value >= 0
        ? BigInteger.valueOf(value)
        : BigInteger.valueOf(value).add(BigInteger.ONE.shiftLeft(64));
  }

  // ---- encoding ----

  private void encode(
      final int id, final Value value, final ScaleWriter writer, final String path) {
    final TypeDef def = types.get(id).def();
    if (def instanceof TypeDef.Composite composite) {
      if (composite.fields().size() == 1 && !(value instanceof Value.Composite)) {
        // A newtype (H256, AccountId32, ParaId...) takes its inner value directly.
        encode(composite.fields().get(0).type(), value, writer, path);
      } else {
        encodeFields(
            id, composite.fields(), expect(value, Value.Composite.class, id, path), writer, path);
      }
    } else if (def instanceof TypeDef.Variant variant) {
      final Value.Variant given = expect(value, Value.Variant.class, id, path);
      final io.xrelay.substrate.metadata.Variant chosen =
          given.name() != null ? variant.byName(given.name()) : variant.byIndex(given.index());
      if (chosen == null) {
        throw new IllegalArgumentException(
            path
                + ": "
                + label(id)
                + " has no variant '"
                + given.name()
                + "'; it has "
                + variant.variants().stream()
                    .map(io.xrelay.substrate.metadata.Variant::name)
                    .toList());
      }
      writer.writeVariantIndex(chosen.index());
      encodeFields(id, chosen.fields(), given.fields(), writer, path + "." + chosen.name());
    } else if (def instanceof TypeDef.Sequence sequence) {
      if (value instanceof Value.Bytes bytes && isU8(sequence.elementType())) {
        writer.writeByteVec(bytes.bytes());
      } else {
        final List<Value> items = expect(value, Value.Sequence.class, id, path).items();
        writer.writeCompact(items.size());
        encodeItems(sequence.elementType(), items, writer, path);
      }
    } else if (def instanceof TypeDef.Array array) {
      encodeArray(id, array, value, writer, path);
    } else if (def instanceof TypeDef.Tuple tuple) {
      final Value.Composite given = expect(value, Value.Composite.class, id, path);
      if (given.size() != tuple.fieldTypes().size()) {
        throw new IllegalArgumentException(
            path
                + ": "
                + label(id)
                + " has "
                + tuple.fieldTypes().size()
                + " fields, the value "
                + given.size());
      }
      for (int i = 0; i < given.size(); i++) {
        encode(tuple.fieldTypes().get(i), given.get(i), writer, path + "." + i);
      }
    } else if (def instanceof TypeDef.Primitive primitive) {
      encodePrimitive(id, primitive.primitive(), value, writer, path);
    } else if (def instanceof TypeDef.Compact compact) {
      encodeCompact(id, compact.type(), value, writer, path);
    } else {
      writer.writeBitSequence(
          expect(value, Value.Bits.class, id, path).bits(),
          types.bitOrder(id),
          types.bitStoreWidth(id));
    }
  }

  private void encodeArray(
      final int id,
      final TypeDef.Array array,
      final Value value,
      final ScaleWriter writer,
      final String path) {
    if (value instanceof Value.Bytes bytes && isU8(array.elementType())) {
      if (bytes.bytes().length != array.length()) {
        throw new IllegalArgumentException(
            path
                + ": "
                + label(id)
                + " takes "
                + array.length()
                + " bytes, the value has "
                + bytes.bytes().length);
      }
      writer.writeBytes(bytes.bytes());
      return;
    }
    final List<Value> items = expect(value, Value.Sequence.class, id, path).items();
    if (items.size() != array.length()) {
      throw new IllegalArgumentException(
          path
              + ": "
              + label(id)
              + " takes "
              + array.length()
              + " items, the value has "
              + items.size());
    }
    encodeItems(array.elementType(), items, writer, path);
  }

  private void encodeItems(
      final int element, final List<Value> items, final ScaleWriter writer, final String path) {
    for (int i = 0; i < items.size(); i++) {
      encode(element, items.get(i), writer, path + "[" + i + "]");
    }
  }

  private void encodeFields(
      final int id,
      final List<Field> fields,
      final Value.Composite given,
      final ScaleWriter writer,
      final String path) {
    if (given.size() != fields.size()) {
      throw new IllegalArgumentException(
          path + ": " + label(id) + " has " + fields.size() + " fields, the value " + given.size());
    }
    for (int i = 0; i < fields.size(); i++) {
      final Field field = fields.get(i);
      final Value fieldValue;
      final String fieldPath;
      if (given.isNamed() && field.name() != null) {
        fieldValue =
            given
                .field(field.name())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            path + ": field '" + field.name() + "' is missing"));
        fieldPath = path + "." + field.name();
      } else {
        fieldValue = given.get(i);
        fieldPath = path + "." + i;
      }
      encode(field.type(), fieldValue, writer, fieldPath);
    }
  }

  private void encodePrimitive(
      final int id,
      final PrimitiveType primitive,
      final Value value,
      final ScaleWriter writer,
      final String path) {
    try {
      switch (primitive) {
        case BOOL -> writer.writeBool(expect(value, Value.Bool.class, id, path).value());
        case CHAR -> writer.writeU32(expect(value, Value.Char.class, id, path).codePoint());
        case STR -> writer.writeString(expect(value, Value.Str.class, id, path).value());
        case U8 -> writer.writeU8(intOf(value, id, path).intValueExact());
        case U16 -> writer.writeU16(intOf(value, id, path).intValueExact());
        case U32 -> writer.writeU32(intOf(value, id, path).longValueExact());
        case U64 -> writer.writeUnsignedBig(intOf(value, id, path), 8, "u64");
        case U128 -> writer.writeU128(intOf(value, id, path));
        case U256 -> writer.writeU256(intOf(value, id, path));
        case I8 -> writer.writeI8(intOf(value, id, path).intValueExact());
        case I16 -> writer.writeI16(intOf(value, id, path).intValueExact());
        case I32 -> writer.writeI32(intOf(value, id, path).intValueExact());
        case I64 -> writer.writeI64(intOf(value, id, path).longValueExact());
        case I128 -> writer.writeI128(intOf(value, id, path));
        case I256 -> writer.writeI256(intOf(value, id, path));
      }
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          path + ": " + value + " is out of range for " + primitive, e);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(path)) {
        throw e;
      }
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  private void encodeCompact(
      final int id,
      final int inner,
      final Value value,
      final ScaleWriter writer,
      final String path) {
    final TypeDef def = types.get(inner).def();
    if (def instanceof TypeDef.Primitive primitive) {
      final BigInteger number = intOf(value, id, path);
      final int maxBits = compactBits(primitive.primitive());
      if (number.signum() < 0 || maxBits < 0 || number.bitLength() > maxBits) {
        throw new IllegalArgumentException(path + ": " + number + " does not fit " + label(id));
      }
      writer.writeCompact(number);
    } else if (def instanceof TypeDef.Composite composite && composite.fields().size() == 1) {
      final Value innerValue =
          value instanceof Value.Composite wrapper && wrapper.size() == 1 ? wrapper.get(0) : value;
      encodeCompact(id, composite.fields().get(0).type(), innerValue, writer, path);
    } else if (!(value instanceof Value.Composite empty && empty.size() == 0)) {
      throw new IllegalArgumentException(path + ": cannot encode " + value + " as " + label(id));
    }
  }

  private BigInteger intOf(final Value value, final int id, final String path) {
    return expect(value, Value.Int.class, id, path).value();
  }

  private <T extends Value> T expect(
      final Value value, final Class<T> kind, final int id, final String path) {
    if (kind.isInstance(value)) {
      return kind.cast(value);
    }
    throw new IllegalArgumentException(
        path
            + ": "
            + label(id)
            + " needs a "
            + kind.getSimpleName()
            + ", got "
            + (value == null ? "nothing" : value.getClass().getSimpleName()));
  }
}
