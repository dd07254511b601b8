package io.xrelay.xcm.model;

import java.util.Arrays;
import java.util.List;

/**
 * {@code Junctions}: {@code Here} or {@code X1 .. X8}. On the wire the variant index is the number
 * of junctions and the junctions follow with no length prefix (v3 writes {@code X2(J, J)}, v4 and
 * v5 {@code X2([J; 2])}: the same bytes).
 */
public record Junctions(List<Junction> items) {
  public static final int MAX = 8;
  public static final Junctions HERE = new Junctions(List.of());

  public Junctions {
    if (items.size() > MAX) {
      throw new IllegalArgumentException("at most " + MAX + " junctions, got " + items.size());
    }
    items = List.copyOf(items);
  }

  public static Junctions of(final Junction... junctions) {
    return new Junctions(Arrays.asList(junctions));
  }

  public int size() {
    return items.size();
  }

  public boolean isHere() {
    return items.isEmpty();
  }

  public Junction get(final int index) {
    return items.get(index);
  }

  /** {@code Here} or {@code X1} .. {@code X8}. */
  public String variantName() {
    return items.isEmpty() ? "Here" : "X" + items.size();
  }
}
