package io.xrelay.relayer.work;

/**
 * What became of one attempt at a work item, as data: every failure says whether retrying can help.
 * {@link AlreadyDone} (someone else delivered it, or it is superseded) counts as success.
 */
public sealed interface WorkOutcome {

  /** Delivered and final. */
  record Confirmed(String detail) implements WorkOutcome {}

  /** Sent; its transaction must still be confirmed (see {@link WorkHandler#reconcile}). */
  record Submitted(String txHash) implements WorkOutcome {}

  /** Nothing to do: already on chain, or superseded by a newer item. */
  record AlreadyDone(String reason) implements WorkOutcome {}

  /** A connection, time-out or rate limit: retry later with backoff. */
  record Transient(String reason) implements WorkOutcome {}

  /** An invalid proof, a known revert: retrying cannot help. */
  record Permanent(String reason) implements WorkOutcome {}

  /** Not decided yet (a reconcile that must look again later). */
  record Pending(String reason) implements WorkOutcome {}
}
