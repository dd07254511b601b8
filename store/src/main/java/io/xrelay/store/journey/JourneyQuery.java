package io.xrelay.store.journey;

import java.util.Optional;

/** Which journeys to list: every filter that is present must match; newest change first. */
public record JourneyQuery(
    Optional<String> origin,
    Optional<String> destination,
    Optional<JourneyOutcome> outcome,
    int limit) {

  public JourneyQuery {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
  }

  public static JourneyQuery all(final int limit) {
    return new JourneyQuery(Optional.empty(), Optional.empty(), Optional.empty(), limit);
  }
}
