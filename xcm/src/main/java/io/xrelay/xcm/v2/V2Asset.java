package io.xrelay.xcm.v2;

import io.xrelay.xcm.model.Bytes;
import java.math.BigInteger;
import java.util.List;

/** V2 {@code MultiAsset}. */
public record V2Asset(Id id, Fun fun) {

  /** {@code Concrete(MultiLocation) = 0} or {@code Abstract(Vec<u8>) = 1}. */
  public sealed interface Id {
    int variantIndex();

    default String variantName() {
      return variantIndex() == 0 ? "Concrete" : "Abstract";
    }
  }

  public record Concrete(V2Location location) implements Id {
    @Override
    public int variantIndex() {
      return 0;
    }
  }

  public record Abstract(Bytes name) implements Id {
    @Override
    public int variantIndex() {
      return 1;
    }
  }

  /** {@code Fungible(Compact<u128>) = 0} or {@code NonFungible(AssetInstance) = 1}. */
  public sealed interface Fun {
    int variantIndex();

    default String variantName() {
      return variantIndex() == 0 ? "Fungible" : "NonFungible";
    }
  }

  public record Fungible(BigInteger amount) implements Fun {
    @Override
    public int variantIndex() {
      return 0;
    }
  }

  public record NonFungible(Instance instance) implements Fun {
    @Override
    public int variantIndex() {
      return 1;
    }
  }

  /**
   * V2 {@code AssetInstance}: {@code Undefined = 0}, {@code Index(Compact<u128>) = 1}, {@code
   * Array4/8/16/32 = 2..5}, {@code Blob(Vec<u8>) = 6}. {@code index} is meaningful for 1, {@code
   * data} for 2..6.
   */
  public record Instance(int variantIndex, BigInteger index, Bytes data) {
    public static final List<String> NAMES =
        List.of("Undefined", "Index", "Array4", "Array8", "Array16", "Array32", "Blob");

    public String variantName() {
      return NAMES.get(variantIndex);
    }
  }
}
