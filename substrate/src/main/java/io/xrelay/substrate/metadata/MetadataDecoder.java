package io.xrelay.substrate.metadata;

import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.scale.ScaleReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code RuntimeMetadataPrefixed} of version 14, 15 or 16 from any form a node serves it
 * in: raw bytes starting with the {@code meta} magic, {@code OpaqueMetadata} (a compact length in
 * front, as {@code Metadata_metadata} returns it), or {@code Option<OpaqueMetadata>} (as {@code
 * Metadata_metadata_at_version} returns it). Every failure is a {@link ScaleDecodeException} whose
 * offset counts from the start of the given bytes and whose context names the section.
 */
public final class MetadataDecoder {
  /** "meta" read as a little-endian u32. */
  private static final long MAGIC = 0x6174656dL;

  private static final String MAGIC_NAME = "metadata magic";

  private MetadataDecoder() {}

  public static RuntimeMetadata decodeHex(final String hex) {
    final byte[] bytes;
    try {
      bytes = Hex.decode(hex.strip());
    } catch (IllegalArgumentException e) {
      throw new ScaleDecodeException(0, "metadata hex", e.getMessage());
    }
    return decode(bytes);
  }

  public static RuntimeMetadata decode(final byte[] bytes) {
    final ScaleReader reader = ScaleReader.of(bytes);
    unwrap(reader);
    final RuntimeMetadata metadata = decodePrefixed(reader);
    reader.requireEnd("RuntimeMetadataPrefixed");
    return metadata;
  }

  /** Skips {@code Option} and {@code OpaqueMetadata} wrappers, leaving the reader at the magic. */
  private static void unwrap(final ScaleReader reader) {
    if (startsWithMagic(reader, 0)) {
      return;
    }
    final int remaining = reader.remaining();
    if (remaining > 0 && peek(reader, 0) == 0) {
      throw reader.error(
          "Option<OpaqueMetadata>", "is None: the runtime does not offer this metadata version");
    }
    // Option<OpaqueMetadata>: 0x01 then a compact length then the magic.
    if (remaining > 1 && peek(reader, 0) == 1 && compactThenMagic(reader, 1)) {
      reader.readU8();
      readOpaqueLength(reader);
      return;
    }
    if (compactThenMagic(reader, 0)) {
      readOpaqueLength(reader);
      return;
    }
    if (remaining < 4) {
      throw reader.error(MAGIC_NAME, "needs 4 bytes, " + remaining + " remain");
    }
    throw reader.error(
        MAGIC_NAME,
        "bytes 0x"
            + Hex.encode(peekBytes(reader, 4)).substring(2)
            + " are not 'meta' (0x6d657461)");
  }

  private static void readOpaqueLength(final ScaleReader reader) {
    final int at = reader.position();
    final int length = reader.readCompactInt("OpaqueMetadata length");
    if (length != reader.remaining()) {
      throw reader.errorAt(
          at,
          "OpaqueMetadata",
          "length prefix says " + length + " bytes, " + reader.remaining() + " follow");
    }
  }

  private static boolean compactThenMagic(final ScaleReader reader, final int offset) {
    if (reader.remaining() <= offset) {
      return false;
    }
    final int mode = peek(reader, offset) & 0b11;
    final int compactBytes =
        mode == 0 ? 1 : mode == 1 ? 2 : mode == 2 ? 4 : 1 + ((peek(reader, offset) >>> 2) + 4);
    return startsWithMagic(reader, offset + compactBytes);
  }

  private static boolean startsWithMagic(final ScaleReader reader, final int offset) {
    return reader.remaining() >= offset + 4
        && peek(reader, offset) == 0x6d
        && peek(reader, offset + 1) == 0x65
        && peek(reader, offset + 2) == 0x74
        && peek(reader, offset + 3) == 0x61;
  }

  private static int peek(final ScaleReader reader, final int offset) {
    final ScaleReader probe = reader.lookahead();
    probe.skip(offset);
    return probe.readU8();
  }

  private static byte[] peekBytes(final ScaleReader reader, final int count) {
    return reader.lookahead().readBytes(count);
  }

