package io.xrelay.store.sqlite;

import java.time.Instant;

/** Instants as microseconds since the epoch: the precision both stores keep (PostgreSQL's). */
final class EpochMicros {
  private EpochMicros() {}

  static long of(final Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  static Instant toInstant(final long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
