package io.xrelay.xcm.model;

import java.util.List;

/** {@code BodyId} (the v3 type, shared by v4 and v5). */
public sealed interface BodyId {
  List<String> NAMES =
      List.of(
          "Unit",
          "Moniker",
          "Index",
          "Executive",
          "Technical",
          "Legislative",
          "Judicial",
          "Defense",
          "Administration",
          "Treasury");

  int variantIndex();

  default String variantName() {
    return NAMES.get(variantIndex());
  }

  /** A body without data: {@code Unit} and {@code Executive} .. {@code Treasury}. */
  record Simple(int variantIndex) implements BodyId {
    public Simple {
      if (variantIndex != 0 && (variantIndex < 3 || variantIndex > 9)) {
        throw new IllegalArgumentException("BodyId variant " + variantIndex + " carries data");
      }
    }
  }

  record Moniker(Bytes name) implements BodyId {
    public Moniker {
      name.requireLength(4, "BodyId Moniker");
    }

    @Override
    public int variantIndex() {
      return 1;
    }
  }

  record Index(long value) implements BodyId {
    public Index {
      Unsigned.u32(value, "BodyId Index");
    }

    @Override
    public int variantIndex() {
      return 2;
    }
  }
}
