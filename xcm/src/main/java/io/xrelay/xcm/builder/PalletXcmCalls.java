package io.xrelay.xcm.builder;

import java.util.List;
import java.util.Map;

/**
 * Where pallet-xcm sits in one runtime and how its calls are shaped, as that runtime's metadata
 * says ({@code PolkadotXcm} on parachains, {@code XcmPallet} on relay chains). The builders take
 * every index from here, never from constants, and refuse a call whose arguments differ from the
 * shape they encode.
 */
public record PalletXcmCalls(String palletName, int palletIndex, Map<String, Call> calls) {

  /** One call: its variant index and its arguments (name and Rust type path, in order). */
  public record Call(int index, List<Argument> arguments) {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }

  /** An argument's name and the path of its type, e.g. {@code xcm::VersionedLocation}. */
  public record Argument(String name, String typePath) {}

  public PalletXcmCalls {
    if (palletIndex < 0 || palletIndex > 255) {
      throw new IllegalArgumentException("pallet index must fit u8, got " + palletIndex);
    }
    calls = Map.copyOf(calls);
  }

  /**
   * The call named {@code name}, checked to take exactly {@code expected} arguments in this order.
   *
   * @throws IllegalStateException naming the runtime's shape when it differs
   */
  public Call require(final String name, final List<Argument> expected) {
    final Call call = calls.get(name);
    if (call == null) {
      throw new IllegalStateException(palletName + " has no call " + name);
    }
    if (!call.arguments().equals(expected)) {
      throw new IllegalStateException(
          palletName
              + "."
              + name
              + " takes "
              + call.arguments()
              + ", the builder encodes "
              + expected);
    }
    return call;
  }
}
