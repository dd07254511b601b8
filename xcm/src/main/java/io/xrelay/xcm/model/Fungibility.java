package io.xrelay.xcm.model;

import java.math.BigInteger;

/**
 * {@code Fungibility}: {@code Fungible(Compact<u128>) = 0} or {@code NonFungible(AssetInstance) =
 * 1}. The runtimes refuse to decode a fungible amount of zero, so this type refuses it too.
 */
public sealed interface Fungibility {
  int variantIndex();

  default String variantName() {
    return variantIndex() == 0 ? "Fungible" : "NonFungible";
  }

  record Fungible(BigInteger amount) implements Fungibility {
    public Fungible {
      Unsigned.u128(amount, "Fungible amount");
      if (amount.signum() == 0) {
        throw new IllegalArgumentException("a fungible amount of zero is not allowed");
      }
    }

    @Override
    public int variantIndex() {
      return 0;
    }
  }

  record NonFungible(AssetInstance instance) implements Fungibility {
    @Override
    public int variantIndex() {
      return 1;
    }
  }
}
