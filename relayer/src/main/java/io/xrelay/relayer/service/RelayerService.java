package io.xrelay.relayer.service;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.xrelay.config.ChainConfig;
import io.xrelay.config.RelayerConfig;
import io.xrelay.config.RouteConfig;
import io.xrelay.config.SubstrateChainConfig;
import io.xrelay.crypto.secp256k1.Secp256k1;
import io.xrelay.relayer.chain.ChainStatus;
import io.xrelay.relayer.chain.SubstrateChainWatcher;
import io.xrelay.relayer.http.HttpApi;
import io.xrelay.relayer.metrics.RelayerMetrics;
import io.xrelay.relayer.route.beefy.BeefyFinalityRoute;
import io.xrelay.relayer.signer.SignerAccountMonitor;
import io.xrelay.relayer.work.RetentionPurge;
import io.xrelay.relayer.work.RetryPolicy;
import io.xrelay.relayer.work.WorkPipeline;
import io.xrelay.relayer.xcm.tracker.JourneyEvents;
import io.xrelay.relayer.xcm.tracker.XcmJourneyApi;
import io.xrelay.relayer.xcm.tracker.XcmTracker;
import io.xrelay.store.RouteOwnership;
import io.xrelay.store.WorkStore;
import io.xrelay.store.journey.JourneyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The running relayer: chain watchers, one pipeline per route, and the HTTP API. Start and stop are
 * idempotent. Stopping takes no new work (readiness turns 503), lets each pipeline finish the item
 * in hand within the grace period, flushes checkpoints (watchers save one per block) and closes
 * connections.
 */
public final class RelayerService implements HttpApi.ServiceView {
  private static final System.Logger LOG = System.getLogger(RelayerService.class.getName());
  private static final Duration CAUGHT_UP_WITHIN = Duration.ofSeconds(60);
  private static final Duration SIGNER_READ_INTERVAL = Duration.ofSeconds(30);
  private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

  private final Vertx vertx;
  private final RelayerConfig config;
  private final WorkStore store;
  private final RouteOwnership ownership;
  private final RelayerMetrics metrics;
  private final Clock clock;
  private final Map<String, SubstrateChainWatcher> watchers = new LinkedHashMap<>();
  private final List<WorkPipeline> pipelines = new ArrayList<>();
  private final List<BeefyFinalityRoute> beefyRoutes = new ArrayList<>();
  // Read by HTTP handlers while routes start.
  private final List<io.xrelay.relayer.route.beefy.BeefyToEthereumRoute> toEthereumRoutes =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<io.xrelay.config.BeefyToEthereumRoute> toEthereumConfigs = new ArrayList<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private HttpApi http;
  private SignerAccountMonitor signerAccounts;
  private RetentionPurge purge;
  private final JourneyEvents journeyEvents = new JourneyEvents();
  private JourneyStore journeys;
  private XcmTracker xcmTracker;

  public RelayerService(
      final Vertx vertx,
      final RelayerConfig config,
      final Stores stores,
      final RelayerMetrics metrics,
      final Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.store = stores.store();
    this.ownership = stores.ownership();
    this.metrics = metrics;
    this.clock = clock;
  }

