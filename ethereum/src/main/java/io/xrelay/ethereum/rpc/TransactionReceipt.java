package io.xrelay.ethereum.rpc;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * A transaction's receipt.
 *
 * @param contractAddress the created contract, for a deployment
 */
public record TransactionReceipt(
    String transactionHash,
    long blockNumber,
    String blockHash,
    String from,
    Optional<String> to,
    boolean succeeded,
    BigInteger gasUsed,
    BigInteger effectiveGasPrice,
    Optional<String> contractAddress,
    List<LogEntry> logs) {

  public TransactionReceipt {
    logs = List.copyOf(logs);
  }
}
