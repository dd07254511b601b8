package io.xrelay.relayer.xcm.tracker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One decoded event of a block, chain-agnostic: pallet and event names as in the metadata and the
 * fields as JSON (structs as objects, tuples as arrays, enums as {@code {"type", "value"}}, bytes
 * as 0x-hex, big integers as strings).
 *
 * @param index the event's position in the block
 * @param extrinsicIndex the extrinsic that emitted it, or -1 (initialization) or -2 (finalization):
 *     events of one group are matched together
 */
public record ChainEvent(
    int index, long extrinsicIndex, String pallet, String name, JsonNode fields) {
  public boolean is(final String palletName, final String eventName) {
    return pallet.equals(palletName) && name.equals(eventName);
  }

  public String qualifiedName() {
    return pallet + "." + name;
  }
}
