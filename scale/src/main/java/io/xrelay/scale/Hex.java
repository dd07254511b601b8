package io.xrelay.scale;

/**
 * Lower-case hex with an optional {@code 0x} prefix, the form every Substrate and Ethereum API
 * uses.
 */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** {@code 0x}-prefixed lower-case hex of {@code bytes}. */
  public static String encode(final byte[] bytes) {
    return encode(bytes, 0, bytes.length);
  }

  public static String encode(final byte[] bytes, final int offset, final int length) {
    final char[] out = new char[2 + 2 * length];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < length; i++) {
      final int b = bytes[offset + i] & 0xff;
      out[2 + 2 * i] = DIGITS[b >>> 4];
      out[3 + 2 * i] = DIGITS[b & 0xf];
    }
    return new String(out);
  }

  /**
   * Decodes hex with or without a {@code 0x} prefix, upper or lower case.
   *
   * @throws IllegalArgumentException naming the position of the first character that is not hex, or
   *     the odd length
   */
  public static byte[] decode(final CharSequence hex) {
    final int start =
        hex.length() >= 2 && hex.charAt(0) == '0' && (hex.charAt(1) | 0x20) == 'x' ? 2 : 0;
    final int digits = hex.length() - start;
    if ((digits & 1) != 0) {
      throw new IllegalArgumentException("hex has an odd number of digits (" + digits + ")");
    }
    final byte[] out = new byte[digits / 2];
    for (int i = 0; i < out.length; i++) {
      final int hi = digit(hex, start + 2 * i);
      final int lo = digit(hex, start + 2 * i + 1);
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  private static int digit(final CharSequence hex, final int index) {
    final char c = hex.charAt(index);
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    final int lower = c | 0x20;
    if (lower >= 'a' && lower <= 'f') {
      return lower - 'a' + 10;
    }
    throw new IllegalArgumentException("not a hex digit at position " + index + ": '" + c + "'");
  }
}
