package io.xrelay.ethereum.tx;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction handed to the node, with every version of it sent so far (a replacement keeps the
 * nonce and raises the fees). Plain data, so that a route can store it and resume tracking it after
 * a restart with {@link TransactionSender#track}.
 *
 * @param hashes the hash of each version, oldest first; any of them may be the one included
 */
public record SentTransaction(
    String from,
    long nonce,
    TransactionRequest request,
    BigInteger gasLimit,
    FeePolicy.Fees fees,
    List<String> hashes) {
  public SentTransaction {
    if (hashes.isEmpty()) {
      throw new IllegalArgumentException("a sent transaction has at least one hash");
    }
    hashes = List.copyOf(hashes);
  }

  /** The hash of the latest version. */
  public String hash() {
    return hashes.get(hashes.size() - 1);
  }

  SentTransaction replacedBy(final FeePolicy.Fees newFees, final String newHash) {
    final List<String> all = new ArrayList<>(hashes);
    all.add(newHash);
    return new SentTransaction(from, nonce, request, gasLimit, newFees, all);
  }
}
