package io.xrelay.xcm.model;

/** {@code SendError} (the v3 type, used by every current runtime); ordinal = variant index. */
public enum SendError {
  NOT_APPLICABLE("NotApplicable"),
  TRANSPORT("Transport"),
  UNROUTABLE("Unroutable"),
  DESTINATION_UNSUPPORTED("DestinationUnsupported"),
  EXCEEDS_MAX_MESSAGE_SIZE("ExceedsMaxMessageSize"),
  MISSING_ARGUMENT("MissingArgument"),
  FEES("Fees");

  private final String variantName;

  SendError(final String variantName) {
    this.variantName = variantName;
  }

  public String variantName() {
    return variantName;
  }

  public int variantIndex() {
    return ordinal();
  }
}
