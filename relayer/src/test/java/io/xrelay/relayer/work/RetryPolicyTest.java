package io.xrelay.relayer.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(5), 4);

  @Test
  void shouldDrawFullJitterBelowAnExponentialCeilingThatIsCapped() {
    for (int attempt = 1; attempt <= 12; attempt++) {
      final long ceiling = Math.min(5_000, 100L << (attempt - 1));
      long max = 0;
      for (int draw = 0; draw < 2_000; draw++) {
        final long delay = policy.delayAfter(attempt).toMillis();
        assertThat(delay).isBetween(0L, ceiling);
        max = Math.max(max, delay);
      }
      // Full jitter spreads over the whole range, not just near the ceiling or zero.
      assertThat(max).as("attempt %d", attempt).isGreaterThan(ceiling / 2);
    }
  }

  @Test
  void shouldBeExhaustedAtTheMaximumNumberOfAttempts() {
    assertThat(policy.exhausted(3)).isFalse();
    assertThat(policy.exhausted(4)).isTrue();
  }

  @Test
  void shouldRefuseNonsense() {
    assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
