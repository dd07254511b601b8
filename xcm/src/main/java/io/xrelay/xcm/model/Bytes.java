package io.xrelay.xcm.model;

import io.xrelay.scale.Hex;
import java.util.Arrays;

/**
 * An immutable byte string with value equality, for the fixed arrays ({@code [u8; 32]}) and byte
 * vectors of XCM. Records holding a raw {@code byte[]} would compare by identity.
 */
public final class Bytes implements Comparable<Bytes> {
  private static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] value;

  private Bytes(final byte[] value) {
    this.value = value;
  }

  /** A copy of {@code bytes}. */
  public static Bytes of(final byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  /**
   * Takes {@code bytes} without copying; the caller must not change the array afterwards. Used by
   * decoders, which read into fresh arrays.
   */
  public static Bytes wrap(final byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes);
  }

  /** Hex with or without {@code 0x}; throws {@link IllegalArgumentException} on bad digits. */
  public static Bytes fromHex(final CharSequence hex) {
    return wrap(Hex.decode(hex));
  }

  public static Bytes empty() {
    return EMPTY;
  }

  public int length() {
    return value.length;
  }

  public byte byteAt(final int index) {
    return value[index];
  }

  /** A copy of the bytes. */
  public byte[] toArray() {
    return value.clone();
  }

  /** {@code 0x}-prefixed lower-case hex. */
  public String toHex() {
    return Hex.encode(value);
  }

  /** Unsigned lexicographic order, as Rust orders {@code [u8; N]} and {@code Vec<u8>}. */
  @Override
  public int compareTo(final Bytes other) {
    return Arrays.compareUnsigned(value, other.value);
  }

  @Override
  public boolean equals(final Object other) {
    return other instanceof Bytes && Arrays.equals(value, ((Bytes) other).value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return toHex();
  }

  /** Fails unless this holds exactly {@code expected} bytes; returns {@code this}. */
  Bytes requireLength(final int expected, final String what) {
    if (value.length != expected) {
      throw new IllegalArgumentException(
          what + " must be " + expected + " bytes, got " + value.length);
    }
    return this;
  }

  /** Fails if this holds more than {@code max} bytes; returns {@code this}. */
  Bytes requireAtMost(final int max, final String what) {
    if (value.length > max) {
      throw new IllegalArgumentException(
          what + " holds at most " + max + " bytes, got " + value.length);
    }
    return this;
  }
}
