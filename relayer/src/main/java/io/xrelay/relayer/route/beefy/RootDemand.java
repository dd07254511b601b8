package io.xrelay.relayer.route.beefy;

/**
 * What a request for a BEEFY root covering {@code block} came to.
 *
 * @param update the block of the commitment queued for it (0 while awaiting one)
 * @param contractLatest the contract's {@code latestBeefyBlock} when asked
 */
public record RootDemand(Outcome outcome, long block, long update, long contractLatest) {

  /** Where the demand stands. */
  public enum Outcome {
    /** The contract already has a root at or above the block: prove against it now. */
    ALREADY_COVERED,
    /** A commitment at or above the block is queued (or on its way) to the contract. */
    QUEUED,
    /** No justification that high yet: the first one at or above the block will be queued. */
    AWAITING_JUSTIFICATION
  }
}
