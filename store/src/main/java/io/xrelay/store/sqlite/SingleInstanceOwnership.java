package io.xrelay.store.sqlite;

import io.vertx.core.Future;
import io.xrelay.store.RouteOwnership;
import io.xrelay.store.StoreException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Ownership for the embedded store: one process, so it owns every route it asks for, as long as its
 * {@link SqliteWorkStore} holds the database's file lock. The lock, not this class, is what keeps a
 * second relayer off the same database: that one fails at start.
 */
public final class SingleInstanceOwnership implements RouteOwnership {
  private final SqliteWorkStore store;
  private final Set<String> owned = ConcurrentHashMap.newKeySet();
  private volatile boolean stopped;

  public SingleInstanceOwnership(final SqliteWorkStore store) {
    this.store = store;
  }

  @Override
  public Future<Boolean> tryAcquire(final String route) {
    if (stopped) {
      return Future.failedFuture(
          new StoreException("acquire route " + route + ": ownership was stopped", false, null));
    }
    if (!store.holdsDatabase()) {
      return Future.failedFuture(
          new StoreException(
              "acquire route "
                  + route
                  + ": the database "
                  + store.databaseFile()
                  + " is not open in this process",
              false,
              null));
    }
    owned.add(route);
    return Future.succeededFuture(true);
  }

  @Override
  public Future<Void> release(final String route) {
    owned.remove(route);
    return Future.succeededFuture();
  }

  @Override
  public boolean owns(final String route) {
    return owned.contains(route) && store.holdsDatabase();
  }

  /** Never called: a single process loses a route only by giving it up or stopping. */
  @Override
  public void onLost(final Consumer<String> listener) {}

  @Override
  public Future<Void> stop() {
    stopped = true;
    owned.clear();
    return Future.succeededFuture();
  }
}
