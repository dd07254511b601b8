package io.xrelay.proofs.beefy;

import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleReader;
import io.xrelay.scale.ScaleWriter;

/**
 * {@code VersionedFinalityProof}: the BEEFY justification a node stores under engine id {@code
 * BEEF} and streams from {@code beefy_subscribeJustifications}. Only variant 1 ({@code V1}, a
 * {@link SignedCommitment} in compact form) exists.
 */
public record VersionedFinalityProof(SignedCommitment signedCommitment) {
  /** Engine id of BEEFY justifications in a block's {@code justifications}. */
  public static final String ENGINE_ID = "BEEF";

  private static final String TYPE = "VersionedFinalityProof";

  public static VersionedFinalityProof decode(final ScaleReader reader) {
    final int at = reader.position();
    final int variant = reader.readVariantIndex(TYPE);
    if (variant != 1) {
      throw reader.errorAt(at, TYPE, "unknown variant " + variant + " (only 1 = V1 exists)");
    }
    return new VersionedFinalityProof(SignedCommitment.decodeCompact(reader));
  }

  /** Decodes a whole justification, rejecting trailing bytes. */
  public static VersionedFinalityProof decode(final byte[] encoded) {
    final ScaleReader reader = ScaleReader.of(encoded);
    final VersionedFinalityProof proof = decode(reader);
    reader.requireEnd(TYPE);
    return proof;
  }

  /** Decodes the 0x-hex string an RPC returns. */
  public static VersionedFinalityProof decodeHex(final String hex) {
    return decode(Hex.decode(hex));
  }

  public void encode(final ScaleWriter writer) {
    writer.writeVariantIndex(1);
    signedCommitment.encodeCompact(writer);
  }

  public byte[] encode() {
    final ScaleWriter writer = new ScaleWriter();
    encode(writer);
    return writer.toByteArray();
  }
}
