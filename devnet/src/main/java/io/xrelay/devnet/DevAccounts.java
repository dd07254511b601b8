package io.xrelay.devnet;

import io.xrelay.scale.Hex;
import io.xrelay.substrate.keys.KeyPair;
import io.xrelay.substrate.keys.KeyScheme;
import java.util.ArrayList;
import java.util.List;

/** Substrate's well-known dev accounts, in the two schemes the relayer signs with. */
public final class DevAccounts {
  public static final List<String> NAMES =
      List.of("Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie");

  /** What {@code devnet up} gives each account on each chain: 1,000,000 units of 12 decimals. */
  public static final String FUNDING = "1000000000000000000";

  private DevAccounts() {}

  /** 0x-hex account ids of //Alice .. //Ferdie, ed25519 and ECDSA. */
  public static List<String> accountIds() {
    final List<String> ids = new ArrayList<>();
    for (final String name : NAMES) {
      for (final KeyScheme scheme : KeyScheme.values()) {
        ids.add(Hex.encode(KeyPair.fromUri("//" + name, scheme).accountId()));
      }
    }
    return ids;
  }
}
