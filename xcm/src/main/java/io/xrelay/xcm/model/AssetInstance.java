package io.xrelay.xcm.model;

import java.math.BigInteger;
import java.util.List;

/**
 * {@code AssetInstance} of v3, v4 and v5: {@code Undefined = 0}, {@code Index(Compact<u128>) = 1},
 * {@code Array4 = 2}, {@code Array8 = 3}, {@code Array16 = 4}, {@code Array32 = 5}.
 */
public sealed interface AssetInstance {
  List<String> NAMES = List.of("Undefined", "Index", "Array4", "Array8", "Array16", "Array32");

  int variantIndex();

  default String variantName() {
    return NAMES.get(variantIndex());
  }

  record Undefined() implements AssetInstance {
    @Override
    public int variantIndex() {
      return 0;
    }
  }

  record Index(BigInteger value) implements AssetInstance {
    public Index {
      Unsigned.u128(value, "AssetInstance Index");
    }

    @Override
    public int variantIndex() {
      return 1;
    }
  }

  /** {@code Array4}, {@code Array8}, {@code Array16} or {@code Array32}, chosen by the length. */
  record Array(Bytes data) implements AssetInstance {
    public Array {
      final int length = data.length();
      if (length != 4 && length != 8 && length != 16 && length != 32) {
        throw new IllegalArgumentException(
            "AssetInstance array must be 4, 8, 16 or 32 bytes, got " + length);
      }
    }

    @Override
    public int variantIndex() {
      return switch (data.length()) {
        case 4 -> 2;
        case 8 -> 3;
        case 16 -> 4;
        default -> 5;
      };
    }
  }
}
