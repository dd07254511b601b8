package io.xrelay.ethereum.rpc;

import java.util.List;

/**
 * One log of a receipt or of {@code eth_getLogs}.
 *
 * @param removed true when a reorg took the log's block out of the chain
 */
public record LogEntry(
    String address,
    List<String> topics,
    byte[] data,
    long blockNumber,
    String blockHash,
    String transactionHash,
    long logIndex,
    boolean removed) {

  public LogEntry {
    topics = List.copyOf(topics);
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
