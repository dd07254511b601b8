package io.xrelay.proofs;

/** The outcome of a verification. */
public enum Verdict {
  VALID,
  INVALID;

  /** Lower-case form used in JSON output. */
  public String label() {
    return this == VALID ? "valid" : "invalid";
  }
}
