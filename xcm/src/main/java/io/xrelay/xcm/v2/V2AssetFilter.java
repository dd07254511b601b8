package io.xrelay.xcm.v2;

import io.xrelay.xcm.model.WildFungibility;
import java.util.List;

/**
 * V2 {@code MultiAssetFilter}: {@code Definite(MultiAssets) = 0} or {@code Wild = 1}, whose only
 * variants are {@code All = 0} and {@code AllOf { id, fun } = 1}.
 */
public sealed interface V2AssetFilter {
  int variantIndex();

  default String variantName() {
    return variantIndex() == 0 ? "Definite" : "Wild";
  }

  record Definite(List<V2Asset> assets) implements V2AssetFilter {
    public Definite {
      assets = List.copyOf(assets);
    }

    @Override
    public int variantIndex() {
      return 0;
    }
  }

  record WildAll() implements V2AssetFilter {
    @Override
    public int variantIndex() {
      return 1;
    }
  }

  record WildAllOf(V2Asset.Id id, WildFungibility fun) implements V2AssetFilter {
    @Override
    public int variantIndex() {
      return 1;
    }
  }
}
