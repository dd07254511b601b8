package io.xrelay.crypto.secp256k1;

import io.xrelay.crypto.Keccak256;
import java.util.Arrays;

/** A 20-byte Ethereum account address. */
public final class EthereumAddress {
  public static final int LENGTH = 20;

  private final byte[] bytes;

  private EthereumAddress(final byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * @throws IllegalArgumentException when {@code bytes} is not 20 bytes long
   */
  public static EthereumAddress wrap(final byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("an address is 20 bytes, got " + bytes.length);
    }
    return new EthereumAddress(bytes.clone());
  }

  /** Parses 40 hex digits with or without {@code 0x}, in any case (the checksum is not checked). */
  public static EthereumAddress fromHex(final String hex) {
    final String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.length() != 2 * LENGTH) {
      throw new IllegalArgumentException("an address is 40 hex digits, got " + digits.length());
    }
    final byte[] out = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      final int hi = Character.digit(digits.charAt(2 * i), 16);
      final int lo = Character.digit(digits.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("not a hex digit near position " + 2 * i);
      }
      out[i] = (byte) (hi << 4 | lo);
    }
    return new EthereumAddress(out);
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  /** Lower-case {@code 0x} hex. */
  public String toHex() {
    final StringBuilder out = new StringBuilder(2 + 2 * LENGTH).append("0x");
    for (final byte b : bytes) {
      out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return out.toString();
  }

  /** EIP-55 mixed-case checksum form, as block explorers print it. */
  public String toChecksumHex() {
    final String lower = toHex().substring(2);
    final byte[] hash = Keccak256.hash(lower.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    final StringBuilder out = new StringBuilder("0x");
    for (int i = 0; i < lower.length(); i++) {
      final char c = lower.charAt(i);
      final int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  @Override
  public boolean equals(final Object other) {
    return other instanceof EthereumAddress that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toChecksumHex();
  }
}
