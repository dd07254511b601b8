package io.xrelay.devnet.beefy;

import io.xrelay.proofs.beefy.VersionedFinalityProof;
import io.xrelay.scale.Hex;

/**
 * A relay block the devnet's validators signed, with its justification ({@code
 * VersionedFinalityProof::V1}).
 *
 * @param hash the block hash, 0x-hex
 * @param encoded the SCALE encoding of {@code proof}, what nodes serve
 */
public record BeefyJustification(
    long number, String hash, VersionedFinalityProof proof, byte[] encoded) {

  public static BeefyJustification of(
      final long number, final String hash, final VersionedFinalityProof proof) {
    return new BeefyJustification(number, hash, proof, proof.encode());
  }

  @Override
  public byte[] encoded() {
    return encoded.clone();
  }

  /** The encoding as 0x-hex, as {@code beefy_justifications} notifications carry it. */
  public String encodedHex() {
    return Hex.encode(encoded);
  }
}
