package io.xrelay.proofs;

/** One failed check: what kind of failure, and a sentence saying what failed and where. */
public record Failure(FailureReason reason, String detail) {

  public static Failure of(final FailureReason reason, final String detail) {
    return new Failure(reason, detail);
  }

  @Override
  public String toString() {
    return detail;
  }
}
