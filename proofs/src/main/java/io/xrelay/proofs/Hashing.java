package io.xrelay.proofs;

import io.xrelay.crypto.Blake2b;
import io.xrelay.crypto.Keccak256;

/** The two hash functions the proofs use, returning {@link H256}. */
public final class Hashing {
  private Hashing() {}

  public static H256 keccak256(final byte[] input) {
    return H256.ofDigest(Keccak256.hash(input));
  }

  /** {@code keccak256(left ‖ right)}: a merkle node. */
  public static H256 keccak256(final H256 left, final H256 right) {
    return H256.ofDigest(Keccak256.hash(left.unsafeBytes(), right.unsafeBytes()));
  }

  public static H256 blake2b256(final byte[] input) {
    return H256.ofDigest(Blake2b.hash256(input));
  }
}
