package io.xrelay.relayer.work;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.xrelay.relayer.metrics.RelayerMetrics;
import io.xrelay.store.RouteOwnership;
import io.xrelay.store.Transition;
import io.xrelay.store.WorkItem;
import io.xrelay.store.WorkState;
import io.xrelay.store.WorkStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves the work items of one route through their states: takes due items one at a time (in order,
 * so a signer's nonces follow), hands each to the route's {@link WorkHandler}, and records the
 * outcome with a compare-and-set transition. It works only while this instance owns the route;
 * after a restart or a takeover it first reconciles what it finds in flight.
 *
 * <p>Stopping finishes the item in hand (within the grace period) and takes no new one; an item cut
 * off mid-way stays IN_FLIGHT and is reconciled by whoever runs the route next.
 */
public final class WorkPipeline {
  private static final System.Logger LOG = System.getLogger(WorkPipeline.class.getName());

  /** How often the pipeline looks for due work and re-checks submitted items. */
  public record Options(Duration pollInterval, int batchSize) {
    public static final Options DEFAULT = new Options(Duration.ofMillis(500), 50);
  }

  private final Vertx vertx;
  private final String route;
  private final WorkStore store;
  private final RouteOwnership ownership;
  private final WorkHandler handler;
  private final RetryPolicy retry;
  private final RelayerMetrics metrics;
  private final Options options;
  private final Clock clock;
  private final Counter relayed;
  private final Counter retries;
  private final Counter deadLettered;
  private final Timer latency;

  private long timer = -1;
  private boolean busy;
  private boolean pollAgain;
  private long gaugesRefreshedAt;
  private boolean stopping;
  private boolean recovered;
  private Promise<Void> idle;

  public WorkPipeline(
      final Vertx vertx,
      final String route,
      final WorkStore store,
      final RouteOwnership ownership,
      final WorkHandler handler,
      final RetryPolicy retry,
      final RelayerMetrics metrics,
      final Options options,
      final Clock clock) {
    this.vertx = vertx;
    this.route = route;
    this.store = store;
    this.ownership = ownership;
    this.handler = handler;
    this.retry = retry;
    this.metrics = metrics;
    this.options = options;
    this.clock = clock;
    this.relayed = metrics.relayed(route);
    this.retries = metrics.retries(route);
    this.deadLettered = metrics.deadLettered(route);
    this.latency = metrics.endToEnd(route);
    ownership.onLost(
        lost -> {
          if (lost.equals(route)) {
            LOG.log(
                System.Logger.Level.WARNING, "lost ownership of route " + route + "; pausing it");
            recovered = false;
            metrics.owned(route, false);
          }
        });
  }

  public String route() {
    return route;
  }

  /** Starts polling; idempotent. */
  public synchronized Future<Void> start() {
    if (timer < 0 && !stopping) {
      timer = vertx.setPeriodic(0, options.pollInterval().toMillis(), t -> poll());
    }
    return Future.succeededFuture();
  }

  /** Adds an item (a no-op for an id already stored) and looks for work at once. */
  public Future<Boolean> offer(final WorkItem item) {
    return store.insert(item).onSuccess(inserted -> vertx.runOnContext(v -> poll()));
  }

  /** Stops taking work and waits, up to {@code grace}, for the item in hand. Idempotent. */
  public synchronized Future<Void> stop(final Duration grace) {
    stopping = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    if (!busy) {
      return Future.succeededFuture();
    }
    if (idle == null) {
      idle = Promise.promise();
    }
    final Promise<Void> done = idle;
    vertx.setTimer(grace.toMillis(), t -> done.tryComplete());
    return done.future();
  }

  private synchronized boolean begin() {
    if (stopping) {
      return false;
    }
    if (busy) {
      // an item offered during a poll is taken right after it, not at the next tick
      pollAgain = true;
      return false;
    }
    busy = true;
    return true;
  }

  private synchronized void end() {
    busy = false;
    if (idle != null) {
      idle.tryComplete();
    }
    if (pollAgain && !stopping) {
      pollAgain = false;
      vertx.runOnContext(v -> poll());
    }
  }

  private void poll() {
    if (!begin()) {
      return;
    }
    ensureOwned()
        .compose(
            owned ->
                owned
                    ? (recovered ? Future.succeededFuture() : recover()).compose(v -> drain())
                    : Future.succeededFuture())
        .compose(v -> refreshGauges())
        .onComplete(
            result -> {
              if (result.failed()) {
                LOG.log(
                    System.Logger.Level.WARNING,
                    "route " + route + ": " + result.cause().getMessage());
              }
              end();
            });
  }

  private Future<Boolean> ensureOwned() {
    if (ownership.owns(route)) {
      return Future.succeededFuture(true);
    }
    return ownership
        .tryAcquire(route)
        .map(
            owned -> {
              metrics.owned(route, owned);
              if (owned) {
                LOG.log(System.Logger.Level.INFO, "this instance now owns route " + route);
                recovered = false;
              }
              return owned;
            });
  }

  /** What a crash or a previous owner left in flight is re-checked before anything new is sent. */
  private Future<Void> recover() {
    return store
        .inState(route, WorkState.IN_FLIGHT, options.batchSize())
        .compose(
            items ->
                sequentially(
                    items,
                    item -> handler.reconcile(item).compose(outcome -> apply(item, outcome))))
        .map(
            v -> {
              recovered = true;
              return null;
            });
  }

  private Future<Void> drain() {
    return store
        .inState(route, WorkState.SUBMITTED, options.batchSize())
        .compose(
            items ->
                sequentially(
                    items,
                    item -> handler.reconcile(item).compose(outcome -> apply(item, outcome))))
        .compose(v -> store.due(route, clock.instant(), options.batchSize()))
        .compose(items -> sequentially(items, this::attempt));
  }

  private Future<Void> attempt(final WorkItem item) {
    if (stopping || !ownership.owns(route)) {
      return Future.succeededFuture();
    }
    return store
        .transition(Transition.of(item, WorkState.IN_FLIGHT))
        .compose(
            taken -> {
              if (taken.isEmpty()) {
                return Future.succeededFuture(); // someone else moved it
              }
              if (taken.get().attempts() > 1) {
                retries.increment();
              }
              return handler
                  .process(taken.get())
                  .recover(
                      error ->
                          Future.succeededFuture(
                              new WorkOutcome.Transient("handler failed: " + error.getMessage())))
                  .compose(outcome -> apply(taken.get(), outcome));
            });
  }

  private Future<Void> apply(final WorkItem item, final WorkOutcome outcome) {
    final Instant now = clock.instant();
    final Transition transition;
    if (outcome instanceof WorkOutcome.Confirmed || outcome instanceof WorkOutcome.AlreadyDone) {
      transition = Transition.of(item, WorkState.CONFIRMED);
    } else if (outcome instanceof WorkOutcome.Submitted submitted) {
      if (item.state() == WorkState.SUBMITTED) {
        return Future.succeededFuture();
      }
      transition = Transition.of(item, WorkState.SUBMITTED).withTxHash(submitted.txHash());
    } else if (outcome instanceof WorkOutcome.Transient failure) {
      metrics.failures(route, "transient").increment();
      if (retry.exhausted(item.attempts())) {
        transition =
            Transition.of(item, WorkState.DEAD)
                .withError("gave up after " + item.attempts() + " attempts: " + failure.reason());
      } else {
        transition =
            Transition.of(item, WorkState.FAILED)
                .withError(failure.reason())
                .withRetryAt(now.plus(retry.delayAfter(item.attempts())));
      }
    } else if (outcome instanceof WorkOutcome.Permanent failure) {
      metrics.failures(route, "permanent").increment();
      transition = Transition.of(item, WorkState.DEAD).withError(failure.reason());
    } else {
      return Future.succeededFuture(); // Pending: look again at the next poll
    }
    return store
        .transition(transition)
        .map(
            updated -> {
              updated.ifPresent(
                  moved -> {
                    if (moved.state() == WorkState.CONFIRMED) {
                      relayed.increment();
                      latency.record(Duration.between(moved.createdAt(), now));
                    } else if (moved.state() == WorkState.DEAD) {
                      deadLettered.increment();
                      LOG.log(
                          System.Logger.Level.WARNING,
                          "route "
                              + route
                              + ": item "
                              + moved.id()
                              + " dead-lettered: "
                              + moved.lastError().orElse(""));
                    }
                  });
              return null;
            });
  }

  /** The queue gauges, at most once per poll interval: offers must not wait for two counts. */
  private Future<Void> refreshGauges() {
    final long now = System.nanoTime();
    if (gaugesRefreshedAt != 0 && now - gaugesRefreshedAt < options.pollInterval().toNanos()) {
      return Future.succeededFuture();
    }
    gaugesRefreshedAt = now;
    return Future.all(store.countByState(route), store.oldestOpen(route))
        .map(
            all -> {
              final Map<WorkState, Long> counts = all.resultAt(0);
              counts.forEach(
                  (state, count) ->
                      metrics.itemsInState(
                          route, state.name().toLowerCase(java.util.Locale.ROOT), count));
              final Optional<Instant> oldest = all.resultAt(1);
              metrics.oldestPendingSeconds(
                  route,
                  oldest.map(t -> Duration.between(t, clock.instant()).toSeconds()).orElse(0L));
              return null;
            });
  }

  private static <T> Future<Void> sequentially(
      final List<T> items, final java.util.function.Function<T, Future<Void>> step) {
    Future<Void> chain = Future.succeededFuture();
    for (final T item : items) {
      chain = chain.compose(v -> step.apply(item));
    }
    return chain;
  }
}
