package io.xrelay.xcm.model;

/** {@code WildFungibility}; the ordinal is the SCALE variant index. */
public enum WildFungibility {
  FUNGIBLE("Fungible"),
  NON_FUNGIBLE("NonFungible");

  private final String variantName;

  WildFungibility(final String variantName) {
    this.variantName = variantName;
  }

  public String variantName() {
    return variantName;
  }

  public int variantIndex() {
    return ordinal();
  }
}
