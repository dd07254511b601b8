package io.xrelay.substrate.extrinsic;

import io.xrelay.crypto.Blake2b;
import io.xrelay.scale.Hex;

/** A signed extrinsic as sent to {@code author_submitExtrinsic}: its bytes and blake2_256 hash. */
public record SignedExtrinsic(byte[] encoded) {
  public String hex() {
    return Hex.encode(encoded);
  }

  /** The hash nodes report for it (blake2_256 of the whole encoding, length prefix included). */
  public String hash() {
    return Hex.encode(Blake2b.hash256(encoded));
  }
}
