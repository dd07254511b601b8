package io.xrelay.substrate.client;

import io.xrelay.substrate.events.EventRecord;
import io.xrelay.substrate.extrinsic.DispatchError;
import java.util.List;
import java.util.Optional;

/**
 * What became of a submitted extrinsic. For {@link Status#IN_BLOCK} and {@link Status#FINALIZED}
 * the block, the extrinsic's index in it, its events and whether the dispatch succeeded (with the
 * decoded error when not); for the other statuses the node's reason.
 */
public record ExtrinsicOutcome(
    String extrinsicHash,
    Status status,
    String blockHash,
    long blockNumber,
    int index,
    boolean success,
    Optional<DispatchError> dispatchError,
    List<EventRecord> events,
    String reason) {

  public enum Status {
    IN_BLOCK,
    FINALIZED,
    /** The node refused it (bad signature, nonce, fees...): it never entered a block. */
    INVALID,
    /** The pool dropped it, or another extrinsic with the same nonce replaced it. */
    DROPPED,
    /** No final status within the wait. */
    TIMEOUT
  }

  static ExtrinsicOutcome rejected(final String hash, final Status status, final String reason) {
    return new ExtrinsicOutcome(
        hash, status, null, -1, -1, false, Optional.empty(), List.of(), reason);
  }

  public boolean included() {
    return status == Status.IN_BLOCK || status == Status.FINALIZED;
  }
}
