package io.xrelay.scale;

/** Reads one value of {@code T} from a reader. */
@FunctionalInterface
public interface ScaleDecoder<T> {
  T decode(ScaleReader reader);
}
