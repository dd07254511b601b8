package io.xrelay.relayer.xcm.tracker;

import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.xrelay.config.ChainConfig;
import io.xrelay.config.SubstrateChainConfig;
import io.xrelay.config.XcmTrackerRoute;
import io.xrelay.relayer.chain.SubstrateChainWatcher;
import io.xrelay.relayer.metrics.RelayerMetrics;
import io.xrelay.relayer.work.RetryPolicy;
import io.xrelay.relayer.work.WorkPipeline;
import io.xrelay.store.RouteOwnership;
import io.xrelay.store.WorkItem;
import io.xrelay.store.WorkStore;
import io.xrelay.store.journey.Journey;
import io.xrelay.store.journey.JourneyOutcome;
import io.xrelay.store.journey.JourneyStore;
import io.xrelay.substrate.client.FinalizedBlock;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The XCM tracker of the running service: one matcher fed with the finalized blocks of every chain
 * an {@code xcm-tracker} route names. Journeys a route covers (sent from its source, to its target
 * when set) are saved in the {@link JourneyStore}, counted in the metrics, streamed to {@link
 * JourneyEvents} and posted to the route's webhooks through the work store (retried until a 2xx).
 *
 * <p>Blocks are processed one at a time, in arrival order per chain, so the matcher needs no
 * locking beyond this class. Call {@link #start} and then {@link #attach} each watcher before it
 * starts, so that blocks the watcher backfills after a restart reach the tracker too.
 */
public final class XcmTracker {
  private static final System.Logger LOG = System.getLogger(XcmTracker.class.getName());
  private static final int RESTORE_LIMIT = 100_000;
  private static final Duration KEEP_FINISHED = Duration.ofMinutes(10);
  private static final String ANY = "*";

  private final Vertx vertx;
  private final List<XcmTrackerRoute> routes;
  private final JourneyStore journeys;
  private final WorkStore work;
  private final RouteOwnership ownership;
  private final RelayerMetrics metrics;
  private final JourneyEvents events;
  private final Clock clock;
  private final JourneyMatcher matcher;
  private final Set<String> chains = new LinkedHashSet<>();
  private final Map<String, WorkPipeline> webhooks = new HashMap<>();
  private final Map<String, String[]> pendingByJourney = new HashMap<>();
  private final Timer journeySeconds;
  private WebhookDelivery delivery;
  private Future<Void> tail = Future.succeededFuture();
  private long timer = -1;
  private boolean started;

  public XcmTracker(
      final Vertx vertx,
      final List<XcmTrackerRoute> routes,
      final Map<String, ChainConfig> chainConfigs,
      final JourneyStore journeys,
      final WorkStore work,
      final RouteOwnership ownership,
      final RelayerMetrics metrics,
      final JourneyEvents events,
      final Clock clock) {
    this.vertx = vertx;
    this.routes = List.copyOf(routes);
    this.journeys = journeys;
    this.work = work;
    this.ownership = ownership;
    this.metrics = metrics;
    this.events = events;
    this.clock = clock;
    final List<TrackedChain> tracked = new ArrayList<>();
    for (final XcmTrackerRoute route : routes) {
      chains.add(route.source());
      route.target().ifPresent(chains::add);
    }
    for (final String chain : chains) {
      final ChainConfig config = chainConfigs.get(chain);
      if (config instanceof SubstrateChainConfig substrate) {
        // One consensus network per configuration: the chains of one relay chain.
        tracked.add(
            new TrackedChain(
                chain,
                "configured",
                substrate.paraId().isPresent()
                    ? (int) substrate.paraId().getAsLong()
                    : TrackedChain.RELAY));
      }
    }
    final XcmTrackerRoute first = routes.get(0);
    this.matcher = new JourneyMatcher(tracked, first.timeout(), first.bridgedTimeout());
    this.journeySeconds = metrics.xcmJourney();
  }

  /** The chains whose watchers this tracker needs. */
  public Set<String> chains() {
    return Set.copyOf(chains);
  }

  /**
   * Registers the metrics (zero until something happens), takes back the pending journeys from the
   * store and starts the webhook pipelines and the timeout check. Idempotent.
   */
  public synchronized Future<Void> start() {
    if (started) {
      return tail;
    }
    started = true;
    metrics.xcmTimeouts();
    for (final XcmTrackerRoute route : routes) {
      final String target = route.target().orElse(ANY);
      for (final JourneyOutcome outcome :
          List.of(JourneyOutcome.SUCCESS, JourneyOutcome.FAIL, JourneyOutcome.TIMEOUT)) {
        metrics.xcmMessages(route.source(), target, outcome.label());
      }
      metrics.xcmPending(route.source(), target, 0);
    }
    delivery = new WebhookDelivery(vertx);
    final List<Future<Void>> pipelines = new ArrayList<>();
    for (final XcmTrackerRoute route : routes) {
      if (route.webhooks().isEmpty()) {
        continue;
      }
      final WorkPipeline pipeline =
          new WorkPipeline(
              vertx,
              route.name(),
              work,
              ownership,
              delivery,
              new RetryPolicy(
                  route.retry().initialBackoff(),
                  route.retry().maxBackoff(),
                  route.retry().maxAttempts()),
              metrics,
              WorkPipeline.Options.DEFAULT,
              clock);
      webhooks.put(route.name(), pipeline);
      pipelines.add(pipeline.start());
    }
    tail =
        Future.all(pipelines)
            .compose(v -> journeys.pending(RESTORE_LIMIT))
            .map(
                pending -> {
                  pending.forEach(
                      journey -> {
                        matcher.restore(journey);
                        trackPending(journey);
                      });
                  LOG.log(
                      System.Logger.Level.INFO,
                      "xcm tracker: following "
                          + chains
                          + "; "
                          + pending.size()
                          + " pending journeys restored");
                  return (Void) null;
                });
    timer = vertx.setPeriodic(1_000, t -> enqueue(this::expire));
    return tail;
  }

  /**
   * Feeds the watcher's finalized blocks to the tracker, if it follows that chain. Durably: the
   * watcher's checkpoint passes a block only once its journeys are saved, so a crash in between
   * replays the block (which adds nothing twice).
   */
  public void attach(final SubstrateChainWatcher watcher) {
    if (!chains.contains(watcher.chain())) {
      return;
    }
    watcher.onFinalizedDurably(block -> enqueue(() -> process(watcher, block)));
  }

  /**
   * Runs {@code step} after every step before it; the returned future fails with the step, while
   * the queue goes on with the next one.
   */
  private synchronized Future<Void> enqueue(final java.util.function.Supplier<Future<Void>> step) {
    final Future<Void> result = tail.transform(previous -> step.get());
    tail =
        result.recover(
            error -> {
              LOG.log(System.Logger.Level.WARNING, "xcm tracker: " + error.getMessage(), error);
              return Future.succeededFuture();
            });
    return result;
  }

  private Future<Void> process(final SubstrateChainWatcher watcher, final FinalizedBlock block) {
    return new ChainBlockReader(watcher.chain(), watcher.client())
        .read(block.number(), block.hash())
        .compose(
            read -> {
              final List<JourneyUpdate> updates = matcher.apply(read);
              matcher.forgetFinishedBefore(clock.instant().minus(KEEP_FINISHED));
              return save(updates);
            });
  }

  private Future<Void> expire() {
    return save(matcher.expire(clock.instant()));
  }

  /** Saves, counts, streams and posts the updates, one after another. */
  private Future<Void> save(final List<JourneyUpdate> updates) {
    Future<Void> chain = Future.succeededFuture();
    for (final JourneyUpdate update : updates) {
      final List<XcmTrackerRoute> covering = covering(update.journey());
      if (covering.isEmpty()) {
        continue;
      }
      chain =
          chain
              .compose(v -> deleteMerged(update))
              .compose(v -> journeys.upsert(update.journey()))
              .compose(
                  v -> {
                    count(update);
                    for (final XcmTrackerRoute route : covering) {
                      events.publish(JourneyJson.update(route.name(), update));
                    }
                    return deliver(covering, update);
                  });
    }
    return chain;
  }

  private Future<Void> deleteMerged(final JourneyUpdate update) {
    Future<Void> chain = Future.succeededFuture();
    for (final String merged : update.mergedIds()) {
      pendingByJourney.remove(merged);
      chain = chain.compose(v -> journeys.delete(merged).mapEmpty());
    }
    return chain;
  }

  private List<XcmTrackerRoute> covering(final Journey journey) {
    final List<XcmTrackerRoute> covering = new ArrayList<>();
    for (final XcmTrackerRoute route : routes) {
      if (journey.origin().equals(route.source())
          && (route.target().isEmpty() || journey.destination().equals(route.target()))) {
        covering.add(route);
      }
    }
    return covering;
  }

  private void count(final JourneyUpdate update) {
    final Journey journey = update.journey();
    if (update.outcomeChanged() && journey.outcome().isFinal()) {
      for (final XcmTrackerRoute route : covering(journey)) {
        metrics
            .xcmMessages(route.source(), route.target().orElse(ANY), journey.outcome().label())
            .increment();
      }
      if (journey.outcome() == JourneyOutcome.TIMEOUT) {
        metrics.xcmTimeouts().increment();
      } else if (journey.sentAtMillis() > 0) {
        journeySeconds.record(
            Duration.ofMillis(Math.max(0, journey.updatedAtMillis() - journey.sentAtMillis())));
      }
    }
    trackPending(journey);
  }

  private void trackPending(final Journey journey) {
    if (journey.outcome() == JourneyOutcome.PENDING) {
      for (final XcmTrackerRoute route : covering(journey)) {
        pendingByJourney.put(
            journey.messageId() + "|" + route.name(),
            new String[] {route.source(), route.target().orElse(ANY)});
      }
    } else {
      pendingByJourney.keySet().removeIf(key -> key.startsWith(journey.messageId() + "|"));
    }
    final Map<String, Long> counts = new HashMap<>();
    for (final XcmTrackerRoute route : routes) {
      counts.put(route.source() + "\n" + route.target().orElse(ANY), 0L);
    }
    for (final String[] pair : pendingByJourney.values()) {
      counts.merge(pair[0] + "\n" + pair[1], 1L, Long::sum);
    }
    counts.forEach(
        (pair, count) -> {
          final String[] parts = pair.split("\n", 2);
          metrics.xcmPending(parts[0], parts[1], count);
        });
  }

  /**
   * One delivery per webhook and journey state: its id is the route, the webhook, the journey and
   * the number of legs and outcome, so a replayed block offers the same id again (a no-op).
   */
  private Future<Void> deliver(final List<XcmTrackerRoute> covering, final JourneyUpdate update) {
    final List<Future<Boolean>> offered = new ArrayList<>();
    final Journey journey = update.journey();
    for (final XcmTrackerRoute route : covering) {
      final WorkPipeline pipeline = webhooks.get(route.name());
      if (pipeline == null) {
        continue;
      }
      final JsonObject body = JourneyJson.update(route.name(), update);
      int index = 0;
      for (final URI url : route.webhooks()) {
        final String id =
            route.name()
                + "/webhook/"
                + index++
                + "/"
                + journey.messageId()
                + "/"
                + journey.legs().size()
                + "-"
                + journey.outcome().label();
        offered.add(
            pipeline.offer(
                WorkItem.pending(
                    id,
                    route.name(),
                    new JsonObject().put("url", url.toString()).put("body", body).encode(),
                    clock.instant())));
      }
    }
    return Future.all(offered).mapEmpty();
  }

  /** Idempotent; waits for the block in hand. */
  public synchronized Future<Void> stop(final Duration grace) {
    if (!started) {
      return Future.succeededFuture();
    }
    started = false;
    vertx.cancelTimer(timer);
    final List<Future<Void>> stopped = new ArrayList<>();
    stopped.add(tail.otherwiseEmpty());
    webhooks.values().forEach(pipeline -> stopped.add(pipeline.stop(grace)));
    return Future.join(stopped)
        .compose(v -> delivery == null ? Future.succeededFuture() : delivery.close())
        .mapEmpty();
  }
}
