package io.xrelay.proofs.beefy;

import io.xrelay.crypto.secp256k1.EcdsaSignature;
import io.xrelay.scale.ScaleReader;

/**
 * A message of the BEEFY gossip protocol: {@code 0x00 ‖ VoteMessage} (one validator's vote) or
 * {@code 0x01 ‖ VersionedFinalityProof}.
 */
public sealed interface BeefyGossipMessage {
  String TYPE = "BeefyGossipMessage";

  /** One validator's signature over a commitment, with its 33-byte compressed authority id. */
  record Vote(BeefyCommitment commitment, byte[] authorityId, EcdsaSignature signature)
      implements BeefyGossipMessage {
    public Vote {
      authorityId = authorityId.clone();
    }

    @Override
    public byte[] authorityId() {
      return authorityId.clone();
    }
  }

  record FinalityProof(VersionedFinalityProof proof) implements BeefyGossipMessage {}

  static BeefyGossipMessage decode(final byte[] encoded) {
    final ScaleReader reader = ScaleReader.of(encoded);
    final int at = reader.position();
    final int variant = reader.readVariantIndex(TYPE);
    final BeefyGossipMessage message =
        switch (variant) {
          case 0 ->
              new Vote(
                  BeefyCommitment.decode(reader),
                  reader.readBytes(33),
                  EcdsaSignature.fromBytes(reader.readBytes(65)));
          case 1 -> new FinalityProof(VersionedFinalityProof.decode(reader));
          default -> throw reader.errorAt(at, TYPE, "unknown variant " + variant);
        };
    reader.requireEnd(TYPE);
    return message;
  }
}
