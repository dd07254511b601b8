package io.xrelay.crypto;

import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 as Ethereum uses it (the original Keccak padding, not SHA3-256). */
public final class Keccak256 {
  private Keccak256() {}

  public static byte[] hash(final byte[] input) {
    return hash(input, 0, input.length);
  }

  public static byte[] hash(final byte[] input, final int offset, final int length) {
    final KeccakDigest digest = new KeccakDigest(256);
    digest.update(input, offset, length);
    final byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }

  /** Keccak-256 of the concatenation {@code left ++ right} (a merkle node). */
  public static byte[] hash(final byte[] left, final byte[] right) {
    final KeccakDigest digest = new KeccakDigest(256);
    digest.update(left, 0, left.length);
    digest.update(right, 0, right.length);
    final byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
