package io.xrelay.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that tests move by hand, so stored times can be asserted exactly. */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;

  public MutableClock(final Instant start) {
    this.now = new AtomicReference<>(start);
  }

  public void set(final Instant instant) {
    now.set(instant);
  }

  public Instant advance(final Duration by) {
    return now.updateAndGet(instant -> instant.plus(by));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(final ZoneId zone) {
    throw new UnsupportedOperationException("tests use UTC");
  }
}
