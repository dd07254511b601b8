package io.xrelay.store.journey;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One XCM message followed across chains.
 *
 * @param messageId the topic when known, else the first id seen (message hash or receiver's id)
 * @param keys every id the chains may report for it: topic, {@code forward_id_for(topic)}, message
 *     hashes of each hop, and bridge lane/nonce keys
 * @param destination the chain it is expected to end on, when known
 * @param sentAtMillis when the first sent leg was seen (block time), or -1 when it was not
 */
public record Journey(
    String messageId,
    String origin,
    Optional<String> destination,
    JourneyOutcome outcome,
    boolean bridged,
    Optional<String> error,
    Set<String> keys,
    List<JourneyLeg> legs,
    long sentAtMillis,
    long updatedAtMillis) {

  public Journey {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(origin, "origin");
    keys = Set.copyOf(keys);
    legs = List.copyOf(legs);
  }
}
