package io.xrelay.relayer.route.beefy;

/**
 * Which BEEFY commitments a route relays, out of one justification per block: the first of every
 * new validator set (mandatory: BeefyClient follows the sets one handover at a time), and one at
 * least every {@code minInterval} blocks, and the first at or above a demanded block (messages wait
 * for a root that covers it); never one at or below what the contract already has or what was
 * already taken. Not thread safe.
 */
final class CommitmentSchedule {
  private final long minInterval;
  private long lastTaken;
  private long lastTakenSetId;
  private long demanded;

  /**
   * @param contractLatest the contract's {@code latestBeefyBlock}
   * @param contractSetId the id of the contract's current validator set
   */
  CommitmentSchedule(final long minInterval, final long contractLatest, final long contractSetId) {
    if (minInterval < 1) {
      throw new IllegalArgumentException("min interval must be at least 1 block: " + minInterval);
    }
    this.minInterval = minInterval;
    this.lastTaken = contractLatest;
    this.lastTakenSetId = contractSetId;
  }

  /** Whether to relay the commitment of {@code block}, signed by set {@code setId}. */
  boolean take(final long block, final long setId, final long contractLatest) {
    if (block <= contractLatest || block <= lastTaken) {
      return false;
    }
    final boolean demand = demanded > 0 && block >= demanded;
    if (setId <= lastTakenSetId && block - lastTaken < minInterval && !demand) {
      return false;
    }
    if (demanded > 0 && block >= demanded) {
      demanded = 0;
    }
    lastTaken = block;
    lastTakenSetId = Math.max(lastTakenSetId, setId);
    return true;
  }

  /**
   * Takes the next commitment at or above {@code block} whatever the interval. Several demands wait
   * for the lowest: the commitment it brings covers the others up to its own block, and any still
   * above it are asked for again by whoever still waits.
   */
  void demand(final long block) {
    demanded = demanded == 0 ? block : Math.min(demanded, block);
  }

  /**
   * The commitment taken as the first of set {@code setId} cannot hand over: take the set's next
   * one at once, as if it were the first.
   */
  void reopenSet(final long setId) {
    lastTakenSetId = Math.min(lastTakenSetId, setId - 1);
  }

  /** The demanded block still waiting for a commitment, or 0. */
  long demanded() {
    return demanded;
  }

  /** The newest block taken so far (or the contract's, before any). */
  long lastTaken() {
    return lastTaken;
  }

  /** Whether {@code setId} is newer than any taken so far (for the log line). */
  boolean isNewSet(final long setId) {
    return setId > lastTakenSetId;
  }
}
