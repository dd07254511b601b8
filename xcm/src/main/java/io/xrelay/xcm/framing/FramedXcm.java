package io.xrelay.xcm.framing;

import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.id.XcmIds;
import io.xrelay.xcm.model.Bytes;

/**
 * One message taken from a transport payload: where it starts, its exact {@code VersionedXcm} bytes
 * (what the message hash covers) and the decoded program.
 */
public record FramedXcm(int offset, Bytes encoded, VersionedXcm message) {
  public Bytes messageHash() {
    return XcmIds.messageHash(encoded.toArray());
  }
}
