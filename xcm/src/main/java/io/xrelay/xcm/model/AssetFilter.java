package io.xrelay.xcm.model;

/** {@code AssetFilter} (v4, v5) or {@code MultiAssetFilter} (v3). */
public sealed interface AssetFilter {
  int variantIndex();

  default String variantName() {
    return variantIndex() == 0 ? "Definite" : "Wild";
  }

  record Definite(Assets assets) implements AssetFilter {
    @Override
    public int variantIndex() {
      return 0;
    }
  }

  record Wild(WildAsset wild) implements AssetFilter {
    @Override
    public int variantIndex() {
      return 1;
    }
  }
}
