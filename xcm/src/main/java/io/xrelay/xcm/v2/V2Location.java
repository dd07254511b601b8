package io.xrelay.xcm.v2;

import java.util.List;

/** V2 {@code MultiLocation}: parents and {@code Here} or {@code X1 .. X8} (no length prefix). */
public record V2Location(int parents, List<V2Junction> interior) {
  public V2Location {
    if (interior.size() > 8) {
      throw new IllegalArgumentException("at most 8 junctions, got " + interior.size());
    }
    interior = List.copyOf(interior);
  }
}
