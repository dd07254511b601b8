package io.xrelay.proofs;

import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleReader;
import io.xrelay.scale.ScaleWriter;
import java.util.Arrays;

/** A 32-byte hash (Substrate's {@code H256}, Solidity's {@code bytes32}). Immutable. */
public final class H256 implements Comparable<H256> {
  public static final int LENGTH = 32;
  public static final H256 ZERO = new H256(new byte[LENGTH]);

  private final byte[] bytes;

  private H256(final byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * @throws IllegalArgumentException when {@code bytes} is not 32 bytes long
   */
  public static H256 wrap(final byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
    }
    return new H256(bytes.clone());
  }

  /** Takes ownership of a freshly computed 32-byte digest without copying it. */
  static H256 ofDigest(final byte[] digest) {
    return new H256(digest);
  }

  public static H256 fromHex(final String hex) {
    return wrap(Hex.decode(hex));
  }

  public static H256 read(final ScaleReader reader) {
    return new H256(reader.readBytes(LENGTH));
  }

  public void write(final ScaleWriter writer) {
    writer.writeBytes(bytes);
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  /** The bytes without a copy, for hashing inside this library. Callers must not modify them. */
  byte[] unsafeBytes() {
    return bytes;
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public int compareTo(final H256 other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(final Object other) {
    return other instanceof H256 that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
