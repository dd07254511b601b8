package io.xrelay.ethereum.tx;

import java.math.BigInteger;

/**
 * How much the sender may pay, in wei per gas.
 *
 * @param maxFeeCap the most any transaction may offer as {@code maxFeePerGas}, replacements too
 * @param priorityFee the tip offered first
 * @param replacementBumpPercent how much a replacement raises both fees; nodes need at least 10
 */
public record FeePolicy(BigInteger maxFeeCap, BigInteger priorityFee, int replacementBumpPercent) {
  public FeePolicy {
    if (maxFeeCap.signum() <= 0 || priorityFee.signum() < 0) {
      throw new IllegalArgumentException("fee cap must be positive and priority fee not negative");
    }
    if (priorityFee.compareTo(maxFeeCap) > 0) {
      throw new IllegalArgumentException("priority fee above the fee cap");
    }
    if (replacementBumpPercent < 10) {
      throw new IllegalArgumentException("nodes refuse replacements bumped by less than 10%");
    }
  }

  public static FeePolicy of(final BigInteger maxFeeCap, final BigInteger priorityFee) {
    return new FeePolicy(maxFeeCap, priorityFee, 13);
  }

  /**
   * First offer at {@code baseFee}: tip plus twice the base fee, which stays includable through six
   * blocks of full-block base-fee rises; at most the cap.
   */
  public Fees initial(final BigInteger baseFee) {
    if (baseFee.add(priorityFee).compareTo(maxFeeCap) > 0) {
      throw new TransactionException(
          TransactionException.Kind.FEE_CAP_TOO_LOW,
          "base fee " + baseFee + " plus tip " + priorityFee + " exceeds the cap " + maxFeeCap);
    }
    return new Fees(baseFee.shiftLeft(1).add(priorityFee).min(maxFeeCap), priorityFee);
  }

  /**
   * The offer that replaces {@code previous} at {@code baseFee}: both fees raised by the bump and
   * the max fee raised to what {@link #initial} would offer now, capped. Empty when the cap leaves
   * no room for a valid replacement.
   */
  public java.util.Optional<Fees> replacement(final Fees previous, final BigInteger baseFee) {
    final BigInteger tip = bump(previous.maxPriorityFeePerGas()).max(priorityFee);
    final BigInteger maxFee =
        bump(previous.maxFeePerGas()).max(baseFee.shiftLeft(1).add(tip)).min(maxFeeCap);
    if (maxFee.compareTo(bump(previous.maxFeePerGas())) < 0 || tip.compareTo(maxFee) > 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Fees(maxFee, tip));
  }

  private BigInteger bump(final BigInteger fee) {
    // Rounded up, so a 1-wei fee still rises.
    return fee.multiply(BigInteger.valueOf(100L + replacementBumpPercent))
        .add(BigInteger.valueOf(99))
        .divide(BigInteger.valueOf(100));
  }

  /** One EIP-1559 offer. */
  public record Fees(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {}
}
