package io.xrelay.relayer.work;

import io.vertx.core.Future;
import io.xrelay.store.WorkItem;

/**
 * The route-specific part of a pipeline: how to do one item, and how to check one after a restart.
 */
public interface WorkHandler {

  /** Does the work of an item that is now IN_FLIGHT. Must not fail: failures are outcomes. */
  Future<WorkOutcome> process(WorkItem item);

  /**
   * Re-checks an item found IN_FLIGHT or SUBMITTED (after a crash, or while waiting for a
   * transaction): already delivered counts as {@link WorkOutcome.Confirmed} or {@link
   * WorkOutcome.AlreadyDone}; not delivered and safe to redo is {@link WorkOutcome.Transient};
   * still waiting is {@link WorkOutcome.Pending}.
   */
  Future<WorkOutcome> reconcile(WorkItem item);
}
