package io.xrelay.substrate.metadata;

/** A type registry whose structure is wrong (missing or misnumbered types), naming the type. */
public final class InvalidRegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int typeId;

  public InvalidRegistryException(final int typeId, final String reason) {
    super("type " + typeId + " " + reason);
    this.typeId = typeId;
  }

  public int typeId() {
    return typeId;
  }
}
