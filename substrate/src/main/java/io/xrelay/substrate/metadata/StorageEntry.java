package io.xrelay.substrate.metadata;

import java.util.List;

/**
 * One storage item of a pallet. A plain value has no hashers and {@code keyType} -1; a map has one
 * hasher per key, and {@code keyType} is the key type (a tuple of the keys when there are several).
 */
public record StorageEntry(
    String name,
    boolean optional,
    List<StorageHasher> hashers,
    int keyType,
    int valueType,
    byte[] defaultValue,
    List<String> docs,
    Deprecation deprecation) {

  public boolean isMap() {
    return !hashers.isEmpty();
  }
}
