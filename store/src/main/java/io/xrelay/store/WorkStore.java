package io.xrelay.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The relayer's durable outbox: work items, watcher checkpoints and route ownership. One interface,
 * two implementations that pass one contract test suite: SQLite (embedded default) and PostgreSQL
 * (several instances). Every method completes on the caller's Vert.x context; failures are {@link
 * StoreException}s. Times are kept to the microsecond (PostgreSQL's precision), in both stores. A
 * limit below 1 is a programming error: {@link IllegalArgumentException}, thrown at once.
 */
public interface WorkStore {

  /** Creates the schema if needed. Idempotent. */
  Future<Void> start();

  Future<Void> stop();

  /** Inserts a new item; {@code false} (and no change) when an item with that id exists. */
  Future<Boolean> insert(WorkItem item);

  Future<Optional<WorkItem>> get(String id);

  Future<List<WorkItem>> list(WorkQuery query);

  /**
   * Items of {@code route} that can be worked on now: PENDING ones, and FAILED ones whose retry
   * time has come, oldest first.
   */
  Future<List<WorkItem>> due(String route, Instant now, int limit);

  /**
   * Items of {@code route} in a state, oldest first (e.g. IN_FLIGHT and SUBMITTED after a restart).
   */
  Future<List<WorkItem>> inState(String route, WorkState state, int limit);

  /**
   * Applies a compare-and-set transition: returns the updated item, or empty when the item was no
   * longer in {@code from} at {@code expectedVersion} (someone else moved it). The update bumps the
   * version, sets {@code updatedAt} from the store's clock, keeps the tx hash and last error unless
   * the transition brings new ones, and keeps a retry time only in FAILED. A transition that lacks
   * a detail its target needs ({@link Transition#missingDetail()}) fails, not retryable.
   */
  Future<Optional<WorkItem>> transition(Transition transition);

  /**
   * Deletes up to {@code limit} CONFIRMED items last changed before {@code updatedBefore}, so a
   * store that runs for months stays small; returns how many went. DEAD items stay until an
   * operator deletes them. A purged id can be inserted again: routes re-check the chain's state
   * before they redo anything, so keep items for longer than a replay can reach back.
   */
  Future<Long> purgeConfirmed(Instant updatedBefore, int limit);

  /** Deletes an item (operator action); {@code false} when there was none. */
  Future<Boolean> delete(String id);

  /** Number of items per state for a route (every state present, zero when none). */
  Future<Map<WorkState, Long>> countByState(String route);

  /** Creation time of the oldest item of the route that is not final, if any. */
  Future<Optional<Instant>> oldestOpen(String route);

  /** Saves a watcher's checkpoint (e.g. the last processed block of a chain). */
  Future<Void> saveCheckpoint(String name, long value);

  Future<Optional<Long>> checkpoint(String name);

  /**
   * Saves a small named text record that a route keeps beside its items, written before the step it
   * describes (e.g. a signed transaction about to be broadcast), so a restart can resume the step
   * instead of repeating it. Overwrites a record of the same name.
   */
  Future<Void> saveRecord(String name, String value);

  Future<Optional<String>> record(String name);

  /** Every record whose name starts with {@code prefix}, by name. */
  Future<java.util.SortedMap<String, String>> records(String prefix);

  /** Deletes every record whose name starts with {@code prefix}; returns how many. */
  Future<Long> deleteRecords(String prefix);
}
