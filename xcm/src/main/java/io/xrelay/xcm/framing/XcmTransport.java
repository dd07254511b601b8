package io.xrelay.xcm.framing;

import io.xrelay.xcm.codec.XcmCodec;
import io.xrelay.xcm.model.Bytes;
import java.util.List;

/**
 * How each transport frames XCM. UMP (para to relay) and DMP (relay to para) carry one bare {@code
 * VersionedXcm} per message; XCMP/HRMP (para to para) carries pages of several ({@link XcmpPage}).
 */
public enum XcmTransport {
  UMP,
  DMP,
  XCMP;

  /** The messages of one transport payload, each with its offset and exact bytes. */
  public List<FramedXcm> messages(final byte[] payload) {
    if (this == XCMP) {
      return XcmpPage.decode(payload).messages();
    }
    return List.of(new FramedXcm(0, Bytes.of(payload), XcmCodec.decodeVersionedXcm(payload)));
  }
}
