package io.xrelay.xcm.model;

import java.util.List;

/** {@code BodyPart} (the v3 type, shared by v4 and v5). All numbers are {@code Compact<u32>}. */
public sealed interface BodyPart {
  List<String> NAMES =
      List.of("Voice", "Members", "Fraction", "AtLeastProportion", "MoreThanProportion");

  int variantIndex();

  default String variantName() {
    return NAMES.get(variantIndex());
  }

  record Voice() implements BodyPart {
    @Override
    public int variantIndex() {
      return 0;
    }
  }

  record Members(long count) implements BodyPart {
    public Members {
      Unsigned.u32(count, "Members count");
    }

    @Override
    public int variantIndex() {
      return 1;
    }
  }

  /**
   * The three proportion variants share one shape: {@code Fraction = 2}, {@code AtLeastProportion =
   * 3}, {@code MoreThanProportion = 4}.
   */
  record Proportion(int variantIndex, long nom, long denom) implements BodyPart {
    public Proportion {
      if (variantIndex < 2 || variantIndex > 4) {
        throw new IllegalArgumentException(
            "BodyPart variant " + variantIndex + " is not a proportion");
      }
      Unsigned.u32(nom, "BodyPart nom");
      Unsigned.u32(denom, "BodyPart denom");
    }
  }
}
