package io.xrelay.store.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeaseTimingTest {
  @Test
  void shouldAcceptKubernetesDefaults() {
    final LeaseTiming defaults = LeaseTiming.kubernetesDefaults();

    assertThat(defaults.leaseDuration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(defaults.renewDeadline()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.retryPeriod()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void shouldRefuseTimingsThatLetTwoOwnersOverlap() {
    assertThatThrownBy(
            () ->
                new LeaseTiming(
                    Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("renewDeadline");
    assertThatThrownBy(
            () ->
                new LeaseTiming(
                    Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retryPeriod");
    assertThatThrownBy(
            () -> new LeaseTiming(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retryPeriod");
  }

  @Test
  void shouldRefuseALeaseDurationALeaseCannotStore() {
    assertThatThrownBy(
            () ->
                new LeaseTiming(
                    Duration.ofMillis(2_500), Duration.ofSeconds(1), Duration.ofMillis(100)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number of seconds");
  }
}
