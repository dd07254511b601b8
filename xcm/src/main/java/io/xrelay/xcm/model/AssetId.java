package io.xrelay.xcm.model;

/**
 * An asset's identity. V4 and V5 identify every asset by a location ({@code AssetId(Location)}, no
 * tag on the wire); v3 tags it: {@code Concrete(MultiLocation) = 0} or {@code Abstract([u8; 32]) =
 * 1}. An abstract id exists only in v3.
 */
public sealed interface AssetId {
  int variantIndex();

  default String variantName() {
    return variantIndex() == 0 ? "Concrete" : "Abstract";
  }

  static AssetId of(final Location location) {
    return new Concrete(location);
  }

  record Concrete(Location location) implements AssetId {
    @Override
    public int variantIndex() {
      return 0;
    }
  }

  record Abstract(Bytes name) implements AssetId {
    public Abstract {
      name.requireLength(32, "Abstract asset id");
    }

    @Override
    public int variantIndex() {
      return 1;
    }
  }
}
