package io.xrelay.xcm.model;

/** {@code WeightLimit}: {@code Unlimited = 0}, {@code Limited(Weight) = 1}. */
public sealed interface WeightLimit {
  WeightLimit UNLIMITED = new Unlimited();

  int variantIndex();

  default String variantName() {
    return variantIndex() == 0 ? "Unlimited" : "Limited";
  }

  record Unlimited() implements WeightLimit {
    @Override
    public int variantIndex() {
      return 0;
    }
  }

  record Limited(Weight weight) implements WeightLimit {
    @Override
    public int variantIndex() {
      return 1;
    }
  }
}