  private static RuntimeMetadata decodePrefixed(final ScaleReader reader) {
    final int at = reader.position();
    if (reader.readU32() != MAGIC) {
      throw reader.errorAt(at, MAGIC_NAME, "not 'meta' (0x6d657461)");
    }
    final int versionAt = reader.position();
    final int version = reader.readVariantIndex("RuntimeMetadata version");
    if (version < 14 || version > 16) {
      throw reader.errorAt(
          versionAt,
          "RuntimeMetadata version",
          "version " + version + " is not supported (14, 15 or 16)");
    }
    return new VersionedReader(reader, version).read();
  }

  /** Reads one version's layout; the differences between versions are local to each section. */
  private static final class VersionedReader {
    private final ScaleReader reader;
    private final int version;
    private TypeRegistry types;

    VersionedReader(final ScaleReader reader, final int version) {
      this.reader = reader;
      this.version = version;
    }

    RuntimeMetadata read() {
      types = section("types", this::readRegistry);
      final List<PalletMetadata> pallets = section("pallets", this::readPallets);
      final ExtrinsicMetadata extrinsic = section("extrinsic", this::readExtrinsic);
      final int runtimeType = version < 16 ? section("runtime type", this::readTypeId) : -1;
      if (version == 14) {
        return new RuntimeMetadata(
            version, types, pallets, extrinsic, runtimeType, List.of(), null, Map.of());
      }
      final List<RuntimeApiMetadata> apis = section("apis", () -> readVec(this::readApi));
      final OuterEnums outerEnums =
          section("outer enums", () -> new OuterEnums(readTypeId(), readTypeId(), readTypeId()));
      final Map<String, CustomValue> custom = section("custom", this::readCustom);
      return new RuntimeMetadata(
          version, types, pallets, extrinsic, runtimeType, apis, outerEnums, custom);
    }

    private interface Section<T> {
      T read();
    }

    private static <T> T section(final String name, final Section<T> section) {
      try {
        return section.read();
      } catch (ScaleDecodeException e) {
        throw e.within(name);
      }
    }

    // ---- type registry ----

    private TypeRegistry readRegistry() {
      final int count = reader.readLength("PortableRegistry", 4);
      final List<PortableType> entries = new ArrayList<>(count);
      final int[] offsets = new int[count];
      for (int i = 0; i < count; i++) {
        offsets[i] = reader.position();
        try {
          entries.add(readPortableType());
        } catch (ScaleDecodeException e) {
          throw e.within("type entry " + i);
        }
      }
      try {
        return new TypeRegistry(entries);
      } catch (InvalidRegistryException e) {
        final int id = e.typeId();
        throw new ScaleDecodeException(
            id >= 0 && id < count ? offsets[id] : reader.position(),
            "PortableType",
            e.getMessage());
      }
    }

    private PortableType readPortableType() {
      final int id = reader.readCompactInt("type id");
      final List<String> path = readStrings();
      final int paramCount = reader.readLength("type parameters", 2);
      final List<TypeParameter> params = new ArrayList<>(paramCount);
      for (int i = 0; i < paramCount; i++) {
        final String name = reader.readString();
        final int type =
            reader.readOptionTag("Option<type id>") ? reader.readCompactInt("type id") : -1;
        params.add(new TypeParameter(name, type));
      }
      final TypeDef def = readTypeDef();
      final List<String> docs = readStrings();
      return new PortableType(id, path, params, def, docs);
    }

    private TypeDef readTypeDef() {
      final int at = reader.position();
      final int tag = reader.readVariantIndex("TypeDef");
      return switch (tag) {
        case 0 -> new TypeDef.Composite(readFields());
        case 1 -> new TypeDef.Variant(readVariants());
        case 2 -> new TypeDef.Sequence(reader.readCompactInt("type id"));
        case 3 -> {
          final long length = reader.readU32();
          yield new TypeDef.Array(length, reader.readCompactInt("type id"));
        }
        case 4 -> {
          final int count = reader.readLength("tuple", 1);
          final Integer[] fields = new Integer[count];
          for (int i = 0; i < count; i++) {
            fields[i] = reader.readCompactInt("type id");
          }
          yield new TypeDef.Tuple(List.of(fields));
        }
        case 5 -> {
          final int index = reader.readVariantIndex("TypeDefPrimitive");
          final PrimitiveType primitive = PrimitiveType.byIndex(index);
          if (primitive == null) {
            throw reader.errorAt(
                reader.position() - 1, "TypeDefPrimitive", "unknown primitive " + index);
          }
          yield new TypeDef.Primitive(primitive);
        }
        case 6 -> new TypeDef.Compact(reader.readCompactInt("type id"));
        case 7 ->
            new TypeDef.BitSequence(
                reader.readCompactInt("type id"), reader.readCompactInt("type id"));
        default -> throw reader.errorAt(at, "TypeDef", "unknown variant " + tag);
      };
    }

