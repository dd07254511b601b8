package io.xrelay.store.kubernetes;

import java.time.Duration;

/**
 * How a route's Lease is held: the holder renews it every {@code retryPeriod}; it gives the route
 * up if it could not renew for {@code renewDeadline}; another instance may take it once it has not
 * been renewed for {@code leaseDuration}. The deadline is shorter than the duration so that, with
 * clocks that run at the same rate, an owner cut off from the API stops before another one starts.
 *
 * @param leaseDuration whole seconds, as a Lease stores it
 */
public record LeaseTiming(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
  public LeaseTiming {
    if (leaseDuration.toMillis() < 1_000 || leaseDuration.toMillis() % 1_000 != 0) {
      throw new IllegalArgumentException(
          "leaseDuration must be a whole number of seconds, at least 1, got " + leaseDuration);
    }
    if (renewDeadline.compareTo(leaseDuration) >= 0) {
      throw new IllegalArgumentException(
          "renewDeadline ("
              + renewDeadline
              + ") must be shorter than leaseDuration ("
              + leaseDuration
              + ")");
    }
    if (retryPeriod.isNegative()
        || retryPeriod.isZero()
        || retryPeriod.compareTo(renewDeadline) >= 0) {
      throw new IllegalArgumentException(
          "retryPeriod ("
              + retryPeriod
              + ") must be positive and shorter than renewDeadline ("
              + renewDeadline
              + ")");
    }
  }

  /** The values Kubernetes' own controllers use: 15 s, 10 s, 2 s. */
  public static LeaseTiming kubernetesDefaults() {
    return new LeaseTiming(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));
  }
}
