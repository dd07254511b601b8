package io.xrelay.xcm.model;

import java.math.BigInteger;

/** {@code Asset} (v4, v5) or {@code MultiAsset} (v3). */
public record Asset(AssetId id, Fungibility fun) {
  /** An amount of the fungible asset at {@code location}. */
  public static Asset fungible(final Location location, final BigInteger amount) {
    return new Asset(AssetId.of(location), new Fungibility.Fungible(amount));
  }

  public boolean isFungible() {
    return fun instanceof Fungibility.Fungible;
  }
}
