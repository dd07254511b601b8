package io.xrelay.store;

import io.vertx.core.Future;

/**
 * Which live instance owns a route: exactly one at a time. Implementations use coordination the
 * platform already offers (a PostgreSQL session advisory lock held on a dedicated connection, a
 * Kubernetes Lease); with SQLite the single process owns everything.
 */
public interface RouteOwnership {

  /**
   * Tries to take {@code route}; {@code true} when this instance owns it now. Never blocks waiting.
   * Asking again for a route this instance owns answers {@code true} and changes nothing: one
   * {@link #release} gives it up.
   */
  Future<Boolean> tryAcquire(String route);

  /** Gives up {@code route} if owned. */
  Future<Void> release(String route);

  /** Whether this instance still owns {@code route} (false once its lock or lease is gone). */
  boolean owns(String route);

  /** Called when ownership of a route is lost without {@link #release} (connection died). */
  void onLost(java.util.function.Consumer<String> listener);

  Future<Void> stop();
}
