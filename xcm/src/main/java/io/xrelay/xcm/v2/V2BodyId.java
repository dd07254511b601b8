package io.xrelay.xcm.v2;

import io.xrelay.xcm.model.Bytes;
import java.util.List;

/**
 * V2 {@code BodyId}: like v3 but {@code Named(Vec<u8>) = 1} instead of {@code Moniker([u8; 4])}.
 * {@code name} is set only for {@code Named}, {@code index} only for {@code Index = 2}.
 */
public record V2BodyId(int variantIndex, Bytes name, long index) {
  public static final List<String> NAMES =
      List.of(
          "Unit",
          "Named",
          "Index",
          "Executive",
          "Technical",
          "Legislative",
          "Judicial",
          "Defense",
          "Administration",
          "Treasury");

  public V2BodyId {
    if (variantIndex < 0 || variantIndex > 9) {
      throw new IllegalArgumentException("V2 BodyId has no variant " + variantIndex);
    }
  }

  public String variantName() {
    return NAMES.get(variantIndex);
  }
}
