package io.xrelay.relayer.xcm.tracker;

import java.util.Objects;

/**
 * A chain the tracker knows: its name (as in the config, or {@code network:para} for a chain seen
 * only as a message's origin), its consensus network and its para id ({@link #RELAY} for the relay
 * chain itself).
 */
public record TrackedChain(String name, String network, int paraId) {
  public static final int RELAY = -1;

  public TrackedChain {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(network, "network");
  }

  public boolean isRelay() {
    return paraId == RELAY;
  }
}
