package io.xrelay.devnet.beefy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The justifications of the last {@code capacity} signed blocks, by number and by hash, and the
 * listeners that stream new ones. Bounded like chopsticks' own 500-block memory: older blocks are
 * gone from chopsticks too. Not thread-safe: the voting node uses it on one Vert.x context.
 */
public final class JustificationWindow {
  private final int capacity;
  private final NavigableMap<Long, BeefyJustification> byNumber = new TreeMap<>();
  private final Map<String, BeefyJustification> byHash = new HashMap<>();
  private final List<Consumer<BeefyJustification>> listeners = new ArrayList<>();

  public JustificationWindow(final int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  public int capacity() {
    return capacity;
  }

  /**
   * Adds a justification above every one held (callers drop a replaced fork first with {@link
   * #dropFrom}), evicts the oldest beyond the capacity and tells the listeners.
   */
  public void add(final BeefyJustification justification) {
    if (!byNumber.isEmpty() && justification.number() <= byNumber.lastKey()) {
      throw new IllegalStateException(
          "block "
              + justification.number()
              + " is not above the latest signed block "
              + byNumber.lastKey());
    }
    byNumber.put(justification.number(), justification);
    byHash.put(justification.hash(), justification);
    while (byNumber.size() > capacity) {
      byHash.remove(byNumber.pollFirstEntry().getValue().hash());
    }
    for (final Consumer<BeefyJustification> listener : List.copyOf(listeners)) {
      listener.accept(justification);
    }
  }

  /** Forgets the blocks numbered {@code number} and above: the chain under them was replaced. */
  public void dropFrom(final long number) {
    final NavigableMap<Long, BeefyJustification> dropped = byNumber.tailMap(number, true);
    dropped.values().forEach(justification -> byHash.remove(justification.hash()));
    dropped.clear();
  }

  public Optional<BeefyJustification> latest() {
    return byNumber.isEmpty() ? Optional.empty() : Optional.of(byNumber.lastEntry().getValue());
  }

  public Optional<BeefyJustification> byHash(final String hash) {
    return Optional.ofNullable(byHash.get(hash));
  }

  public Optional<BeefyJustification> byNumber(final long number) {
    return Optional.ofNullable(byNumber.get(number));
  }

  public boolean isEmpty() {
    return byNumber.isEmpty();
  }

  /** The lowest block number held; the window must not be empty. */
  public long lowestNumber() {
    return byNumber.firstKey();
  }

  public int size() {
    return byNumber.size();
  }

  /**
   * Streams every justification added from now on; running the returned action stops the stream.
   */
  public Runnable listen(final Consumer<BeefyJustification> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