    private List<Field> readFields() {
      final int count = reader.readLength("fields", 4);
      final Field[] fields = new Field[count];
      for (int i = 0; i < count; i++) {
        final String name = readOptionalString();
        final int type = reader.readCompactInt("type id");
        final String typeName = readOptionalString();
        fields[i] = new Field(name, type, typeName, readStrings());
      }
      return List.of(fields);
    }

    private List<Variant> readVariants() {
      final int count = reader.readLength("variants", 4);
      final Variant[] variants = new Variant[count];
      for (int i = 0; i < count; i++) {
        final String name = reader.readString();
        final List<Field> fields = readFields();
        final int index = reader.readU8();
        variants[i] = new Variant(name, fields, index, readStrings());
      }
      return List.of(variants);
    }

    // ---- pallets ----

    private List<PalletMetadata> readPallets() {
      final int count = reader.readLength("pallets", 8);
      final List<PalletMetadata> pallets = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        try {
          pallets.add(readPallet());
        } catch (ScaleDecodeException e) {
          throw e.within("pallet " + i);
        }
      }
      return Collections.unmodifiableList(pallets);
    }

    private PalletMetadata readPallet() {
      final String name = reader.readString();
      String storagePrefix = null;
      List<StorageEntry> storage = List.of();
      if (reader.readOptionTag("Option<PalletStorageMetadata>")) {
        storagePrefix = reader.readString();
        storage = readVec(this::readStorageEntry);
      }
      int callType = -1;
      int eventType = -1;
      int errorType = -1;
      Map<Integer, Deprecation> deprecatedCalls = Map.of();
      Map<Integer, Deprecation> deprecatedEvents = Map.of();
      Map<Integer, Deprecation> deprecatedErrors = Map.of();
      if (reader.readOptionTag("Option<PalletCallMetadata>")) {
        callType = readTypeId();
        deprecatedCalls = readEnumDeprecation();
      }
      if (reader.readOptionTag("Option<PalletEventMetadata>")) {
        eventType = readTypeId();
        deprecatedEvents = readEnumDeprecation();
      }
      final List<PalletConstant> constants = readVec(this::readConstant);
      if (reader.readOptionTag("Option<PalletErrorMetadata>")) {
        errorType = readTypeId();
        deprecatedErrors = readEnumDeprecation();
      }
      List<PalletMetadata.AssociatedType> associatedTypes = List.of();
      List<PalletMetadata.ViewFunction> viewFunctions = List.of();
      if (version >= 16) {
        associatedTypes =
            readVec(
                () ->
                    new PalletMetadata.AssociatedType(
                        reader.readString(), readTypeId(), readStrings()));
        viewFunctions = readVec(this::readViewFunction);
      }
      final int index = reader.readU8();
      final List<String> docs = version >= 15 ? readStrings() : List.of();
      final Deprecation deprecation = readItemDeprecation();
      return new PalletMetadata(
          name,
          index,
          storagePrefix,
          storage,
          callType,
          eventType,
          errorType,
          constants,
          associatedTypes,
          viewFunctions,
          docs,
          deprecation,
          deprecatedCalls,
          deprecatedEvents,
          deprecatedErrors);
    }

