package io.xrelay.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failed work item is retried: exponential backoff with full jitter from {@code
 * initialBackoff}, capped at {@code maxBackoff}, then dead-lettered after {@code maxAttempts}.
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 20);

  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
  }
}