  public Future<Void> start() {
    if (!started.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    final String backend = Secp256k1.activeBackend().label();
    metrics.secp256k1Backend(backend);
    LOG.log(
        System.Logger.Level.INFO,
        "secp256k1 signature recovery: "
            + backend
            + Secp256k1.nativeUnavailableReason()
                .map(reason -> " (native libsecp256k1 unavailable: " + reason + ")")
                .orElse(""));
    LOG.log(
        System.Logger.Level.INFO,
        "starting with "
            + config.chains().size()
            + " chains and "
            + config.routes().size()
            + " routes");
    http =
        new HttpApi(
            vertx,
            store,
            metrics,
            this,
            config.http().adminToken().map(token -> token.read().reveal()),
            stopping::get);
    journeys = Stores.openJourneys(vertx, config.store());
    http.extend(new XcmJourneyApi(journeys, journeyEvents)::register);
    final List<io.xrelay.config.XcmTrackerRoute> trackerRoutes = xcmTrackerRoutes();
    if (!trackerRoutes.isEmpty()) {
      xcmTracker =
          new XcmTracker(
              vertx,
              trackerRoutes,
              config.chains(),
              journeys,
              store,
              ownership,
              metrics,
              journeyEvents,
              clock);
    }
    return store
        .start()
        .compose(v -> journeys.start())
        .compose(v -> xcmTracker == null ? Future.succeededFuture() : xcmTracker.start())
        .compose(v -> http.listen(config.http().host(), config.http().port()))
        .compose(
            server -> {
              LOG.log(
                  System.Logger.Level.INFO,
                  "HTTP API and metrics on http://"
                      + config.http().host()
                      + ":"
                      + server.actualPort());
              createChains();
              // Routes listen before the watchers start, so no block of the backfill passes them.
              createRoutes();
              return startChains();
            })
        .compose(v -> startRoutes())
        .compose(
            v -> {
              signerAccounts =
                  new SignerAccountMonitor(
                      vertx,
                      config,
                      chain ->
                          java.util.Optional.ofNullable(watchers.get(chain))
                              .map(SubstrateChainWatcher::client),
                      metrics,
                      SIGNER_READ_INTERVAL);
              // balances are informative: a failed first read must not stop the service
              signerAccounts.start();
              purge =
                  new RetentionPurge(
                      vertx,
                      store,
                      config.store().retention(),
                      PURGE_INTERVAL,
                      metrics.purgedItems(),
                      clock);
              purge.start();
              return Future.succeededFuture();
            });
  }

  private void createChains() {
    for (final ChainConfig chain : config.chains().values()) {
      if (!(chain instanceof SubstrateChainConfig)) {
        LOG.log(
            System.Logger.Level.INFO,
            chain.name() + ": Ethereum chains are used by their routes, not watched");
        continue;
      }
      final SubstrateChainWatcher watcher =
          new SubstrateChainWatcher(
              vertx,
              chain.name(),
              chain.endpoints().stream().map(Object::toString).toList(),
              store,
              metrics,
              CAUGHT_UP_WITHIN,
              clock);
      watchers.put(chain.name(), watcher);
      if (xcmTracker != null) {
        // Before the watcher starts: blocks it backfills after a restart reach the tracker too.
        xcmTracker.attach(watcher);
      }
    }
  }

  private Future<Void> startChains() {
    return Future.all(watchers.values().stream().map(SubstrateChainWatcher::start).toList())
        .mapEmpty();
  }

  private void createRoutes() {
    for (final RouteConfig route : config.routes().values()) {
      if (route instanceof io.xrelay.config.BeefyFinalityRoute beefyConfig
          && beefyConfig.enabled()) {
        final SubstrateChainWatcher watcher = watchers.get(beefyConfig.source());
        final BeefyFinalityRoute beefy =
            new BeefyFinalityRoute(
                route.name(), beefyConfig.source(), watcher::client, metrics, clock);
        final WorkPipeline pipeline =
            new WorkPipeline(
                vertx,
                route.name(),
                store,
                ownership,
                beefy,
                retryPolicy(beefyConfig.retry()),
                metrics,
                WorkPipeline.Options.DEFAULT,
                clock);
        pipelines.add(pipeline);
        beefyRoutes.add(beefy);
        beefy.feed(pipeline);
        watcher.onFinalizedDurably(beefy::onFinalizedBlock);
      } else if (route instanceof io.xrelay.config.XcmTrackerRoute && route.enabled()) {
        LOG.log(System.Logger.Level.INFO, "route " + route.name() + ": tracking XCM journeys");
      } else if (route instanceof io.xrelay.config.BeefyToEthereumRoute toEthereum
          && toEthereum.enabled()) {
        // Started with the others: it needs the source watcher's client and its contract.
        toEthereumConfigs.add(toEthereum);
      } else {
        LOG.log(
            System.Logger.Level.WARNING,
            "route "
                + route.name()
                + ": "
                + kind(route)
                + " routes are not available in this version, or the route is disabled; skipped");
      }
    }
  }

  private Future<Void> startRoutes() {
    final List<Future<Void>> startedRoutes = new ArrayList<>();
    for (final WorkPipeline pipeline : pipelines) {
      startedRoutes.add(pipeline.start());
    }
    for (final BeefyFinalityRoute beefy : beefyRoutes) {
      startedRoutes.add(beefy.start());
    }
    for (final io.xrelay.config.BeefyToEthereumRoute toEthereum : toEthereumConfigs) {
      startedRoutes.add(startBeefyToEthereum(toEthereum));
    }
    return Future.all(startedRoutes).mapEmpty();
  }

  private List<io.xrelay.config.XcmTrackerRoute> xcmTrackerRoutes() {
    final List<io.xrelay.config.XcmTrackerRoute> routes = new ArrayList<>();
    for (final RouteConfig route : config.routes().values()) {
      if (route instanceof io.xrelay.config.XcmTrackerRoute tracker && tracker.enabled()) {
        routes.add(tracker);
      }
    }
    return routes;
  }

  @Override
  public Future<io.xrelay.relayer.route.beefy.RootDemand> demandBeefyRoot(
      final String route, final long block) {
    for (final io.xrelay.relayer.route.beefy.BeefyToEthereumRoute running : toEthereumRoutes) {
      if (running.name().equals(route)) {
        return running.requestRootCovering(block);
      }
    }
    return Future.failedFuture(
        new java.util.NoSuchElementException("no beefy-to-ethereum route " + route + " runs here"));
  }

  private Future<Void> startBeefyToEthereum(final io.xrelay.config.BeefyToEthereumRoute route) {
    return io.xrelay.relayer.route.beefy.BeefyToEthereumRoute.open(
            vertx, config, route, watchers.get(route.source()).client(), store, metrics, clock)
        .compose(
            beefy -> {
              final WorkPipeline pipeline =
                  new WorkPipeline(
                      vertx,
                      route.name(),
                      store,
                      ownership,
                      beefy,
                      retryPolicy(route.retry()),
                      metrics,
                      WorkPipeline.Options.DEFAULT,
                      clock);
              pipelines.add(pipeline);
              toEthereumRoutes.add(beefy);
              // The route first: what the pipeline recovers needs the contract read and the MMR.
              return beefy.start(pipeline).compose(v -> pipeline.start());
            });
  }

  private static RetryPolicy retryPolicy(final io.xrelay.config.RetryPolicy retry) {
    return new RetryPolicy(retry.initialBackoff(), retry.maxBackoff(), retry.maxAttempts());
  }

  /** Idempotent; completes when everything is closed or the grace period is over. */
  public Future<Void> stop() {
    if (!started.get() || !stopping.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    LOG.log(
        System.Logger.Level.INFO,
        "stopping: no new work; finishing in-flight items within "
            + config.shutdownGracePeriod().toSeconds()
            + " s");
    final List<Future<Void>> steps = new ArrayList<>();
    if (signerAccounts != null) {
      steps.add(signerAccounts.stop());
    }
    if (purge != null) {
      purge.stop();
    }
    beefyRoutes.forEach(route -> steps.add(route.stop().otherwiseEmpty()));
    if (xcmTracker != null) {
      steps.add(xcmTracker.stop(config.shutdownGracePeriod()).otherwiseEmpty());
    }
    toEthereumRoutes.forEach(route -> steps.add(route.stop().otherwiseEmpty()));
    pipelines.forEach(pipeline -> steps.add(pipeline.stop(config.shutdownGracePeriod())));
    return Future.join(steps)
        .compose(
            v ->
                Future.join(
                    watchers.values().stream().map(w -> w.stop().otherwiseEmpty()).toList()))
        .compose(v -> ownership.stop().otherwiseEmpty())
        .compose(v -> http == null ? Future.succeededFuture() : http.close().otherwiseEmpty())
        .compose(v -> store.stop().otherwiseEmpty())
        .compose(
            v -> journeys == null ? Future.succeededFuture() : journeys.stop().otherwiseEmpty())
        .onComplete(v -> LOG.log(System.Logger.Level.INFO, "stopped"))
        .mapEmpty();
  }

  public int httpPort() {
    return http == null ? -1 : http.actualPort();
  }

  @Override
  public List<ChainStatus> chains() {
    return watchers.values().stream().map(SubstrateChainWatcher::status).toList();
  }

  @Override
  public List<HttpApi.RouteStatus> routes() {
    return config.routes().values().stream()
        .map(
            route ->
                new HttpApi.RouteStatus(
                    route.name(), kind(route), route.source(), target(route), runsHere(route)))
        .toList();
  }

  /**
   * Owned routes run on their owner only; a tracker without webhooks runs on every instance (its
   * journeys are idempotent upserts), so it always runs here.
   */
  private boolean runsHere(final RouteConfig route) {
    if (route instanceof io.xrelay.config.XcmTrackerRoute tracker && tracker.webhooks().isEmpty()) {
      return route.enabled();
    }
    return ownership.owns(route.name());
  }

  private static String kind(final RouteConfig route) {
    return route.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String target(final RouteConfig route) {
    if (route instanceof io.xrelay.config.BeefyToEthereumRoute toEthereum) {
      return toEthereum.target();
    }
    if (route instanceof io.xrelay.config.XcmTrackerRoute tracker) {
      return tracker.target().orElse("any");
    }
    return route.source();
  }
}
