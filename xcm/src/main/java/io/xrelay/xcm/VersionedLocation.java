package io.xrelay.xcm;

import io.xrelay.xcm.model.Location;
import io.xrelay.xcm.v2.V2Location;

/**
 * {@code VersionedLocation} ({@code VersionedMultiLocation} on older runtimes). V3 = 3, V4 = 4, V5
 * = 5; the legacy V2 variant had index 1, not 2.
 */
public sealed interface VersionedLocation {
  XcmVersion version();

  static VersionedLocation of(final XcmVersion version, final Location location) {
    return new Current(version, location);
  }

  record Current(XcmVersion version, Location location) implements VersionedLocation {
    public Current {
      if (version.isLegacy()) {
        throw new IllegalArgumentException("V2 locations use VersionedLocation.V2");
      }
    }
  }

  record V2(V2Location location) implements VersionedLocation {
    @Override
    public XcmVersion version() {
      return XcmVersion.V2;
    }
  }
}
