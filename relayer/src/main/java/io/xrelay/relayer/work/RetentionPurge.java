package io.xrelay.relayer.work;

import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.xrelay.store.WorkStore;
import java.time.Clock;
import java.time.Duration;

/**
 * Deletes CONFIRMED items older than the retention at a fixed interval, in batches, so that a store
 * running for months holds days of history rather than every item ever relayed. DEAD items stay for
 * an operator. A failed purge is logged and tried again at the next interval.
 */
public final class RetentionPurge {
  private static final System.Logger LOG = System.getLogger(RetentionPurge.class.getName());
  static final int BATCH = 1_000;

  private final Vertx vertx;
  private final WorkStore store;
  private final Duration retention;
  private final Duration interval;
  private final Clock clock;
  private final Counter purged;
  private long timer = -1;
  private boolean running;

  public RetentionPurge(
      final Vertx vertx,
      final WorkStore store,
      final Duration retention,
      final Duration interval,
      final Counter purged,
      final Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.retention = retention;
    this.interval = interval;
    this.purged = purged;
    this.clock = clock;
  }

  /** Purges now and then every interval; idempotent. */
  public synchronized void start() {
    if (timer < 0) {
      timer = vertx.setPeriodic(0, interval.toMillis(), t -> purgeOnce());
    }
  }

  public synchronized void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  /** One pass: batches until a batch comes back short. Completes with the number deleted. */
  public Future<Long> purgeOnce() {
    synchronized (this) {
      if (running) {
        return Future.succeededFuture(0L);
      }
      running = true;
    }
    return purgeBatches(clock.instant().minus(retention), 0)
        .onSuccess(
            count -> {
              if (count > 0) {
                LOG.log(
                    System.Logger.Level.INFO,
                    "purged " + count + " confirmed items older than " + retention);
              }
            })
        .onFailure(
            error ->
                LOG.log(
                    System.Logger.Level.WARNING,
                    "purge of confirmed items failed (next try in "
                        + interval
                        + "): "
                        + error.getMessage()))
        .onComplete(
            done -> {
              synchronized (this) {
                running = false;
              }
            });
  }

  private Future<Long> purgeBatches(final java.time.Instant cut, final long sofar) {
    return store
        .purgeConfirmed(cut, BATCH)
        .compose(
            count -> {
              purged.increment(count);
              return count < BATCH
                  ? Future.succeededFuture(sofar + count)
                  : purgeBatches(cut, sofar + count);
            });
  }
}
