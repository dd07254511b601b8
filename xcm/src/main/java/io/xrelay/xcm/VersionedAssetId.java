package io.xrelay.xcm;

import io.xrelay.xcm.model.AssetId;

/** {@code VersionedAssetId}: V3 = 3 (tagged id), V4 = 4, V5 = 5 (a location). No V2 variant. */
public record VersionedAssetId(XcmVersion version, AssetId id) {
  public VersionedAssetId {
    if (version.isLegacy()) {
      throw new IllegalArgumentException("VersionedAssetId has no V2 variant");
    }
  }
}
