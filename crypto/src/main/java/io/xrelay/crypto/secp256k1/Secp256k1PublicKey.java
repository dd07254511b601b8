package io.xrelay.crypto.secp256k1;

import io.xrelay.crypto.Keccak256;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;

/** A secp256k1 public key: a point on the curve, held as its 64-byte {@code x ‖ y}. */
public final class Secp256k1PublicKey {
  private final byte[] xy;

  private Secp256k1PublicKey(final byte[] xy) {
    this.xy = xy;
  }

  /**
   * A key from its uncompressed form: 65 bytes starting with {@code 0x04}, or the bare 64 bytes.
   * The point is not checked to be on the curve; use {@link #parse} for untrusted input.
   */
  public static Secp256k1PublicKey fromUncompressed(final byte[] uncompressed) {
    if (uncompressed.length == 65 && uncompressed[0] == 0x04) {
      return new Secp256k1PublicKey(Arrays.copyOfRange(uncompressed, 1, 65));
    }
    if (uncompressed.length == 64) {
      return new Secp256k1PublicKey(uncompressed.clone());
    }
    throw new IllegalArgumentException(
        "an uncompressed key is 64 bytes or 65 bytes starting with 0x04, got "
            + uncompressed.length);
  }

  /**
   * Parses and validates a compressed (33 bytes, as BEEFY authority ids are) or uncompressed key;
   * empty when the bytes are not a point on the curve.
   */
  public static Optional<Secp256k1PublicKey> parse(final byte[] encoded) {
    if (encoded.length != 33 && encoded.length != 65) {
      return Optional.empty();
    }
    try {
      final ECPoint point = Secp256k1Curve.CURVE.decodePoint(encoded).normalize();
      if (point.isInfinity() || !point.isValid()) {
        return Optional.empty();
      }
      return Optional.of(fromPoint(point));
    } catch (IllegalArgumentException notOnCurve) {
      return Optional.empty();
    }
  }

  static Secp256k1PublicKey fromPoint(final ECPoint normalized) {
    final byte[] encoded = normalized.getEncoded(false);
    return new Secp256k1PublicKey(Arrays.copyOfRange(encoded, 1, 65));
  }

  /** The 33-byte SEC1 compressed form ({@code 0x02|0x03 ‖ x}), the BEEFY authority id. */
  public byte[] compressed() {
    final byte[] out = new byte[33];
    out[0] = (byte) ((xy[63] & 1) == 0 ? 0x02 : 0x03);
    System.arraycopy(xy, 0, out, 1, 32);
    return out;
  }

  /** The 65-byte SEC1 uncompressed form ({@code 0x04 ‖ x ‖ y}). */
  public byte[] uncompressed() {
    final byte[] out = new byte[65];
    out[0] = 0x04;
    System.arraycopy(xy, 0, out, 1, 64);
    return out;
  }

  /** {@code x ‖ y} without a prefix. */
  public byte[] xy() {
    return xy.clone();
  }

  /** The Ethereum address: the last 20 bytes of {@code keccak256(x ‖ y)}. */
  public EthereumAddress ethereumAddress() {
    final byte[] hash = Keccak256.hash(xy);
    return EthereumAddress.wrap(Arrays.copyOfRange(hash, 12, 32));
  }

  @Override
  public boolean equals(final Object other) {
    return other instanceof Secp256k1PublicKey that && Arrays.equals(xy, that.xy);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(xy);
  }

  @Override
  public String toString() {
    final StringBuilder out = new StringBuilder("0x");
    for (final byte b : compressed()) {
      out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return out.toString();
  }
}
