package io.xrelay.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.xrelay.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WorkStore} must do, run against each real database by a subclass. Each test
 * gets an empty database; {@link #openStore} opens another store on that same database.
 */
public abstract class WorkStoreContractTest {
  protected static final String ROUTE = "kusama-beefy";
  protected static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  protected Vertx vertx;
  protected MutableClock clock;
  protected WorkStore store;

  /** A new, not yet started store on this test's database. */
  protected abstract WorkStore openStore(Vertx vertx, MutableClock clock) throws Exception;

  /**
   * A second "owner" of this test's database for races: another instance where the database allows
   * several (PostgreSQL), else {@code store} itself reached from another context.
   */
  protected abstract WorkStore secondOwner() throws Exception;

  /** Prepares an empty database for one test (may skip the test when the database is missing). */
  protected abstract void createDatabase(Vertx vertx) throws Exception;

  protected abstract void dropDatabase(Vertx vertx) throws Exception;

  @BeforeEach
  void startStore() throws Exception {
    vertx = Vertx.vertx();
    clock = new MutableClock(T0.plusSeconds(3600));
    createDatabase(vertx);
    store = openStore(vertx, clock);
    Await.result(store.start());
  }

  @AfterEach
  void stopStore() throws Exception {
    try {
      if (store != null) {
        Await.result(store.stop());
      }
      dropDatabase(vertx);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  protected static WorkItem pending(final String id, final Instant createdAt) {
    return WorkItem.pending(id, ROUTE, "{\"block\":\"" + id + "\"}", createdAt);
  }

  private WorkItem insertAndGet(final WorkItem item) throws Exception {
    assertThat(Await.result(store.insert(item))).isTrue();
    return Await.result(store.get(item.id())).orElseThrow();
  }

  private WorkItem move(final WorkItem item, final Transition transition) throws Exception {
    final Optional<WorkItem> moved = Await.result(store.transition(transition));
    assertThat(moved).as("move of %s to %s", item.id(), transition.to()).isPresent();
    return moved.get();
  }

  @Test
  void shouldReturnAnInsertedItemAsItWasGiven() throws Exception {
    final WorkItem item = pending("kusama-beefy/block/1", T0);

    assertThat(Await.result(store.insert(item))).isTrue();

    assertThat(Await.result(store.get(item.id()))).contains(item);
    assertThat(Await.result(store.get("kusama-beefy/block/2"))).isEmpty();
  }

  @Test
  void shouldKeepTimesToTheMicrosecond() throws Exception {
    final Instant precise = Instant.parse("2026-03-01T12:00:00.123456789Z");

    final WorkItem stored = insertAndGet(pending("a", precise));

    assertThat(stored.createdAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00.123456Z"));
  }

  @Test
  void shouldIgnoreASecondInsertOfTheSameId() throws Exception {
    final WorkItem first = pending("kusama-beefy/block/7", T0);
    assertThat(Await.result(store.insert(first))).isTrue();

    final WorkItem replay =
        WorkItem.pending(first.id(), ROUTE, "{\"other\":true}", T0.plusSeconds(60));
    assertThat(Await.result(store.insert(replay))).isFalse();

    assertThat(Await.result(store.get(first.id()))).contains(first);
    assertThat(Await.result(store.list(WorkQuery.all(10)))).hasSize(1);
  }

  @Test
  void shouldMoveAnItemAndBumpItsVersion() throws Exception {
    final WorkItem item = insertAndGet(pending("a", T0));

    final WorkItem inFlight = move(item, Transition.of(item, WorkState.IN_FLIGHT));

    assertThat(inFlight.state()).isEqualTo(WorkState.IN_FLIGHT);
    assertThat(inFlight.version()).isEqualTo(1);
    assertThat(inFlight.attempts()).isEqualTo(1);
    assertThat(inFlight.updatedAt()).isEqualTo(clock.instant());
    assertThat(inFlight.createdAt()).isEqualTo(T0);
    assertThat(inFlight.payload()).isEqualTo(item.payload());
    assertThat(Await.result(store.get("a"))).contains(inFlight);
  }

  @Test
  void shouldRefuseATransitionFromAStaleVersion() throws Exception {
    final WorkItem item = insertAndGet(pending("a", T0));
    final WorkItem inFlight = move(item, Transition.of(item, WorkState.IN_FLIGHT));
    final WorkItem backToPending = move(inFlight, Transition.of(inFlight, WorkState.PENDING));

    // Same state as the first read, but two moves later: the stale reader must lose.
    assertThat(backToPending.state()).isEqualTo(item.state());
    assertThat(Await.result(store.transition(Transition.of(item, WorkState.IN_FLIGHT)))).isEmpty();

    assertThat(Await.result(store.get("a"))).contains(backToPending);
  }

  @Test
  void shouldRefuseATransitionFromAWrongState() throws Exception {
    final WorkItem item = insertAndGet(pending("a", T0));
    final Transition fromSubmitted =
        new Transition(
                "a",
                WorkState.SUBMITTED,
                item.version(),
                WorkState.CONFIRMED,
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty())
            .withTxHash("0xabc");

    assertThat(Await.result(store.transition(fromSubmitted))).isEmpty();
    assertThat(Await.result(store.get("a"))).contains(item);
  }

  @Test
  void shouldNotMoveAnItemThatDoesNotExist() throws Exception {
    final WorkItem ghost = pending("ghost", T0);

    assertThat(Await.result(store.transition(Transition.of(ghost, WorkState.IN_FLIGHT)))).isEmpty();
    assertThat(Await.result(store.get("ghost"))).isEmpty();
  }

  @Test
  void shouldKeepTheTxHashThroughConfirmation() throws Exception {
    final WorkItem item = insertAndGet(pending("a", T0));
    final WorkItem inFlight = move(item, Transition.of(item, WorkState.IN_FLIGHT));
    clock.advance(Duration.ofSeconds(5));
    final WorkItem submitted =
        move(inFlight, Transition.of(inFlight, WorkState.SUBMITTED).withTxHash("0xfeed"));
    clock.advance(Duration.ofSeconds(12));
    final WorkItem confirmed = move(submitted, Transition.of(submitted, WorkState.CONFIRMED));

    assertThat(submitted.txHash()).contains("0xfeed");
    assertThat(confirmed.state()).isEqualTo(WorkState.CONFIRMED);
    assertThat(confirmed.txHash()).contains("0xfeed");
    assertThat(confirmed.attempts()).isEqualTo(1);
    assertThat(confirmed.version()).isEqualTo(3);
    assertThat(confirmed.updatedAt()).isEqualTo(clock.instant());
  }

  @Test
  void shouldKeepTheLastErrorAndDropTheRetryTimeWhenAFailedItemIsTakenAgain() throws Exception {
    final WorkItem item = insertAndGet(pending("a", T0));
    final WorkItem inFlight = move(item, Transition.of(item, WorkState.IN_FLIGHT));
    final Instant retryAt = clock.instant().plusSeconds(30);
    final WorkItem failed =
        move(
            inFlight,
            Transition.of(inFlight, WorkState.FAILED)
                .withError("connection reset")
                .withRetryAt(retryAt));

    assertThat(failed.lastError()).contains("connection reset");
    assertThat(failed.retryAt()).contains(retryAt);

    final WorkItem again = move(failed, Transition.of(failed, WorkState.IN_FLIGHT));

    assertThat(again.attempts()).isEqualTo(2);
    assertThat(again.retryAt()).isEmpty();
    assertThat(again.lastError()).contains("connection reset");

    final WorkItem dead =
        move(again, Transition.of(again, WorkState.DEAD).withError("invalid proof"));
    assertThat(dead.lastError()).contains("invalid proof");
    assertThat(dead.state().isFinal()).isTrue();
  }

  @Test
  void shouldRefuseATransitionThatLacksWhatItsTargetNeeds() throws Exception {
    final WorkItem item = insertAndGet(pending("a", T0));
    final WorkItem inFlight = move(item, Transition.of(item, WorkState.IN_FLIGHT));

    for (final WorkState target : List.of(WorkState.SUBMITTED, WorkState.FAILED, WorkState.DEAD)) {
      final Throwable failure = Await.failure(store.transition(Transition.of(inFlight, target)));
      assertThat(failure).isInstanceOf(StoreException.class);
      assertThat(((StoreException) failure).retryable()).isFalse();
      assertThat(failure.getMessage()).contains(target.name());
    }
    assertThat(Await.result(store.get("a"))).contains(inFlight);
  }

  @Test
  void shouldReturnPendingAndDueFailedItemsOldestFirst() throws Exception {
    final Instant now = clock.instant();
    insertAndGet(pending("newest-pending", T0.plusSeconds(50)));
    insertAndGet(pending("oldest-pending", T0.plusSeconds(10)));
    fail(insertAndGet(pending("failed-due", T0.plusSeconds(20))), now.minusSeconds(1));
    fail(insertAndGet(pending("failed-due-now", T0.plusSeconds(30))), now);
    fail(insertAndGet(pending("failed-later", T0.plusSeconds(5))), now.plusSeconds(1));
    final WorkItem busy = insertAndGet(pending("in-flight", T0.plusSeconds(1)));
    move(busy, Transition.of(busy, WorkState.IN_FLIGHT));
    assertThat(
            Await.result(
                store.insert(WorkItem.pending("other-route", "other", "{}", T0.plusSeconds(2)))))
        .isTrue();

    final List<WorkItem> due = Await.result(store.due(ROUTE, now, 10));

    assertThat(due)
        .extracting(WorkItem::id)
        .containsExactly("oldest-pending", "failed-due", "failed-due-now", "newest-pending");
    assertThat(Await.result(store.due(ROUTE, now, 2)))
        .extracting(WorkItem::id)
        .containsExactly("oldest-pending", "failed-due");
    assertThat(Await.result(store.due(ROUTE, now.plusSeconds(1), 10)))
        .extracting(WorkItem::id)
        .containsExactly(
            "failed-later", "oldest-pending", "failed-due", "failed-due-now", "newest-pending");
  }

  private WorkItem fail(final WorkItem item, final Instant retryAt) throws Exception {
    final WorkItem inFlight = move(item, Transition.of(item, WorkState.IN_FLIGHT));
    return move(
        inFlight,
        Transition.of(inFlight, WorkState.FAILED).withError("timeout").withRetryAt(retryAt));
  }

  @Test
  void shouldListItemsInAStateOldestFirst() throws Exception {
    for (final int second : List.of(30, 10, 20)) {
      final WorkItem item = insertAndGet(pending("item-" + second, T0.plusSeconds(second)));
      move(item, Transition.of(item, WorkState.IN_FLIGHT));
    }
    insertAndGet(pending("still-pending", T0));

    assertThat(Await.result(store.inState(ROUTE, WorkState.IN_FLIGHT, 10)))
        .extracting(WorkItem::id)
        .containsExactly("item-10", "item-20", "item-30");
    assertThat(Await.result(store.inState(ROUTE, WorkState.IN_FLIGHT, 1)))
        .extracting(WorkItem::id)
        .containsExactly("item-10");
    assertThat(Await.result(store.inState("other", WorkState.IN_FLIGHT, 10))).isEmpty();
  }

  @Test
  void shouldCountItemsByStateWithEveryStatePresent() throws Exception {
    assertThat(Await.result(store.countByState(ROUTE)))
        .containsOnlyKeys(WorkState.values())
        .allSatisfy((state, count) -> assertThat(count).isZero());

    insertAndGet(pending("p1", T0));
    insertAndGet(pending("p2", T0));
    final WorkItem item = insertAndGet(pending("c", T0));
    final WorkItem inFlight = move(item, Transition.of(item, WorkState.IN_FLIGHT));
    move(inFlight, Transition.of(inFlight, WorkState.CONFIRMED));
    assertThat(Await.result(store.insert(WorkItem.pending("x", "other", "{}", T0)))).isTrue();

    final Map<WorkState, Long> counts = Await.result(store.countByState(ROUTE));

    assertThat(counts)
        .containsOnlyKeys(WorkState.values())
        .containsEntry(WorkState.PENDING, 2L)
        .containsEntry(WorkState.CONFIRMED, 1L)
        .containsEntry(WorkState.IN_FLIGHT, 0L)
        .containsEntry(WorkState.SUBMITTED, 0L)
        .containsEntry(WorkState.FAILED, 0L)
        .containsEntry(WorkState.DEAD, 0L);
  }

  @Test
  void shouldReportTheOldestItemThatIsNotFinal() throws Exception {
    assertThat(Await.result(store.oldestOpen(ROUTE))).isEmpty();

    final WorkItem oldest = insertAndGet(pending("oldest", T0));
    final WorkItem failed = fail(insertAndGet(pending("failed", T0.plusSeconds(10))), T0);
    insertAndGet(pending("newer", T0.plusSeconds(20)));
    assertThat(
            Await.result(store.insert(WorkItem.pending("x", "other", "{}", T0.minusSeconds(99)))))
        .isTrue();

    assertThat(Await.result(store.oldestOpen(ROUTE))).contains(T0);

    final WorkItem inFlight = move(oldest, Transition.of(oldest, WorkState.IN_FLIGHT));
    move(inFlight, Transition.of(inFlight, WorkState.CONFIRMED));
    assertThat(Await.result(store.oldestOpen(ROUTE))).contains(T0.plusSeconds(10));

    move(failed, Transition.of(failed, WorkState.DEAD).withError("gave up"));
    assertThat(Await.result(store.oldestOpen(ROUTE))).contains(T0.plusSeconds(20));
  }

  @Test
  void shouldSaveAndOverwriteCheckpoints() throws Exception {
    assertThat(Await.result(store.checkpoint("kusama/finalized"))).isEmpty();

    Await.result(store.saveCheckpoint("kusama/finalized", 1_000));
    Await.result(store.saveCheckpoint("polkadot/finalized", 7));
    Await.result(store.saveCheckpoint("kusama/finalized", 1_001));

    assertThat(Await.result(store.checkpoint("kusama/finalized"))).contains(1_001L);
    assertThat(Await.result(store.checkpoint("polkadot/finalized"))).contains(7L);
    Await.result(store.saveCheckpoint("big", Long.MAX_VALUE));
    assertThat(Await.result(store.checkpoint("big"))).contains(Long.MAX_VALUE);
  }

  @Test
  void shouldSaveOverwriteAndDeleteRecordsByPrefix() throws Exception {
    assertThat(Await.result(store.record("r/block/7/final"))).isEmpty();

    Await.result(store.saveRecord("r/block/7/initial", "{\"nonce\":1}"));
    Await.result(store.saveRecord("r/block/7/final", "{\"nonce\":2}"));
    Await.result(store.saveRecord("r/block/7/final", "{\"nonce\":3,\"note\":\"100%_done\"}"));
    Await.result(store.saveRecord("r/block/70/final", "other"));
    Await.result(store.saveRecord("r/block_7/x", "underscore is not a wildcard"));

    assertThat(Await.result(store.record("r/block/7/final")))
        .contains("{\"nonce\":3,\"note\":\"100%_done\"}");
    assertThat(Await.result(store.records("r/block/7/")))
        .containsExactly(
            java.util.Map.entry("r/block/7/final", "{\"nonce\":3,\"note\":\"100%_done\"}"),
            java.util.Map.entry("r/block/7/initial", "{\"nonce\":1}"));
    assertThat(Await.result(store.deleteRecords("r/block/7/"))).isEqualTo(2L);
    assertThat(Await.result(store.record("r/block/7/initial"))).isEmpty();
    assertThat(Await.result(store.record("r/block/7/final"))).isEmpty();
    assertThat(Await.result(store.record("r/block/70/final"))).contains("other");
    assertThat(Await.result(store.record("r/block_7/x"))).contains("underscore is not a wildcard");
  }

  @Test
  void shouldDeleteAnItemOnce() throws Exception {
    insertAndGet(pending("a", T0));
    insertAndGet(pending("b", T0));

    assertThat(Await.result(store.delete("a"))).isTrue();
    assertThat(Await.result(store.delete("a"))).isFalse();

    assertThat(Await.result(store.get("a"))).isEmpty();
    assertThat(Await.result(store.get("b"))).isPresent();
    // A deleted id can be inserted again: deletion is an operator's decision to redo the work.
    assertThat(Await.result(store.insert(pending("a", T0)))).isTrue();
  }

  @Test
  void shouldPurgeOnlyConfirmedItemsOlderThanTheCutInBatches() throws Exception {
    final List<String> confirmedEarly = List.of("c1", "c2", "c3");
    for (final String id : confirmedEarly) {
      final WorkItem item = insertAndGet(pending(id, T0));
      final WorkItem inFlight = move(item, Transition.of(item, WorkState.IN_FLIGHT));
      move(inFlight, Transition.of(inFlight, WorkState.CONFIRMED));
    }
    final WorkItem dead = insertAndGet(pending("dead", T0));
    move(dead, Transition.of(dead, WorkState.DEAD).withError("invalid proof"));
    insertAndGet(pending("pending", T0));
    final Instant cut = clock.instant().plusSeconds(1);
    clock.advance(Duration.ofSeconds(10));
    final WorkItem late = insertAndGet(pending("late", T0));
    final WorkItem lateInFlight = move(late, Transition.of(late, WorkState.IN_FLIGHT));
    move(lateInFlight, Transition.of(lateInFlight, WorkState.CONFIRMED));

    assertThat(Await.result(store.purgeConfirmed(cut, 2))).isEqualTo(2L);
    assertThat(Await.result(store.purgeConfirmed(cut, 2))).isEqualTo(1L);
    assertThat(Await.result(store.purgeConfirmed(cut, 2))).isZero();

    for (final String id : confirmedEarly) {
      assertThat(Await.result(store.get(id))).as(id).isEmpty();
    }
    assertThat(Await.result(store.get("dead"))).as("dead items wait for an operator").isPresent();
    assertThat(Await.result(store.get("pending"))).isPresent();
    assertThat(Await.result(store.get("late"))).as("confirmed after the cut").isPresent();
  }

  @Test
  void shouldListByRouteAndStateNewestFirst() throws Exception {
    insertAndGet(pending("k1", T0.plusSeconds(1)));
    final WorkItem k2 = insertAndGet(pending("k2", T0.plusSeconds(2)));
    insertAndGet(pending("k3", T0.plusSeconds(3)));
    move(k2, Transition.of(k2, WorkState.IN_FLIGHT));
    assertThat(
            Await.result(store.insert(WorkItem.pending("p1", "polkadot", "{}", T0.plusSeconds(4)))))
        .isTrue();

    assertThat(Await.result(store.list(WorkQuery.all(10))))
        .extracting(WorkItem::id)
        .containsExactly("p1", "k3", "k2", "k1");
    assertThat(Await.result(store.list(WorkQuery.all(2))))
        .extracting(WorkItem::id)
        .containsExactly("p1", "k3");
    assertThat(Await.result(store.list(new WorkQuery(Optional.of(ROUTE), Optional.empty(), 10))))
        .extracting(WorkItem::id)
        .containsExactly("k3", "k2", "k1");
    assertThat(
            Await.result(
                store.list(new WorkQuery(Optional.empty(), Optional.of(WorkState.PENDING), 10))))
        .extracting(WorkItem::id)
        .containsExactly("p1", "k3", "k1");
    assertThat(
            Await.result(
                store.list(
                    new WorkQuery(Optional.of(ROUTE), Optional.of(WorkState.IN_FLIGHT), 10))))
        .extracting(WorkItem::id)
        .containsExactly("k2");
    assertThat(
            Await.result(
                store.list(
                    new WorkQuery(Optional.of("polkadot"), Optional.of(WorkState.DEAD), 10))))
        .isEmpty();
    assertThatThrownBy(() -> WorkQuery.all(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldLetOnlyOneOfTwoOwnersMoveAnItem() throws Exception {
    final WorkStore other = secondOwner();
    final int items = 40;
    for (int i = 0; i < items; i++) {
      insertAndGet(pending("race-" + i, T0.plusSeconds(i)));
    }

    final List<Future<Optional<WorkItem>>> attempts = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      final WorkItem read = pending("race-" + i, T0.plusSeconds(i));
      attempts.add(onNewContext(() -> store.transition(Transition.of(read, WorkState.IN_FLIGHT))));
      attempts.add(onNewContext(() -> other.transition(Transition.of(read, WorkState.IN_FLIGHT))));
    }
    for (int i = 0; i < items; i++) {
      final Optional<WorkItem> first = Await.result(attempts.get(2 * i));
      final Optional<WorkItem> second = Await.result(attempts.get(2 * i + 1));
      assertThat(first.isPresent() ^ second.isPresent())
          .as("exactly one winner for item %d", i)
          .isTrue();
      final WorkItem stored = Await.result(store.get("race-" + i)).orElseThrow();
      assertThat(stored.version()).isEqualTo(1);
      assertThat(stored.attempts()).isEqualTo(1);
    }
  }

  @Test
  void shouldLoseNoMoveWhenTwoOwnersKeepMovingOneItem() throws Exception {
    final WorkStore other = secondOwner();
    insertAndGet(pending("contended", T0));
    final int rounds = 60;

    final AtomicInteger wins = new AtomicInteger();
    final AtomicInteger movesIntoFlight = new AtomicInteger();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    final List<Future<Void>> owners =
        List.of(store, other).stream()
            .map(owner -> onNewContext(() -> toggle(owner, rounds, wins, movesIntoFlight)))
            .collect(Collectors.toList());
    for (final Future<Void> owner : owners) {
      try {
        Await.result(owner);
      } catch (Exception e) {
        errors.add(e);
      }
    }

    assertThat(errors).isEmpty();
    final WorkItem stored = Await.result(store.get("contended")).orElseThrow();
    // Every winning compare-and-set bumped the version exactly once: none was lost or doubled.
    assertThat(stored.version()).isEqualTo(wins.get());
    assertThat(stored.attempts()).isEqualTo(movesIntoFlight.get());
    assertThat(wins.get()).isGreaterThanOrEqualTo(rounds);
  }

  /** Reads the item and flips it between PENDING and IN_FLIGHT, {@code rounds} times. */
  private static Future<Void> toggle(
      final WorkStore owner,
      final int rounds,
      final AtomicInteger wins,
      final AtomicInteger movesIntoFlight) {
    if (rounds == 0) {
      return Future.succeededFuture();
    }
    return owner
        .get("contended")
        .compose(
            read -> {
              final WorkItem item = read.orElseThrow();
              final WorkState next =
                  item.state() == WorkState.PENDING ? WorkState.IN_FLIGHT : WorkState.PENDING;
              return owner.transition(Transition.of(item, next));
            })
        .compose(
            moved -> {
              if (moved.isPresent()) {
                wins.incrementAndGet();
                if (moved.get().state() == WorkState.IN_FLIGHT) {
                  movesIntoFlight.incrementAndGet();
                }
              }
              return toggle(owner, rounds - 1, wins, movesIntoFlight);
            });
  }

  @Test
  void shouldCompleteOnTheCallersContext() throws Exception {
    final Context context = vertx.getOrCreateContext();
    final Promise<List<Boolean>> checks = Promise.promise();
    context.runOnContext(
        ignored -> {
          final List<Boolean> onContext = new ArrayList<>();
          store
              .insert(pending("ctx", T0))
              .compose(
                  inserted -> {
                    onContext.add(Vertx.currentContext() == context);
                    return store.get("ctx");
                  })
              .compose(
                  item -> {
                    onContext.add(Vertx.currentContext() == context);
                    return store.transition(Transition.of(item.orElseThrow(), WorkState.IN_FLIGHT));
                  })
              .compose(
                  moved -> {
                    onContext.add(Vertx.currentContext() == context);
                    return store.countByState(ROUTE);
                  })
              .onComplete(
                  counts -> {
                    onContext.add(counts.succeeded() && Vertx.currentContext() == context);
                    checks.complete(onContext);
                  });
        });

    assertThat(Await.result(checks.future())).containsExactly(true, true, true, true);
  }

  @Test
  void shouldKeepEverythingAcrossARestart() throws Exception {
    final WorkItem item = insertAndGet(pending("durable", T0));
    final WorkItem inFlight = move(item, Transition.of(item, WorkState.IN_FLIGHT));
    Await.result(store.saveCheckpoint("kusama/finalized", 42));
    Await.result(store.stop());

    store = openStore(vertx, clock);
    Await.result(store.start());

    assertThat(Await.result(store.get("durable"))).contains(inFlight);
    assertThat(Await.result(store.checkpoint("kusama/finalized"))).contains(42L);
    assertThat(Await.result(store.insert(item))).isFalse();
  }

  @Test
  void shouldStartAndStopIdempotently() throws Exception {
    Await.result(store.start());
    insertAndGet(pending("a", T0));

    Await.result(store.stop());
    Await.result(store.stop());

    final Throwable afterStop = Await.failure(store.get("a"));
    assertThat(afterStop).isInstanceOf(StoreException.class);
    assertThat(((StoreException) afterStop).retryable()).isFalse();
    assertThat(Await.failure(store.start())).isInstanceOf(StoreException.class);
  }

  @Test
  void shouldRefuseWorkBeforeStart() throws Exception {
    final WorkStore notStarted = openStore(vertx, clock);

    final Throwable failure = Await.failure(notStarted.get("a"));

    assertThat(failure).isInstanceOf(StoreException.class);
    assertThat(((StoreException) failure).retryable()).isFalse();
    Await.result(notStarted.stop());
  }

  private <T> Future<T> onNewContext(final java.util.function.Supplier<Future<T>> work) {
    final Promise<T> result = Promise.promise();
    vertx.getOrCreateContext().runOnContext(ignored -> work.get().onComplete(result));
    return result.future();
  }
}
