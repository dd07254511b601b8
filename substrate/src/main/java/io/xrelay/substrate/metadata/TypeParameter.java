package io.xrelay.substrate.metadata;

/** A generic parameter of a type; {@code type} is -1 when the parameter is not a concrete type. */
public record TypeParameter(String name, int type) {
  public boolean hasType() {
    return type >= 0;
  }
}
