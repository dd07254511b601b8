package io.xrelay.substrate.storage;

import io.xrelay.crypto.Twox;
import io.xrelay.substrate.metadata.PalletMetadata;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.metadata.StorageEntry;
import io.xrelay.substrate.metadata.TypeDef;
import io.xrelay.substrate.metadata.TypeRegistry;
import io.xrelay.substrate.value.Value;
import io.xrelay.substrate.value.ValueCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Storage keys of FRAME pallets: {@code twox128(prefix) ++ twox128(entry)} for a plain value, then
 * one hashed key per map key. Fewer keys than the map has give the prefix to iterate the rest.
 */
public final class StorageKey {
  private StorageKey() {}

  /** The 32-byte prefix of every key of {@code palletPrefix.entryName}. */
  public static byte[] prefix(final String palletPrefix, final String entryName) {
    final byte[] out = new byte[32];
    System.arraycopy(Twox.hash128(palletPrefix.getBytes(StandardCharsets.UTF_8)), 0, out, 0, 16);
    System.arraycopy(Twox.hash128(entryName.getBytes(StandardCharsets.UTF_8)), 0, out, 16, 16);
    return out;
  }

  /**
   * The key of {@code pallet.entry} for the given keys, each encoded with its key type from the
   * metadata.
   *
   * @throws IllegalArgumentException naming the pallet or entry that does not exist, a wrong number
   *     of keys, or a key of the wrong shape
   */
  public static byte[] of(
      final RuntimeMetadata metadata,
      final String pallet,
      final String entry,
      final Value... keys) {
    final PalletMetadata palletMetadata =
        metadata
            .pallet(pallet)
            .orElseThrow(
                () -> new IllegalArgumentException("no pallet '" + pallet + "' in the metadata"));
    final StorageEntry storageEntry =
        palletMetadata
            .storageEntry(entry)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "pallet " + pallet + " has no storage entry '" + entry + "'"));
    final List<Integer> keyTypes = keyTypes(metadata.types(), storageEntry);
    if (keys.length > keyTypes.size()) {
      throw new IllegalArgumentException(
          pallet + "." + entry + " takes " + keyTypes.size() + " keys, " + keys.length + " given");
    }
    final ValueCodec codec = new ValueCodec(metadata.types());
    final List<byte[]> encoded = new ArrayList<>(keys.length);
    for (int i = 0; i < keys.length; i++) {
      encoded.add(codec.encode(keyTypes.get(i), keys[i]));
    }
    return ofEncoded(palletMetadata.storagePrefix(), storageEntry, encoded);
  }

  /** The key of {@code entry} for keys that are already SCALE-encoded. */
  public static byte[] ofEncoded(
      final String palletPrefix, final StorageEntry entry, final List<byte[]> encodedKeys) {
    if (encodedKeys.size() > entry.hashers().size()) {
      throw new IllegalArgumentException(
          entry.name()
              + " takes "
              + entry.hashers().size()
              + " keys, "
              + encodedKeys.size()
              + " given");
    }
    final ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    out.writeBytes(prefix(palletPrefix, entry.name()));
    for (int i = 0; i < encodedKeys.size(); i++) {
      out.writeBytes(entry.hashers().get(i).hash(encodedKeys.get(i)));
    }
    return out.toByteArray();
  }

  /** With one hasher the key type is the key; with several it is a tuple of the keys. */
  private static List<Integer> keyTypes(final TypeRegistry types, final StorageEntry entry) {
    if (!entry.isMap()) {
      return List.of();
    }
    if (entry.hashers().size() == 1) {
      return List.of(entry.keyType());
    }
    if (types.get(entry.keyType()).def() instanceof TypeDef.Tuple tuple
        && tuple.fieldTypes().size() == entry.hashers().size()) {
      return tuple.fieldTypes();
    }
    throw new IllegalArgumentException(
        entry.name()
            + " has "
            + entry.hashers().size()
            + " hashers but its key type is not a tuple of that many");
  }
}
