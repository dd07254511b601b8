package io.xrelay.store.postgres;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import io.xrelay.store.RouteOwnership;
import io.xrelay.store.StoreException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Route ownership through PostgreSQL session-level advisory locks, one per route, all held on one
 * dedicated connection of this instance (never a pooled one, which would hand the session and its
 * locks to other work). PostgreSQL releases a session's locks the moment the session ends, so when
 * an instance dies another one's {@link #tryAcquire} succeeds.
 *
 * <p>This instance notices the loss of its connection by the connection's close event, or by a
 * {@code SELECT 1} every {@code checkInterval} that does not answer within three intervals (a
 * connection that went silent without closing). Then every route it held fires {@link #onLost} and
 * {@link #owns} turns false. Until it notices, it may still believe it owns a route that another
 * instance has already taken: for that window the compare-and-set transitions of the store, and the
 * new owner's re-check of on-chain state before resending, keep the work single.
 *
 * <p>A lock command whose answer is lost leaves the server's lock state unknown, so the connection
 * is dropped then: every route is released on the server and reported lost here, rather than kept
 * locked by a session that believes it holds nothing. The next {@link #tryAcquire} connects again.
 */
public final class PostgresAdvisoryLockOwnership implements RouteOwnership {
  private static final System.Logger LOG =
      System.getLogger(PostgresAdvisoryLockOwnership.class.getName());

  private final Vertx vertx;
  private final PgConnectOptions connectOptions;
  private final String namespace;
  private final long checkIntervalMillis;
  private final long answerTimeoutMillis;

  private final Set<String> held = ConcurrentHashMap.newKeySet();
  private final List<Consumer<String>> lostListeners = new CopyOnWriteArrayList<>();

  // Guarded by this.
  private PgConnection connection;
  private Future<PgConnection> connecting;
  private long checkTimer = -1;
  private boolean checking;
  private Future<?> lockCommands = Future.succeededFuture();
  private boolean stopped;
  private Future<Void> stopping;

  /**
   * @param namespace separates lock keys of unrelated deployments on one database (e.g. the store's
   *     schema); instances that compete for the same routes must use the same one
   * @param instanceName shown as the connection's {@code application_name} to operators
   * @param checkInterval how often the dedicated connection is checked (1 second is a good default)
   */
  public PostgresAdvisoryLockOwnership(
      final Vertx vertx,
      final PgConnectOptions connectOptions,
      final String namespace,
      final String instanceName,
      final Duration checkInterval) {
    if (checkInterval.toMillis() < 1) {
      throw new IllegalArgumentException(
          "checkInterval must be at least 1 ms, got " + checkInterval);
    }
    this.vertx = vertx;
    this.namespace = namespace;
    this.checkIntervalMillis = checkInterval.toMillis();
    this.answerTimeoutMillis = Math.max(1_000, 3 * checkIntervalMillis);
    final String applicationName = "xrelay-routes " + instanceName;
    this.connectOptions =
        new PgConnectOptions(connectOptions)
            .setCachePreparedStatements(true)
            .addProperty(
                "application_name",
                applicationName.length() > 63 ? applicationName.substring(0, 63) : applicationName)
            // If this host vanishes without closing the socket, the server ends the session (and
            // frees the routes) after about 20 s instead of the OS default of two hours.
            .addProperty("tcp_keepalives_idle", "10")
            .addProperty("tcp_keepalives_interval", "5")
            .addProperty("tcp_keepalives_count", "2");
  }

  /** The advisory lock key of {@code route} in this instance's namespace. */
  public long lockKey(final String route) {
    return AdvisoryLockKey.of(namespace, route);
  }

  /**
   * The server process of the dedicated connection, while there is one (for logs and operators).
   */
  public synchronized OptionalInt backendProcessId() {
    return connection == null ? OptionalInt.empty() : OptionalInt.of(connection.processId());
  }

  @Override
  public Future<Boolean> tryAcquire(final String route) {
    final String operation = "acquire route " + route;
    return inTurn(
        operation,
        () -> {
          if (held.contains(route)) {
            // Advisory locks count: locking again would need two unlocks to free the route.
            return Future.succeededFuture(true);
          }
          return connection()
              .compose(
                  current ->
                      current
                          .preparedQuery("SELECT pg_try_advisory_lock($1)")
                          .execute(Tuple.of(lockKey(route)))
                          .timeout(answerTimeoutMillis, TimeUnit.MILLISECONDS)
                          .onFailure(e -> drop(current, operation + " got no answer: " + e))
                          .map(rows -> rows.iterator().next().getBoolean(0))
                          .map(acquired -> acquired && keep(current, route)));
        });
  }

  @Override
  public Future<Void> release(final String route) {
    final String operation = "release route " + route;
    return inTurn(
        operation,
        () -> {
          final PgConnection current;
          synchronized (this) {
            current = connection;
          }
          if (current == null || !held.remove(route)) {
            return Future.succeededFuture();
          }
          return current
              .preparedQuery("SELECT pg_advisory_unlock($1)")
              .execute(Tuple.of(lockKey(route)))
              .timeout(answerTimeoutMillis, TimeUnit.MILLISECONDS)
              .<Void>mapEmpty()
              // Dropping the connection frees the route on the server too: released either way.
              .recover(
                  e -> {
                    drop(current, operation + " got no answer: " + e);
                    return Future.succeededFuture();
                  });
        });
  }

  @Override
  public boolean owns(final String route) {
    return held.contains(route);
  }

  @Override
  public void onLost(final Consumer<String> listener) {
    lostListeners.add(listener);
  }

  @Override
  public synchronized Future<Void> stop() {
    if (stopping == null) {
      stopped = true;
      held.clear();
      final PgConnection current = connection;
      connection = null;
      cancelCheck();
      // Closing the session releases every lock it holds; no unlock per route is needed.
      stopping = current == null ? Future.succeededFuture() : current.close();
    }
    return stopping;
  }

  /** Runs lock commands one after another, so a route is never locked twice by one session. */
  private synchronized <T> Future<T> inTurn(
      final String operation, final Supplier<Future<T>> command) {
    if (stopped) {
      return Future.failedFuture(
          new StoreException(operation + ": route ownership was stopped", false, null));
    }
    final Promise<T> result = Promise.promise();
    lockCommands =
        lockCommands.transform(
            previous -> {
              final Future<T> next = command.get();
              next.onComplete(
                  outcome ->
                      result.handle(
                          outcome.succeeded()
                              ? outcome
                              : Future.failedFuture(
                                  PostgresFailure.of(operation, outcome.cause()))));
              return next.transform(ignored -> Future.succeededFuture());
            });
    return result.future();
  }

  private synchronized Future<PgConnection> connection() {
    if (stopped) {
      return Future.failedFuture(new StoreException("route ownership was stopped", false, null));
    }
    if (connection != null) {
      return Future.succeededFuture(connection);
    }
    if (connecting == null) {
      connecting = PgConnection.connect(vertx, connectOptions).andThen(this::connected);
    }
    return connecting;
  }

  private synchronized void connected(final AsyncResult<PgConnection> outcome) {
    connecting = null;
    if (outcome.failed()) {
      return;
    }
    final PgConnection opened = outcome.result();
    if (stopped) {
      opened.close();
      return;
    }
    connection = opened;
    opened.exceptionHandler(
        e ->
            LOG.log(
                System.Logger.Level.WARNING,
                "route lock connection to backend {0}: {1}",
                String.valueOf(opened.processId()),
                e.getMessage()));
    opened.closeHandler(ignored -> lost(opened, "the connection closed"));
    checkTimer = vertx.setPeriodic(checkIntervalMillis, ignored -> check(opened));
    LOG.log(
        System.Logger.Level.INFO,
        "route locks on PostgreSQL backend {0} ({1})",
        String.valueOf(opened.processId()),
        namespace);
  }

  private void check(final PgConnection current) {
    synchronized (this) {
      if (checking || connection != current) {
        return;
      }
      checking = true;
    }
    current
        .query("SELECT 1")
        .execute()
        .timeout(answerTimeoutMillis, TimeUnit.MILLISECONDS)
        .onComplete(
            outcome -> {
              synchronized (this) {
                checking = false;
              }
              if (outcome.failed()) {
                drop(current, "the connection check failed: " + outcome.cause());
              }
            });
  }

  /** Whether {@code route}'s lock, just granted on {@code current}, is still held by this side. */
  private synchronized boolean keep(final PgConnection current, final String route) {
    if (connection != current) {
      // The session that took the lock is gone, and its lock with it.
      return false;
    }
    held.add(route);
    return true;
  }

  private void drop(final PgConnection current, final String reason) {
    lost(current, reason);
    current.close();
  }

  private void lost(final PgConnection current, final String reason) {
    final List<String> routes;
    synchronized (this) {
      if (connection != current) {
        return;
      }
      connection = null;
      cancelCheck();
      routes = List.copyOf(held);
      held.clear();
    }
    for (final String route : routes) {
      LOG.log(System.Logger.Level.WARNING, "lost route {0}: {1}", route, reason);
      for (final Consumer<String> listener : lostListeners) {
        listener.accept(route);
      }
    }
  }

  private void cancelCheck() {
    if (checkTimer >= 0) {
      vertx.cancelTimer(checkTimer);
      checkTimer = -1;
    }
    checking = false;
  }
}
