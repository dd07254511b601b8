package io.xrelay.substrate.metadata;

import io.xrelay.crypto.Blake2b;
import io.xrelay.crypto.Twox;

/** How a storage map hashes each key, in frame-metadata's SCALE index order. */
public enum StorageHasher {
  BLAKE2_128,
  BLAKE2_256,
  BLAKE2_128_CONCAT,
  TWOX_128,
  TWOX_256,
  TWOX_64_CONCAT,
  IDENTITY;

  private static final StorageHasher[] BY_INDEX = values();

  static StorageHasher byIndex(final int index) {
    return index < BY_INDEX.length ? BY_INDEX[index] : null;
  }

  /** The bytes this hasher puts into a storage key for an already SCALE-encoded key. */
  public byte[] hash(final byte[] encodedKey) {
    return switch (this) {
      case BLAKE2_128 -> Blake2b.hash128(encodedKey);
      case BLAKE2_256 -> Blake2b.hash256(encodedKey);
      case BLAKE2_128_CONCAT -> concat(Blake2b.hash128(encodedKey), encodedKey);
      case TWOX_128 -> Twox.hash128(encodedKey);
      case TWOX_256 -> Twox.hash256(encodedKey);
      case TWOX_64_CONCAT -> concat(Twox.hash64(encodedKey), encodedKey);
      case IDENTITY -> encodedKey.clone();
    };
  }

  /** Whether the key can be read back from the storage key ({@code *Concat} and identity). */
  public boolean isTransparent() {
    return this == BLAKE2_128_CONCAT || this == TWOX_64_CONCAT || this == IDENTITY;
  }

  /** Bytes of hash in front of the key (for transparent hashers) or of the whole hash. */
  public int hashLength() {
    return switch (this) {
      case BLAKE2_128, BLAKE2_128_CONCAT, TWOX_128 -> 16;
      case BLAKE2_256, TWOX_256 -> 32;
      case TWOX_64_CONCAT -> 8;
      case IDENTITY -> 0;
    };
  }

  private static byte[] concat(final byte[] hash, final byte[] key) {
    final byte[] out = new byte[hash.length + key.length];
    System.arraycopy(hash, 0, out, 0, hash.length);
    System.arraycopy(key, 0, out, hash.length, key.length);
    return out;
  }
}
