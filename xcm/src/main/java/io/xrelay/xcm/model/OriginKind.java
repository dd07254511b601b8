package io.xrelay.xcm.model;

/** {@code OriginKind}; the ordinal is the SCALE variant index in every version. */
public enum OriginKind {
  NATIVE("Native"),
  SOVEREIGN_ACCOUNT("SovereignAccount"),
  SUPERUSER("Superuser"),
  XCM("Xcm");

  private final String variantName;

  OriginKind(final String variantName) {
    this.variantName = variantName;
  }

  /** The name as in the runtime metadata. */
  public String variantName() {
    return variantName;
  }

  public int variantIndex() {
    return ordinal();
  }
}
