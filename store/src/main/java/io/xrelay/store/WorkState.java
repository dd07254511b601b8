package io.xrelay.store;

import java.util.Set;

/**
 * Where a work item is in its life. The allowed moves:
 *
 * <pre>
 * PENDING ──> IN_FLIGHT ──> SUBMITTED ──> CONFIRMED
 *    ^            │   │         │
 *    │            │   └─────────┼──> CONFIRMED   (already done on chain: success, not an error)
 *    │            v             v
 *    └──────── FAILED <─────────┘  (transient: retry at retry_at)
 *                 │
 *                 v
 *               DEAD   (permanent, or out of attempts; an operator may retry it)
 * </pre>
 *
 * {@code CONFIRMED} and {@code DEAD} are final; an operator's retry moves {@code DEAD} or {@code
 * FAILED} back to {@code PENDING}.
 */
public enum WorkState {
  PENDING,
  IN_FLIGHT,
  SUBMITTED,
  CONFIRMED,
  FAILED,
  DEAD;

  public boolean isFinal() {
    return this == CONFIRMED || this == DEAD;
  }

  /** Whether the service may move an item from this state to {@code next}. */
  public boolean canMoveTo(final WorkState next) {
    return switch (this) {
      case PENDING -> next == IN_FLIGHT || next == DEAD;
      case IN_FLIGHT -> Set.of(SUBMITTED, CONFIRMED, FAILED, DEAD, PENDING).contains(next);
      case SUBMITTED -> Set.of(CONFIRMED, FAILED, DEAD, IN_FLIGHT).contains(next);
      case FAILED -> next == IN_FLIGHT || next == DEAD || next == PENDING;
      case DEAD -> next == PENDING;
      case CONFIRMED -> false;
    };
  }
}
