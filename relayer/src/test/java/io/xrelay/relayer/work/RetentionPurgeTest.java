package io.xrelay.relayer.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.xrelay.store.Transition;
import io.xrelay.store.WorkItem;
import io.xrelay.store.WorkState;
import io.xrelay.store.sqlite.SqliteDurability;
import io.xrelay.store.sqlite.SqliteWorkStore;
import io.xrelay.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retention purge on a real SQLite store: old confirmed items go, in batches; others stay. */
class RetentionPurgeTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final Duration RETENTION = Duration.ofDays(7);

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(T0);
  private Vertx vertx;
  private SqliteWorkStore store;

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    store =
        new SqliteWorkStore(
            vertx, dir.resolve("relayer.db"), SqliteDurability.PROCESS_CRASH, clock);
    store.start().await(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() throws Exception {
    store.stop().await(30, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldPurgeConfirmedItemsOlderThanTheRetentionInSeveralBatches() throws Exception {
    final int old = RetentionPurge.BATCH * 2 + 17;
    for (int i = 0; i < old; i++) {
      confirm("r/old/" + i);
    }
    final WorkItem dead = WorkItem.pending("r/dead", "r", "{}", T0);
    store.insert(dead).await(30, TimeUnit.SECONDS);
    store
        .transition(Transition.of(dead, WorkState.DEAD).withError("invalid"))
        .await(30, TimeUnit.SECONDS);
    clock.set(T0.plus(Duration.ofDays(3)));
    confirm("r/recent");

    clock.set(T0.plus(RETENTION).plus(Duration.ofDays(1)));
    final Counter purged = Counter.builder("purged").register(new SimpleMeterRegistry());
    final RetentionPurge purge =
        new RetentionPurge(vertx, store, RETENTION, Duration.ofMinutes(10), purged, clock);

    assertThat(purge.purgeOnce().await(60, TimeUnit.SECONDS)).isEqualTo(old);
    assertThat(purged.count()).isEqualTo(old);
    assertThat(store.get("r/old/0").await(10, TimeUnit.SECONDS)).isEmpty();
    assertThat(store.get("r/recent").await(10, TimeUnit.SECONDS)).isPresent();
    assertThat(store.get("r/dead").await(10, TimeUnit.SECONDS)).isPresent();
    assertThat(purge.purgeOnce().await(60, TimeUnit.SECONDS)).isZero();
  }

  private void confirm(final String id) throws Exception {
    final WorkItem item = WorkItem.pending(id, "r", "{}", clock.instant());
    store
        .insert(item)
        .compose(v -> store.transition(Transition.of(item, WorkState.IN_FLIGHT)))
        .compose(
            inFlight ->
                store.transition(Transition.of(inFlight.orElseThrow(), WorkState.CONFIRMED)))
        .compose(confirmed -> Future.succeededFuture())
        .await(30, TimeUnit.SECONDS);
  }
}
