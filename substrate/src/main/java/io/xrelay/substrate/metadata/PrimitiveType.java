package io.xrelay.substrate.metadata;

/** scale-info primitives, in their SCALE index order. */
public enum PrimitiveType {
  BOOL,
  CHAR,
  STR,
  U8,
  U16,
  U32,
  U64,
  U128,
  U256,
  I8,
  I16,
  I32,
  I64,
  I128,
  I256;

  private static final PrimitiveType[] BY_INDEX = values();

  static PrimitiveType byIndex(final int index) {
    return index < BY_INDEX.length ? BY_INDEX[index] : null;
  }

  /** Encoded width in bytes for fixed-width primitives; 0 for {@code str}. */
  public int byteWidth() {
    return switch (this) {
      case BOOL, U8, I8 -> 1;
      case U16, I16 -> 2;
      case CHAR, U32, I32 -> 4;
      case U64, I64 -> 8;
      case U128, I128 -> 16;
      case U256, I256 -> 32;
      case STR -> 0;
    };
  }

  /** The name the JSON form of the registry uses ({@code U8}, {@code Bool}, {@code Str}, ...). */
  public String jsonName() {
    final String name = name();
    return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}