    private StorageEntry readStorageEntry() {
      final String name = reader.readString();
      final int modifierAt = reader.position();
      final int modifier = reader.readVariantIndex("StorageEntryModifier");
      if (modifier > 1) {
        throw reader.errorAt(modifierAt, "StorageEntryModifier", "unknown variant " + modifier);
      }
      final int kindAt = reader.position();
      final int kind = reader.readVariantIndex("StorageEntryType");
      final List<StorageHasher> hashers;
      final int keyType;
      final int valueType;
      if (kind == 0) {
        hashers = List.of();
        keyType = -1;
        valueType = readTypeId();
      } else if (kind == 1) {
        final int count = reader.readLength("hashers", 1);
        final StorageHasher[] list = new StorageHasher[count];
        for (int i = 0; i < count; i++) {
          final int hasherIndex = reader.readVariantIndex("StorageHasher");
          list[i] = StorageHasher.byIndex(hasherIndex);
          if (list[i] == null) {
            throw reader.errorAt(
                reader.position() - 1, "StorageHasher", "unknown variant " + hasherIndex);
          }
        }
        hashers = List.of(list);
        keyType = readTypeId();
        valueType = readTypeId();
      } else {
        throw reader.errorAt(kindAt, "StorageEntryType", "unknown variant " + kind);
      }
      final byte[] defaultValue = reader.readByteVec();
      final List<String> docs = readStrings();
      return new StorageEntry(
          name,
          modifier == 0,
          hashers,
          keyType,
          valueType,
          defaultValue,
          docs,
          readItemDeprecation());
    }

    private PalletConstant readConstant() {
      final String name = reader.readString();
      final int type = readTypeId();
      final byte[] value = reader.readByteVec();
      return new PalletConstant(name, type, value, readStrings(), readItemDeprecation());
    }

    private PalletMetadata.ViewFunction readViewFunction() {
      final byte[] id = reader.readBytes(32);
      final String name = reader.readString();
      final List<PalletMetadata.Parameter> inputs = readVec(this::readParameter);
      final int output = readTypeId();
      return new PalletMetadata.ViewFunction(
          id, name, inputs, output, readStrings(), readItemDeprecation());
    }

    private PalletMetadata.Parameter readParameter() {
      return new PalletMetadata.Parameter(reader.readString(), readTypeId());
    }

    // ---- deprecation (V16 only) ----

    private Deprecation readItemDeprecation() {
      if (version < 16) {
        return Deprecation.NONE;
      }
      final int at = reader.position();
      final int tag = reader.readVariantIndex("ItemDeprecationInfo");
      return switch (tag) {
        case 0 -> Deprecation.NONE;
        case 1 -> Deprecation.WITHOUT_NOTE;
        case 2 -> new Deprecation(true, reader.readString(), readOptionalString());
        default -> throw reader.errorAt(at, "ItemDeprecationInfo", "unknown variant " + tag);
      };
    }

