package io.xrelay.xcm.model;

import java.util.List;

/** {@code WildAsset} (v4, v5) or {@code WildMultiAsset} (v3). */
public sealed interface WildAsset {
  List<String> NAMES = List.of("All", "AllOf", "AllCounted", "AllOfCounted");

  int variantIndex();

  default String variantName() {
    return NAMES.get(variantIndex());
  }

  record All() implements WildAsset {
    @Override
    public int variantIndex() {
      return 0;
    }
  }

  record AllOf(AssetId id, WildFungibility fun) implements WildAsset {
    @Override
    public int variantIndex() {
      return 1;
    }
  }

  record AllCounted(long count) implements WildAsset {
    public AllCounted {
      Unsigned.u32(count, "AllCounted");
    }

    @Override
    public int variantIndex() {
      return 2;
    }
  }

  record AllOfCounted(AssetId id, WildFungibility fun, long count) implements WildAsset {
    public AllOfCounted {
      Unsigned.u32(count, "AllOfCounted count");
    }

    @Override
    public int variantIndex() {
      return 3;
    }
  }
}
