package io.xrelay.substrate.events;

import io.xrelay.substrate.value.Value;
import java.util.List;

/**
 * One entry of {@code System.Events}: when in the block it happened, which pallet and event, the
 * event's fields as decoded through the metadata, and its topics (0x-hex).
 *
 * @param extrinsicIndex the extrinsic's index in the block for {@link Phase#APPLY_EXTRINSIC}, else
 *     -1
 */
public record EventRecord(
    Phase phase,
    long extrinsicIndex,
    String pallet,
    int palletIndex,
    String name,
    int eventIndex,
    Value.Composite fields,
    List<String> topics) {

  /** Where in block execution an event was emitted. */
  public enum Phase {
    APPLY_EXTRINSIC,
    FINALIZATION,
    INITIALIZATION
  }

  /** {@code Pallet.Event}, e.g. {@code Balances.Transfer}. */
  public String qualifiedName() {
    return pallet + "." + name;
  }

  public boolean is(final String palletName, final String eventName) {
    return pallet.equals(palletName) && name.equals(eventName);
  }
}
