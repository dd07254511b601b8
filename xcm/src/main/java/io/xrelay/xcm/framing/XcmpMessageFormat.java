package io.xrelay.xcm.framing;

/** The leading byte of an XCMP (HRMP) page: {@code XcmpMessageFormat} of polkadot-parachain. */
public enum XcmpMessageFormat {
  /** Encoded {@code VersionedXcm}s one after another: the format every current channel uses. */
  CONCATENATED_VERSIONED_XCM,
  /** Encoded {@code Vec<u8>} blobs (not XCM). */
  CONCATENATED_ENCODED_BLOB,
  /** Channel control signals ({@code Suspend = 0}, {@code Resume = 1}). */
  SIGNALS,
  /**
   * Each {@code VersionedXcm} wrapped in a {@code Vec<u8>} (polkadot-sdk PR #9588, negotiated per
   * channel).
   */
  CONCATENATED_OPAQUE_VERSIONED_XCM;

  public int code() {
    return ordinal();
  }

  /** The format with this leading byte, or {@code null}. */
  public static XcmpMessageFormat byCode(final int code) {
    final XcmpMessageFormat[] all = values();
    return code >= 0 && code < all.length ? all[code] : null;
  }
}
