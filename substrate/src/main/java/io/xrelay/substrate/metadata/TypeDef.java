package io.xrelay.substrate.metadata;

import java.util.List;

/** The shape of one type in the portable registry (scale-info's {@code TypeDef}). */
public sealed interface TypeDef {

  /** A struct; fields are all named or all unnamed (a tuple struct). */
  record Composite(List<Field> fields) implements TypeDef {}

  /** An enum; each variant carries its own SCALE index. */
  record Variant(List<io.xrelay.substrate.metadata.Variant> variants) implements TypeDef {

    /** The variant with SCALE index {@code index}, or {@code null}. */
    public io.xrelay.substrate.metadata.Variant byIndex(final int index) {
      for (final io.xrelay.substrate.metadata.Variant variant : variants) {
        if (variant.index() == index) {
          return variant;
        }
      }
      return null;
    }

    /** The variant named {@code name}, or {@code null}. */
    public io.xrelay.substrate.metadata.Variant byName(final String name) {
      for (final io.xrelay.substrate.metadata.Variant variant : variants) {
        if (variant.name().equals(name)) {
          return variant;
        }
      }
      return null;
    }
  }

  /** {@code Vec<T>}: a compact length then the elements. */
  record Sequence(int elementType) implements TypeDef {}

  /** {@code [T; len]}: no length prefix. */
  record Array(long length, int elementType) implements TypeDef {}

  /** {@code (A, B, ...)}; the empty tuple is the unit type. */
  record Tuple(List<Integer> fieldTypes) implements TypeDef {}

  record Primitive(PrimitiveType primitive) implements TypeDef {}

  /** {@code Compact<T>}; {@code T} is an unsigned integer or a struct wrapping one. */
  record Compact(int type) implements TypeDef {}

  /** {@code BitVec<Store, Order>}; the order type's path names {@code Lsb0} or {@code Msb0}. */
  record BitSequence(int storeType, int orderType) implements TypeDef {}
}
