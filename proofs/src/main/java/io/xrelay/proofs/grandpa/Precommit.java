package io.xrelay.proofs.grandpa;

import io.xrelay.proofs.H256;
import io.xrelay.scale.ScaleWriter;

/** A GRANDPA precommit vote for a block. */
public record Precommit(H256 targetHash, long targetNumber) {
  public static final int SIGNED_MESSAGE_LENGTH = 53;

  /**
   * What the voter signs: {@code SCALE((Message::Precommit(self), round, set_id))} = {@code 0x01 ‖
   * target_hash ‖ u32 target_number ‖ u64 round ‖ u64 set_id}, 53 bytes.
   */
  public byte[] signedMessage(final long round, final long setId) {
    final ScaleWriter writer = new ScaleWriter(SIGNED_MESSAGE_LENGTH).writeU8(1);
    targetHash.write(writer);
    return writer.writeU32(targetNumber).writeU64(round).writeU64(setId).toByteArray();
  }
}
