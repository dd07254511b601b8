package io.xrelay.xcm.model;

import java.math.BigInteger;

/** Range checks for the unsigned integer widths of XCM, held in Java's signed types. */
final class Unsigned {
  static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  private Unsigned() {}

  static int u8(final int value, final String what) {
    if (value < 0 || value > 0xff) {
      throw new IllegalArgumentException(what + " must fit u8, got " + value);
    }
    return value;
  }

  static long u32(final long value, final String what) {
    if (value < 0 || value > 0xffff_ffffL) {
      throw new IllegalArgumentException(what + " must fit u32, got " + value);
    }
    return value;
  }

  static BigInteger u128(final BigInteger value, final String what) {
    if (value.signum() < 0 || value.compareTo(U128_MAX) > 0) {
      throw new IllegalArgumentException(what + " must fit u128, got " + value);
    }
    return value;
  }
}
