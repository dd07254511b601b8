package io.xrelay.proofs.parachain;

import io.xrelay.scale.ScaleWriter;
import java.util.Arrays;

/**
 * A parachain's head as the relay chain stores it ({@code Paras::Heads}): the SCALE-encoded
 * parachain header.
 */
public record ParachainHead(long paraId, byte[] head) {

  public ParachainHead {
    if (paraId < 0 || paraId > 0xffffffffL) {
      throw new IllegalArgumentException("para id must fit u32: " + paraId);
    }
    head = head.clone();
  }

  @Override
  public byte[] head() {
    return head.clone();
  }

  /** The merkle leaf: {@code SCALE((u32 paraId, Vec<u8> head))}. */
  public byte[] leaf() {
    return new ScaleWriter(8 + head.length).writeU32(paraId).writeByteVec(head).toByteArray();
  }

  @Override
  public boolean equals(final Object other) {
    return other instanceof ParachainHead that
        && paraId == that.paraId
        && Arrays.equals(head, that.head);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(paraId) * 31 + Arrays.hashCode(head);
  }

  @Override
  public String toString() {
    return "ParachainHead[paraId=" + paraId + ", " + head.length + " bytes]";
  }
}
