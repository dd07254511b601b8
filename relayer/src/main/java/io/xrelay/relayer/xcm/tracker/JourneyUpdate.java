package io.xrelay.relayer.xcm.tracker;

import io.xrelay.store.journey.Journey;
import io.xrelay.store.journey.JourneyLeg;
import io.xrelay.store.journey.JourneyOutcome;
import java.util.List;
import java.util.Set;

/**
 * A journey after a block (or a timeout) changed it, with the legs that block added and whether its
 * outcome changed.
 *
 * @param mergedIds journeys found to be this same one and folded into it: gone from now on
 */
public record JourneyUpdate(
    Journey journey,
    List<JourneyLeg> newLegs,
    JourneyOutcome previousOutcome,
    Set<String> mergedIds) {
  public JourneyUpdate {
    newLegs = List.copyOf(newLegs);
    mergedIds = Set.copyOf(mergedIds);
  }

  public boolean outcomeChanged() {
    return previousOutcome != journey.outcome();
  }
}
