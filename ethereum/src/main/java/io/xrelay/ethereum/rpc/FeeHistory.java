package io.xrelay.ethereum.rpc;

import java.math.BigInteger;
import java.util.List;

/**
 * {@code eth_feeHistory}: base fees of the range plus the next block's, and the priority-fee
 * percentiles asked for, per block.
 */
public record FeeHistory(
    long oldestBlock, List<BigInteger> baseFeePerGas, List<List<BigInteger>> rewards) {
  public FeeHistory {
    baseFeePerGas = List.copyOf(baseFeePerGas);
    rewards = rewards.stream().map(List::copyOf).toList();
  }

  /** The base fee of the block after the range: what a transaction sent now pays at least. */
  public BigInteger nextBaseFee() {
    return baseFeePerGas.get(baseFeePerGas.size() - 1);
  }
}
