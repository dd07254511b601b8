package io.xrelay.proofs;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of a verification as data: {@link Verdict#VALID} with no failures, or {@link
 * Verdict#INVALID} with every failure found (not just the first), so a report can say all that is
 * wrong at once.
 */
public record VerificationResult(Verdict verdict, List<Failure> failures) {
  private static final VerificationResult VALID = new VerificationResult(Verdict.VALID, List.of());

  public VerificationResult {
    failures = List.copyOf(failures);
    if ((verdict == Verdict.VALID) != failures.isEmpty()) {
      throw new IllegalArgumentException("a result is valid exactly when it has no failures");
    }
  }

  public static VerificationResult valid() {
    return VALID;
  }

  public static VerificationResult of(final List<Failure> failures) {
    return failures.isEmpty() ? VALID : new VerificationResult(Verdict.INVALID, failures);
  }

  public static VerificationResult invalid(final FailureReason reason, final String detail) {
    return new VerificationResult(Verdict.INVALID, List.of(Failure.of(reason, detail)));
  }

  public boolean isValid() {
    return verdict == Verdict.VALID;
  }

  /** The failures' sentences, in the order found. */
  public List<String> reasons() {
    return failures.stream().map(Failure::detail).collect(Collectors.toList());
  }

  /** Whether some failure is of the given kind. */
  public boolean hasFailure(final FailureReason reason) {
    return failures.stream().anyMatch(failure -> failure.reason() == reason);
  }

  /** This result's failures followed by {@code other}'s. */
  public VerificationResult and(final VerificationResult other) {
    if (other.isValid()) {
      return this;
    }
    if (isValid()) {
      return other;
    }
    final List<Failure> all = new ArrayList<>(failures);
    all.addAll(other.failures);
    return of(all);
  }
}
