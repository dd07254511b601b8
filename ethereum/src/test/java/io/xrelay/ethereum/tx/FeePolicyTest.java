package io.xrelay.ethereum.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class FeePolicyTest {
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private final FeePolicy policy = FeePolicy.of(GWEI.multiply(BigInteger.valueOf(100)), GWEI);

  @Test
  void shouldOfferTwiceTheBaseFeePlusTheTipWithinTheCap() {
    assertThat(policy.initial(GWEI.multiply(BigInteger.TEN)))
        .isEqualTo(new FeePolicy.Fees(GWEI.multiply(BigInteger.valueOf(21)), GWEI));
    assertThat(policy.initial(GWEI.multiply(BigInteger.valueOf(60))).maxFeePerGas())
        .isEqualTo(GWEI.multiply(BigInteger.valueOf(100)));
  }

  @Test
  void shouldRefuseWhenTheBaseFeeAloneExceedsTheCapAndSayItIsRetryable() {
    assertThatThrownBy(() -> policy.initial(GWEI.multiply(BigInteger.valueOf(100))))
        .isInstanceOfSatisfying(
            TransactionException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(TransactionException.Kind.FEE_CAP_TOO_LOW);
              assertThat(e.retryable()).isTrue();
            });
  }

  @Test
  void shouldBumpBothFeesByAtLeastThePercentAndFollowARisenBaseFee() {
    final FeePolicy.Fees first =
        new FeePolicy.Fees(BigInteger.valueOf(1000), BigInteger.valueOf(100));
    final FeePolicy.Fees same = policy.replacement(first, BigInteger.ONE).orElseThrow();
    assertThat(same.maxFeePerGas()).isEqualTo(GWEI.multiply(BigInteger.ONE).add(BigInteger.TWO));
    assertThat(same.maxPriorityFeePerGas()).isEqualTo(GWEI);

    final FeePolicy.Fees risen =
        policy
            .replacement(
                new FeePolicy.Fees(GWEI.multiply(BigInteger.valueOf(3)), GWEI),
                GWEI.multiply(BigInteger.valueOf(20)))
            .orElseThrow();
    assertThat(risen.maxPriorityFeePerGas()).isEqualTo(BigInteger.valueOf(1_130_000_000L));
    assertThat(risen.maxFeePerGas()).isEqualTo(BigInteger.valueOf(41_130_000_000L));
  }

  @Test
  void shouldGiveNoReplacementWhenTheCapLeavesNoRoomForTheBump() {
    final FeePolicy.Fees atCap = new FeePolicy.Fees(GWEI.multiply(BigInteger.valueOf(95)), GWEI);
    assertThat(policy.replacement(atCap, GWEI)).isEmpty();
  }
}
