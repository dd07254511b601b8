package io.xrelay.substrate.metadata;

/** Deprecation status of a metadata item (V16); V14 and V15 items are never deprecated. */
public record Deprecation(boolean deprecated, String note, String since) {
  public static final Deprecation NONE = new Deprecation(false, null, null);
  public static final Deprecation WITHOUT_NOTE = new Deprecation(true, null, null);
}
