package io.xrelay.ethereum.rpc;

import java.util.List;

/**
 * An {@code eth_getLogs} filter over an inclusive block range, for one contract.
 *
 * @param topic0 the event signatures to match (any of them); empty for all events
 */
public record LogFilter(String address, long fromBlock, long toBlock, List<String> topic0) {
  public LogFilter {
    if (fromBlock < 0 || toBlock < fromBlock) {
      throw new IllegalArgumentException("bad block range " + fromBlock + ".." + toBlock);
    }
    topic0 = List.copyOf(topic0);
  }
}
