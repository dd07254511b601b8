package io.xrelay.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A state change of one item, applied only if the item is still in {@code from} at {@code
 * expectedVersion} (compare-and-set), so two owners can never both move it.
 *
 * @param incrementAttempts whether this move counts as an attempt (into IN_FLIGHT)
 * @param txHash set when moving to SUBMITTED; kept otherwise when empty
 * @param error set when moving to FAILED or DEAD
 * @param retryAt set when moving to FAILED
 */
public record Transition(
    String id,
    WorkState from,
    long expectedVersion,
    WorkState to,
    boolean incrementAttempts,
    Optional<String> txHash,
    Optional<String> error,
    Optional<Instant> retryAt) {

  public Transition {
    if (!from.canMoveTo(to)) {
      throw new IllegalArgumentException("a work item cannot move from " + from + " to " + to);
    }
  }

  /**
   * What this transition lacks for its target state, if anything: a store refuses it then. An item
   * is SUBMITTED with the hash of its transaction, FAILED with a time to retry, DEAD with a reason.
   */
  public Optional<String> missingDetail() {
    if (to == WorkState.SUBMITTED && txHash.isEmpty()) {
      return Optional.of("a move to SUBMITTED needs the transaction hash");
    }
    if (to == WorkState.FAILED && retryAt.isEmpty()) {
      return Optional.of("a move to FAILED needs a retry time");
    }
    if (to == WorkState.DEAD && error.isEmpty()) {
      return Optional.of("a move to DEAD needs the reason");
    }
    return Optional.empty();
  }

  public static Transition of(final WorkItem item, final WorkState to) {
    return new Transition(
        item.id(),
        item.state(),
        item.version(),
        to,
        to == WorkState.IN_FLIGHT,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public Transition withTxHash(final String hash) {
    return new Transition(
        id, from, expectedVersion, to, incrementAttempts, Optional.of(hash), error, retryAt);
  }

  public Transition withError(final String message) {
    return new Transition(
        id, from, expectedVersion, to, incrementAttempts, txHash, Optional.of(message), retryAt);
  }

  public Transition withRetryAt(final Instant at) {
    return new Transition(
        id, from, expectedVersion, to, incrementAttempts, txHash, error, Optional.of(at));
  }
}
