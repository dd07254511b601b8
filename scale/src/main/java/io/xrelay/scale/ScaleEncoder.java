package io.xrelay.scale;

/** Writes one value of {@code T} to a writer. */
@FunctionalInterface
public interface ScaleEncoder<T> {
  void encode(ScaleWriter writer, T value);
}
