package io.xrelay.xcm.model;

/** {@code Location} (v4, v5) and {@code MultiLocation} (v3): the same bytes. */
public record Location(int parents, Junctions interior) {
  /** The chain interpreting the message. */
  public static final Location HERE = new Location(0, Junctions.HERE);

  /** The parent (the relay chain, seen from a parachain). */
  public static final Location PARENT = new Location(1, Junctions.HERE);

  public Location {
    Unsigned.u8(parents, "Location parents");
  }

  public static Location of(final int parents, final Junction... junctions) {
    return new Location(parents, Junctions.of(junctions));
  }
}
