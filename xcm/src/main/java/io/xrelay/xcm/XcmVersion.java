package io.xrelay.xcm;

/**
 * An XCM version. {@code VersionedXcm} tags a message with its version number; V2 is read-only
 * legacy (current runtimes accept V3, V4 and V5).
 */
public enum XcmVersion {
  V2(2),
  V3(3),
  V4(4),
  V5(5);

  private final int number;

  XcmVersion(final int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  /** V3, V4 and V5 share one model ({@link io.xrelay.xcm.model}); V2 has its own. */
  public boolean isLegacy() {
    return this == V2;
  }

  /** The version numbered {@code number}, or {@code null}. */
  public static XcmVersion byNumber(final int number) {
    for (final XcmVersion version : values()) {
      if (version.number == number) {
        return version;
      }
    }
    return null;
  }

  /** Parses {@code "V4"}, {@code "v4"} or {@code "4"}, or returns {@code null}. */
  public static XcmVersion parse(final String text) {
    final String digits =
        text.length() == 2 && (text.charAt(0) == 'V' || text.charAt(0) == 'v')
            ? text.substring(1)
            : text;
    return digits.length() == 1 && Character.isDigit(digits.charAt(0))
        ? byNumber(digits.charAt(0) - '0')
        : null;
  }
}
