package io.xrelay.bench.relayer;

import io.vertx.core.Future;
import io.xrelay.store.Transition;
import io.xrelay.store.WorkItem;
import io.xrelay.store.WorkQuery;
import io.xrelay.store.WorkState;
import io.xrelay.store.WorkStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link WorkStore} that passes every call to another; subclasses observe some of them. */
class ForwardingWorkStore implements WorkStore {
  private final WorkStore delegate;

  ForwardingWorkStore(final WorkStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public Future<Void> start() {
    return delegate.start();
  }

  @Override
  public Future<Void> stop() {
    return delegate.stop();
  }

  @Override
  public Future<Boolean> insert(final WorkItem item) {
    return delegate.insert(item);
  }

  @Override
  public Future<Optional<WorkItem>> get(final String id) {
    return delegate.get(id);
  }

  @Override
  public Future<List<WorkItem>> list(final WorkQuery query) {
    return delegate.list(query);
  }

  @Override
  public Future<List<WorkItem>> due(final String route, final Instant now, final int limit) {
    return delegate.due(route, now, limit);
  }

  @Override
  public Future<List<WorkItem>> inState(
      final String route, final WorkState state, final int limit) {
    return delegate.inState(route, state, limit);
  }

  @Override
  public Future<Optional<WorkItem>> transition(final Transition transition) {
    return delegate.transition(transition);
  }

  @Override
  public Future<Boolean> delete(final String id) {
    return delegate.delete(id);
  }

  @Override
  public Future<Long> purgeConfirmed(final Instant updatedBefore, final int limit) {
    return delegate.purgeConfirmed(updatedBefore, limit);
  }

  @Override
  public Future<Map<WorkState, Long>> countByState(final String route) {
    return delegate.countByState(route);
  }

  @Override
  public Future<Optional<Instant>> oldestOpen(final String route) {
    return delegate.oldestOpen(route);
  }

  @Override
  public Future<Void> saveCheckpoint(final String name, final long value) {
    return delegate.saveCheckpoint(name, value);
  }

  @Override
  public Future<Optional<Long>> checkpoint(final String name) {
    return delegate.checkpoint(name);
  }

  @Override
  public Future<Void> saveRecord(final String name, final String value) {
    return delegate.saveRecord(name, value);
  }

  @Override
  public Future<Optional<String>> record(final String name) {
    return delegate.record(name);
  }

  @Override
  public Future<java.util.SortedMap<String, String>> records(final String prefix) {
    return delegate.records(prefix);
  }

  @Override
  public Future<Long> deleteRecords(final String prefix) {
    return delegate.deleteRecords(prefix);
  }
}
