package io.xrelay.crypto;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** BLAKE2b with the output sizes Substrate uses: 128 bits (storage keys) and 256 bits (hashes). */
public final class Blake2b {
  private Blake2b() {}

  public static byte[] hash128(final byte[] input) {
    return hash(input, 0, input.length, 16);
  }

  public static byte[] hash256(final byte[] input) {
    return hash(input, 0, input.length, 32);
  }

  public static byte[] hash256(final byte[] input, final int offset, final int length) {
    return hash(input, offset, length, 32);
  }

  /** BLAKE2b of {@code input[offset, offset+length)} with an output of {@code outputBytes}. */
  public static byte[] hash(
      final byte[] input, final int offset, final int length, final int outputBytes) {
    final Blake2bDigest digest = new Blake2bDigest(outputBytes * 8);
    digest.update(input, offset, length);
    final byte[] out = new byte[outputBytes];
    digest.doFinal(out, 0);
    return out;
  }
}
