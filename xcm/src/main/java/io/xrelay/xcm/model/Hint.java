package io.xrelay.xcm.model;

/** {@code Hint} (v5 only): {@code AssetClaimer { location } = 0} is the only variant. */
public sealed interface Hint {
  /** {@code HintNumVariants}: {@code SetHints} holds at most one hint per variant. */
  int MAX_IN_SET_HINTS = 1;

  int variantIndex();

  default String variantName() {
    return "AssetClaimer";
  }

  record AssetClaimer(Location location) implements Hint {
    @Override
    public int variantIndex() {
      return 0;
    }
  }
}
