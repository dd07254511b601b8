package io.xrelay.ethereum.tx;

import io.xrelay.ethereum.revert.RevertReason;
import io.xrelay.ethereum.rpc.TransactionReceipt;

/** How a sent transaction ended. */
public sealed interface TransactionOutcome {
  SentTransaction transaction();

  /** Included and succeeded. */
  record Included(SentTransaction transaction, TransactionReceipt receipt)
      implements TransactionOutcome {}

  /** Included, and reverted: the gas is spent; {@code reason} says why. */
  record Reverted(SentTransaction transaction, TransactionReceipt receipt, RevertReason reason)
      implements TransactionOutcome {}

  /**
   * The nonce was used by a transaction that is none of ours (another process with the same key):
   * nothing of this one will be included.
   */
  record NonceTaken(SentTransaction transaction) implements TransactionOutcome {}
}
