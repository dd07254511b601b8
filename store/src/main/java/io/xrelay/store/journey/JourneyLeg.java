package io.xrelay.store.journey;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a journey seen on one chain: the message sent, carried by the relay, received and
 * executed, or passed over a bridge.
 *
 * @param key unique within the journey and stable across replays of the same block
 * @param to where a sent leg goes (a chain name, {@code bridge}), when known
 * @param event the event (or storage/inherent) that showed it, e.g. {@code MessageQueue.Processed}
 * @param outcome {@code success}/{@code fail} where the step reports one
 * @param assetsTrapped the {@code AssetsTrapped} event's fields as JSON, when assets were trapped
 */
public record JourneyLeg(
    String key,
    Kind kind,
    String chain,
    Optional<String> to,
    long block,
    String blockHash,
    String event,
    Optional<String> outcome,
    Optional<String> error,
    Optional<String> assetsTrapped,
    long timeMillis) {

  /** What a leg records. */
  public enum Kind {
    SENT,
    RELAYED,
    RECEIVED,
    BRIDGE_OUT,
    BRIDGE_IN;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Kind ofLabel(final String label) {
      return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  public JourneyLeg {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(assetsTrapped, "assetsTrapped");
  }
}
