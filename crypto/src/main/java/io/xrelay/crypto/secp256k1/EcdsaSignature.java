package io.xrelay.crypto.secp256k1;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A 65-byte recoverable secp256k1 signature {@code r(32) ‖ s(32) ‖ v(1)}. The last byte is kept as
 * given, so a signature carrying a recovery id that is not 0..3 (or 27/28 in Ethereum form) is
 * still representable and simply fails to recover.
 */
public final class EcdsaSignature {
  public static final int LENGTH = 65;

  /** Order of the secp256k1 group. */
  public static final BigInteger CURVE_ORDER =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

  private static final BigInteger HALF_CURVE_ORDER = CURVE_ORDER.shiftRight(1);

  private final byte[] bytes;

  private EcdsaSignature(final byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Reads {@code r ‖ s ‖ v} where v is a recovery id (0, 1) as BEEFY uses it, or Ethereum's 27/28.
   *
   * @throws IllegalArgumentException when the input is not 65 bytes
   */
  public static EcdsaSignature fromBytes(final byte[] rsv) {
    if (rsv.length != LENGTH) {
      throw new IllegalArgumentException("signature must be 65 bytes, got " + rsv.length);
    }
    return new EcdsaSignature(rsv.clone());
  }

  /** Builds a signature from Ethereum's {@code (v, r, s)} with v = 27 or 28 (or 0/1). */
  public static EcdsaSignature fromEthereum(final int v, final byte[] r, final byte[] s) {
    if (r.length != 32 || s.length != 32) {
      throw new IllegalArgumentException("r and s must be 32 bytes each");
    }
    final byte[] out = new byte[LENGTH];
    System.arraycopy(r, 0, out, 0, 32);
    System.arraycopy(s, 0, out, 32, 32);
    out[64] = (byte) v;
    return new EcdsaSignature(out);
  }

  public byte[] r() {
    return Arrays.copyOfRange(bytes, 0, 32);
  }

  public byte[] s() {
    return Arrays.copyOfRange(bytes, 32, 64);
  }

  /** The 64 bytes {@code r ‖ s}. */
  public byte[] compact() {
    return Arrays.copyOf(bytes, 64);
  }

  /** The last byte as stored (0/1 for BEEFY, 27/28 for Ethereum). */
  public int v() {
    return bytes[64] & 0xff;
  }

  /** Recovery id 0..3, taking 27/28 as 0/1; -1 when the last byte is neither form. */
  public int recoveryId() {
    final int v = v();
    if (v <= 3) {
      return v;
    }
    if (v == 27 || v == 28) {
      return v - 27;
    }
    return -1;
  }

  public BigInteger rValue() {
    return new BigInteger(1, Arrays.copyOfRange(bytes, 0, 32));
  }

  public BigInteger sValue() {
    return new BigInteger(1, Arrays.copyOfRange(bytes, 32, 64));
  }

  /** Whether s lies in the upper half of the group order, which OpenZeppelin's ECDSA rejects. */
  public boolean isHighS() {
    return sValue().compareTo(HALF_CURVE_ORDER) > 0;
  }

  /**
   * The same signature with s in the lower half ({@code s' = n - s}) and the recovery id's parity
   * flipped, as Ethereum requires; the signature itself when s is already low. It recovers to the
   * same key.
   */
  public EcdsaSignature normalizedLowS() {
    if (!isHighS()) {
      return this;
    }
    final byte[] out = bytes.clone();
    final byte[] lowS = toBytes32(CURVE_ORDER.subtract(sValue()));
    System.arraycopy(lowS, 0, out, 32, 32);
    out[64] = (byte) (bytes[64] ^ 1);
    return new EcdsaSignature(out);
  }

  /** Ethereum's v (27 or 28) when the recovery id is 0 or 1; otherwise the stored byte. */
  public int ethereumV() {
    final int recoveryId = recoveryId();
    return recoveryId == 0 || recoveryId == 1 ? 27 + recoveryId : v();
  }

  /** The 65 bytes {@code r ‖ s ‖ v} as stored. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  static byte[] toBytes32(final BigInteger value) {
    final byte[] raw = value.toByteArray();
    final byte[] out = new byte[32];
    final int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return out;
  }

  @Override
  public boolean equals(final Object other) {
    return other instanceof EcdsaSignature that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    final StringBuilder hex = new StringBuilder("0x");
    for (final byte b : bytes) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }
}
