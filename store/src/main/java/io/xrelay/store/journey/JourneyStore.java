package io.xrelay.store.journey;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Durable XCM journeys: what the tracker matched survives restarts and is served to the API. One
 * interface, SQLite and PostgreSQL implementations passing one contract test. Every method
 * completes on the caller's Vert.x context; failures are {@link io.xrelay.store.StoreException}s.
 */
public interface JourneyStore {

  /** Creates the schema if needed. Idempotent. */
  Future<Void> start();

  Future<Void> stop();

  /**
   * Saves a journey: its own fields replace the stored ones, its legs and keys are added to those
   * stored (one leg per {@link JourneyLeg#key()}, so saving the same block twice adds nothing), in
   * one transaction.
   */
  Future<Void> upsert(Journey journey);

  /** The journey with this message id, else the one any chain reported under this id. */
  Future<Optional<Journey>> get(String idOrKey);

  Future<List<Journey>> list(JourneyQuery query);

  /** Journeys still {@link JourneyOutcome#PENDING}, oldest first: the matcher's state at start. */
  Future<List<Journey>> pending(int limit);

  /** Removes a journey (one merged into another); {@code false} when there was none. */
  Future<Boolean> delete(String messageId);
}
