package io.xrelay.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One unit of work of a route: relay this commitment, deliver that message. Its id is deterministic
 * (route + nonce, or route + block number), so a replay after a crash inserts nothing new.
 *
 * @param id deterministic id, e.g. {@code kusama-beefy/block/1234}
 * @param route the route that owns it
 * @param payload what the route needs to do the work (route-specific JSON or hex; no secrets)
 * @param attempts how many times it was taken in flight
 * @param txHash the submitted transaction, once {@link WorkState#SUBMITTED}
 * @param lastError the last failure, for operators
 * @param retryAt when a {@link WorkState#FAILED} item may be retried
 * @param version optimistic-lock counter, bumped by every change
 */
public record WorkItem(
    String id,
    String route,
    WorkState state,
    String payload,
    int attempts,
    Optional<String> txHash,
    Optional<String> lastError,
    Optional<Instant> retryAt,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** A new item in {@link WorkState#PENDING}. */
  public static WorkItem pending(
      final String id, final String route, final String payload, final Instant now) {
    return new WorkItem(
        id,
        route,
        WorkState.PENDING,
        payload,
        0,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        now,
        now,
        0);
  }
}
