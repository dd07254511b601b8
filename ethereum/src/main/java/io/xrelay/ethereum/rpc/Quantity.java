package io.xrelay.ethereum.rpc;

import java.math.BigInteger;

/** JSON-RPC quantities: {@code 0x}-prefixed hex without leading zeros. */
public final class Quantity {
  private Quantity() {}

  public static String format(final long value) {
    return "0x" + Long.toHexString(value);
  }

  public static String format(final BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("quantity must not be negative: " + value);
    }
    return "0x" + value.toString(16);
  }

  /** Parses a quantity; throws {@link IllegalArgumentException} naming the bad text. */
  public static BigInteger parse(final String text) {
    if (text == null || !text.startsWith("0x") || text.length() < 3 || text.length() > 66) {
      throw new IllegalArgumentException("not a hex quantity: " + text);
    }
    try {
      return new BigInteger(text.substring(2), 16);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a hex quantity: " + text, e);
    }
  }

  public static long parseLong(final String text) {
    final BigInteger value = parse(text);
    if (value.bitLength() > 63) {
      throw new IllegalArgumentException("quantity does not fit a long: " + text);
    }
    return value.longValueExact();
  }
}
