package io.xrelay.xcm;

import io.xrelay.xcm.model.Assets;
import io.xrelay.xcm.v2.V2Asset;
import java.util.List;

/**
 * {@code VersionedAssets} ({@code VersionedMultiAssets} on older runtimes). V3 = 3, V4 = 4, V5 = 5;
 * the legacy V2 variant had index 1, not 2.
 */
public sealed interface VersionedAssets {
  XcmVersion version();

  static VersionedAssets of(final XcmVersion version, final Assets assets) {
    return new Current(version, assets);
  }

  record Current(XcmVersion version, Assets assets) implements VersionedAssets {
    public Current {
      if (version.isLegacy()) {
        throw new IllegalArgumentException("V2 assets use VersionedAssets.V2");
      }
    }
  }

  record V2(List<V2Asset> assets) implements VersionedAssets {
    public V2 {
      assets = List.copyOf(assets);
    }

    @Override
    public XcmVersion version() {
      return XcmVersion.V2;
    }
  }
}
