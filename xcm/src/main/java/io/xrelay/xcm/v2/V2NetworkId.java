package io.xrelay.xcm.v2;

import io.xrelay.xcm.model.Bytes;
import java.util.List;

/**
 * V2 {@code NetworkId}: {@code Any = 0}, {@code Named(Vec<u8>) = 1}, {@code Polkadot = 2}, {@code
 * Kusama = 3}.
 */
public record V2NetworkId(int variantIndex, Bytes name) {
  public static final List<String> NAMES = List.of("Any", "Named", "Polkadot", "Kusama");

  public V2NetworkId {
    if (variantIndex < 0 || variantIndex > 3) {
      throw new IllegalArgumentException("V2 NetworkId has no variant " + variantIndex);
    }
    if (variantIndex != 1 && name.length() != 0) {
      throw new IllegalArgumentException(NAMES.get(variantIndex) + " carries no name");
    }
  }

  public String variantName() {
    return NAMES.get(variantIndex);
  }
}