    private Map<Integer, Deprecation> readEnumDeprecation() {
      if (version < 16) {
        return Map.of();
      }
      final int count = reader.readLength("EnumDeprecationInfo", 2);
      if (count == 0) {
        return Map.of();
      }
      final Map<Integer, Deprecation> map = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        final int variant = reader.readU8();
        final int at = reader.position();
        final int tag = reader.readVariantIndex("VariantDeprecationInfo");
        map.put(
            variant,
            switch (tag) {
              case 1 -> Deprecation.WITHOUT_NOTE;
              case 2 -> new Deprecation(true, reader.readString(), readOptionalString());
              default ->
                  throw reader.errorAt(at, "VariantDeprecationInfo", "unknown variant " + tag);
            });
      }
      return Collections.unmodifiableMap(map);
    }

    // ---- extrinsic ----

    private ExtrinsicMetadata readExtrinsic() {
      return switch (version) {
        case 14 -> {
          final int extrinsicType = readTypeId();
          final int extrinsicVersion = reader.readU8();
          final List<ExtrinsicMetadata.TransactionExtension> extensions =
              readVec(this::readExtension);
          final PortableType unchecked = types.get(extrinsicType);
          yield new ExtrinsicMetadata(
              List.of(extrinsicVersion),
              extrinsicType,
              typeParameter(unchecked, "Address"),
              typeParameter(unchecked, "Call"),
              typeParameter(unchecked, "Signature"),
              typeParameter(unchecked, "Extra"),
              extensions,
              Map.of(extrinsicVersion, allIndices(extensions.size())));
        }
        case 15 -> {
          final int extrinsicVersion = reader.readU8();
          final int address = readTypeId();
          final int call = readTypeId();
          final int signature = readTypeId();
          final int extra = readTypeId();
          final List<ExtrinsicMetadata.TransactionExtension> extensions =
              readVec(this::readExtension);
          yield new ExtrinsicMetadata(
              List.of(extrinsicVersion),
              -1,
              address,
              call,
              signature,
              extra,
              extensions,
              Map.of(extrinsicVersion, allIndices(extensions.size())));
        }
        default -> {
          final byte[] versions = reader.readByteVec();
          final int address = readTypeId();
          final int call = readTypeId();
          final int signature = readTypeId();
          final int byVersionCount = reader.readLength("transaction_extensions_by_version", 2);
          final Map<Integer, List<Integer>> byVersion = new LinkedHashMap<>();
          for (int i = 0; i < byVersionCount; i++) {
            final int extrinsicVersion = reader.readU8();
            final int count = reader.readLength("extension indices", 1);
            final Integer[] indices = new Integer[count];
            for (int j = 0; j < count; j++) {
              indices[j] = reader.readCompactInt("extension index");
            }
            byVersion.put(extrinsicVersion, List.of(indices));
          }
          final List<ExtrinsicMetadata.TransactionExtension> extensions =
              readVec(this::readExtension);
          for (final Map.Entry<Integer, List<Integer>> entry : byVersion.entrySet()) {
            for (final int index : entry.getValue()) {
              if (index >= extensions.size()) {
                throw reader.error(
                    "ExtrinsicMetadata",
                    "version "
                        + entry.getKey()
                        + " names extension "
                        + index
                        + " of "
                        + extensions.size());
              }
            }
          }
          final List<Integer> versionList = new ArrayList<>(versions.length);
          for (final byte v : versions) {
            versionList.add(v & 0xff);
          }
          yield new ExtrinsicMetadata(
              Collections.unmodifiableList(versionList),
              -1,
              address,
              call,
              signature,
              -1,
              extensions,
              Collections.unmodifiableMap(byVersion));
        }
      };
    }

    private ExtrinsicMetadata.TransactionExtension readExtension() {
      return new ExtrinsicMetadata.TransactionExtension(
          reader.readString(), readTypeId(), readTypeId());
    }

    private static int typeParameter(final PortableType type, final String name) {
      for (final TypeParameter param : type.params()) {
        if (param.name().equals(name)) {
          return param.type();
        }
      }
      return -1;
    }

    private static List<Integer> allIndices(final int count) {
      final Integer[] indices = new Integer[count];
      for (int i = 0; i < count; i++) {
        indices[i] = i;
      }
      return List.of(indices);
    }

    // ---- runtime APIs and custom values ----

    private RuntimeApiMetadata readApi() {
      final String name = reader.readString();
      final List<RuntimeApiMetadata.Method> methods =
          readVec(
              () -> {
                final String methodName = reader.readString();
                final List<PalletMetadata.Parameter> inputs = readVec(this::readParameter);
                final int output = readTypeId();
                return new RuntimeApiMetadata.Method(
                    methodName, inputs, output, readStrings(), readItemDeprecation());
              });
      final List<String> docs = readStrings();
      final long apiVersion = version >= 16 ? reader.readCompactU32() : -1;
      return new RuntimeApiMetadata(name, methods, docs, apiVersion, readItemDeprecation());
    }

    private Map<String, CustomValue> readCustom() {
      final int count = reader.readLength("custom", 3);
      if (count == 0) {
        return Map.of();
      }
      final Map<String, CustomValue> custom = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        final String key = reader.readString();
        custom.put(key, new CustomValue(readTypeId(), reader.readByteVec()));
      }
      return Collections.unmodifiableMap(custom);
    }

    // ---- primitives of the metadata format ----

    /** A type id outside the registry is an error at the offset where it was read. */
    private int readTypeId() {
      final int at = reader.position();
      final int id = reader.readCompactInt("type id");
      if (!types.contains(id)) {
        throw reader.errorAt(
            at, "type id", "type " + id + " is not in the registry of " + types.size() + " types");
      }
      return id;
    }

    private interface Element<T> {
      T read();
    }

    private <T> List<T> readVec(final Element<T> element) {
      final int count = reader.readLength("Vec", 1);
      if (count == 0) {
        return List.of();
      }
      final List<T> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        out.add(element.read());
      }
      return Collections.unmodifiableList(out);
    }

    private List<String> readStrings() {
      final int count = reader.readLength("Vec<String>", 1);
      if (count == 0) {
        return List.of();
      }
      final String[] strings = new String[count];
      for (int i = 0; i < count; i++) {
        strings[i] = reader.readString();
      }
      return List.of(strings);
    }

    private String readOptionalString() {
      return reader.readOptionTag("Option<String>") ? reader.readString() : null;
    }
  }
}
