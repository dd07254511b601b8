package io.xrelay.scale;

/** SCALE's {@code Result<T, E>}: variant 0 is {@code Ok}, variant 1 is {@code Err}. */
public sealed interface ScaleResult<T, E> {

  record Ok<T, E>(T value) implements ScaleResult<T, E> {}

  record Err<T, E>(E error) implements ScaleResult<T, E> {}

  static <T, E> ScaleResult<T, E> ok(final T value) {
    return new Ok<>(value);
  }

  static <T, E> ScaleResult<T, E> err(final E error) {
    return new Err<>(error);
  }

  default boolean isOk() {
    return this instanceof Ok;
  }
}
