package io.xrelay.store.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.xrelay.store.RouteOwnership;
import io.xrelay.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Route ownership through Kubernetes: one {@code coordination.k8s.io/v1} Lease per route, held with
 * fabric8's {@link LeaderElector} under this instance's identity (the pod name).
 *
 * <p>A route's elector keeps trying in the background once asked for, so when the owner dies the
 * route passes to another instance by itself about {@code leaseDuration} after the owner's last
 * renewal; {@link #owns} says when ({@link #tryAcquire} may answer false just before the elector
 * takes an expired Lease). {@link #release} and {@link #stop} hand the Lease back at once.
 *
 * <p>An owner whose last successful renewal is older than {@code renewDeadline} no longer owns the
 * route and fires {@link #onLost}, whatever the elector is doing: its thread may be stuck in the
 * client's own request retries while the Lease runs out. Since the deadline is shorter than the
 * Lease, the owner stops before another instance may start.
 *
 * <p>Asking for a route that is not owned starts a fresh elector (after the previous one for that
 * route has fully stopped): one elector per route and identity at a time, since two with the same
 * identity would renew each other's Lease, and an elector whose loop ended on an unexpected error
 * would otherwise wait forever.
 */
public final class KubernetesLeaseOwnership implements RouteOwnership {
  private static final System.Logger LOG =
      System.getLogger(KubernetesLeaseOwnership.class.getName());
  private static final int NAME_SLUG_LENGTH = 40;
  public static final String DEFAULT_LEASE_PREFIX = "xrelay-";

  private final Vertx vertx;
  private final KubernetesClient client;
  private final String namespace;
  private final String identity;
  private final LeaseTiming timing;
  private final ExecutorService executor;

  private final Map<String, Election> elections = new ConcurrentHashMap<>();
  private final List<Consumer<String>> lostListeners = new CopyOnWriteArrayList<>();
  private final long renewalCheckTimer;
  private final String leasePrefix;
  private volatile boolean stopped;
  private Future<Void> stopping;

  /**
   * @param namespace the Kubernetes namespace of the Leases
   * @param leasePrefix the start of every Lease name, so that several deployments can share a
   *     namespace ({@value #DEFAULT_LEASE_PREFIX} by default)
   * @param identity this instance's name in the Leases, unique among the instances (the pod name)
   */
  public KubernetesLeaseOwnership(
      final Vertx vertx,
      final KubernetesClient client,
      final String namespace,
      final String leasePrefix,
      final String identity,
      final LeaseTiming timing) {
    if (identity.isEmpty()) {
      throw new IllegalArgumentException("identity must not be empty");
    }
    this.vertx = vertx;
    this.client = client;
    this.namespace = namespace;
    this.leasePrefix = leasePrefix;
    this.identity = identity;
    this.timing = timing;
    this.executor = Executors.newCachedThreadPool(daemonThreads());
    this.renewalCheckTimer =
        vertx.setPeriodic(timing.retryPeriod().toMillis(), ignored -> dropStaleLeases());
  }

  /** The Lease of {@code route} with the default prefix. */
  public static String leaseName(final String route) {
    return leaseName(DEFAULT_LEASE_PREFIX, route);
  }

  /**
   * The Lease of {@code route}: {@code <prefix>route-<route as a DNS label>-<8 hex of its
   * SHA-256>}, so names that differ only in characters a Lease name cannot hold stay apart.
   */
  public static String leaseName(final String prefix, final String route) {
    String slug = route.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    if (slug.length() > NAME_SLUG_LENGTH) {
      slug = slug.substring(0, NAME_SLUG_LENGTH);
    }
    slug = slug.replaceAll("^-+|-+$", "");
    final String hash = HexFormat.of().formatHex(sha256(route), 0, 4);
    return prefix + "route-" + (slug.isEmpty() ? "" : slug + "-") + hash;
  }

  @Override
  public synchronized Future<Boolean> tryAcquire(final String route) {
    final String operation = "acquire route " + route;
    if (stopped) {
      return Future.failedFuture(
          new StoreException(operation + ": route ownership was stopped", false, null));
    }
    final Election current = elections.get(route);
    if (current != null && current.leading) {
      return Future.succeededFuture(true);
    }
    final Election fresh = new Election(route);
    elections.put(route, fresh);
    final CompletableFuture<Void> previousStopped =
        current == null ? CompletableFuture.completedFuture(null) : current.end();
    previousStopped.thenRunAsync(fresh::start, executor);
    // The elector retries API errors by itself without saying so; past this, say it to the caller.
    final long answerMillis = Math.max(timing.leaseDuration().toMillis(), 5_000);
    return Future.fromCompletionStage(
            fresh.firstAnswer.orTimeout(answerMillis, TimeUnit.MILLISECONDS),
            vertx.getOrCreateContext())
        .recover(
            e ->
                Future.failedFuture(
                    new StoreException(
                        operation
                            + ": no answer from the Kubernetes API within "
                            + answerMillis
                            + " ms (Lease "
                            + namespace
                            + "/"
                            + leaseName(leasePrefix, route)
                            + ")",
                        true,
                        e)));
  }

  @Override
  public synchronized Future<Void> release(final String route) {
    final Election election = elections.remove(route);
    if (election == null) {
      return Future.succeededFuture();
    }
    return Future.fromCompletionStage(election.end(), vertx.getOrCreateContext());
  }

  @Override
  public boolean owns(final String route) {
    final Election election = elections.get(route);
    return election != null && election.leading && !election.renewalOverdue();
  }

  @Override
  public void onLost(final Consumer<String> listener) {
    lostListeners.add(listener);
  }

  @Override
  public synchronized Future<Void> stop() {
    if (stopping == null) {
      stopped = true;
      vertx.cancelTimer(renewalCheckTimer);
      final List<CompletableFuture<Void>> ends = new ArrayList<>();
      for (final String route : List.copyOf(elections.keySet())) {
        final Election election = elections.remove(route);
        if (election != null) {
          ends.add(election.end());
        }
      }
      final CompletableFuture<Void> all =
          CompletableFuture.allOf(ends.toArray(new CompletableFuture<?>[0]))
              .whenComplete((ignored, error) -> executor.shutdown());
      stopping = Future.fromCompletionStage(all, vertx.getOrCreateContext());
    }
    return stopping;
  }

  private void dropStaleLeases() {
    for (final Election election : elections.values()) {
      if (election.leading && election.renewalOverdue()) {
        final boolean dropped;
        synchronized (this) {
          dropped = elections.remove(election.route, election);
        }
        if (dropped) {
          election.end();
          lost(election.route, "no renewal of its Lease for " + timing.renewDeadline());
        }
      }
    }
  }

  private void lost(final String route, final String reason) {
    if (stopped) {
      return;
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "lost route {0} (Lease {1}/{2}): {3}",
        route,
        namespace,
        leaseName(leasePrefix, route),
        reason);
    for (final Consumer<String> listener : lostListeners) {
      listener.accept(route);
    }
  }

  /** One elector's attempt at one route, from its start to its end. */
  private final class Election {
    private final String route;
    private final CompletableFuture<Boolean> firstAnswer = new CompletableFuture<>();
    private final CompletableFuture<CompletableFuture<?>> running = new CompletableFuture<>();
    private volatile boolean leading;
    private volatile long lastRenewalNanos;

    private Election(final String route) {
      this.route = route;
    }

    private void start() {
      if (!isCurrent()) {
        // Released or replaced before it began.
        running.complete(CompletableFuture.completedFuture(null));
        return;
      }
      final LeaderElector elector =
          new LeaderElector(
              client,
              new LeaderElectionConfigBuilder()
                  .withName("xrelay route " + route)
                  .withLock(new RenewalTrackingLeaseLock(this))
                  .withLeaseDuration(timing.leaseDuration())
                  .withRenewDeadline(timing.renewDeadline())
                  .withRetryPeriod(timing.retryPeriod())
                  .withReleaseOnCancel(true)
                  .withLeaderCallbacks(
                      new LeaderCallbacks(this::started, this::stoppedLeading, this::newLeader))
                  .build(),
              executor);
      final CompletableFuture<?> loop = elector.start();
      // The elector ends by itself after losing the Lease: forget it then.
      loop.whenComplete((ignored, error) -> forget());
      running.complete(loop);
    }

    private boolean renewalOverdue() {
      return System.nanoTime() - lastRenewalNanos > timing.renewDeadline().toNanos();
    }

    private boolean isCurrent() {
      return elections.get(route) == this;
    }

    private void started() {
      if (isCurrent()) {
        leading = true;
        firstAnswer.complete(true);
      }
    }

    private void newLeader(final String holder) {
      // An empty holder is a released Lease, which this elector is about to take.
      if (holder != null && !holder.isEmpty() && !holder.equals(identity)) {
        firstAnswer.complete(false);
      }
    }

    private void stoppedLeading() {
      final boolean was = leading;
      leading = false;
      if (was && elections.remove(route, this)) {
        lost(route, "the elector could not renew it, or another instance holds it");
      }
    }

    private void forget() {
      leading = false;
      firstAnswer.complete(false);
      elections.remove(route, this);
    }

    /**
     * Stops the elector and hands its Lease back if it holds it; completes once the elector can
     * touch the Lease no more. Cancelling runs the hand-back (API calls) in the cancelling thread,
     * so it runs on the executor, never on an event loop.
     */
    private CompletableFuture<Void> end() {
      leading = false;
      firstAnswer.complete(false);
      return running.thenAcceptAsync(loop -> loop.cancel(true), executor);
    }
  }

  /** A Lease lock that notes when this instance last wrote the Lease as its holder. */
  private final class RenewalTrackingLeaseLock extends LeaseLock {
    private final Election election;

    private RenewalTrackingLeaseLock(final Election election) {
      super(namespace, leaseName(leasePrefix, election.route), identity);
      this.election = election;
    }

    @Override
    public synchronized void create(
        final KubernetesClient client, final LeaderElectionRecord leaderElectionRecord) {
      // Taken before the write, as the Lease's renew time is, so that this side's deadline runs
      // out before the Lease does.
      final long attempt = System.nanoTime();
      super.create(client, leaderElectionRecord);
      election.lastRenewalNanos = attempt;
    }

    @Override
    public synchronized void update(
        final KubernetesClient client, final LeaderElectionRecord leaderElectionRecord) {
      final long attempt = System.nanoTime();
      super.update(client, leaderElectionRecord);
      if (identity.equals(leaderElectionRecord.getHolderIdentity())) {
        election.lastRenewalNanos = attempt;
      }
    }
  }

  private static byte[] sha256(final String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  private static ThreadFactory daemonThreads() {
    final AtomicInteger count = new AtomicInteger();
    return runnable -> {
      final Thread thread = new Thread(runnable, "xrelay-lease-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
