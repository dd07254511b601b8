package io.xrelay.store;

import java.util.Optional;

/**
 * A filter for listing items; empty fields match everything. Newest first, at most {@code limit}.
 */
public record WorkQuery(Optional<String> route, Optional<WorkState> state, int limit) {
  public WorkQuery {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
  }

  public static WorkQuery all(final int limit) {
    return new WorkQuery(Optional.empty(), Optional.empty(), limit);
  }
}
