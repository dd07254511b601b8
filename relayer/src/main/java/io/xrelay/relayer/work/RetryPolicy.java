package io.xrelay.relayer.work;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter and a cap, and a maximum number of attempts. */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 20);

  public RetryPolicy {
    if (initialBackoff.isNegative()
        || initialBackoff.isZero()
        || maxBackoff.compareTo(initialBackoff) < 0
        || maxAttempts < 1) {
      throw new IllegalArgumentException(
          "retry needs 0 < initial-backoff <= max-backoff and max-attempts >= 1");
    }
  }

  /**
   * A random delay in [0, min(max, initial * 2^(attempt-1))] before attempt {@code attempt + 1}.
   */
  public Duration delayAfter(final int attempt) {
    final long ceiling =
        Math.min(
            maxBackoff.toMillis(),
            initialBackoff.toMillis() << Math.min(Math.max(attempt - 1, 0), 30));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
  }

  public boolean exhausted(final int attempts) {
    return attempts >= maxAttempts;
  }
}
