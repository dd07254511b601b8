package io.xrelay.substrate.value;

import io.xrelay.scale.BitSequence;
import io.xrelay.scale.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SCALE value whose shape comes from a runtime's type registry rather than from Java classes:
 * what {@link ValueCodec} decodes any type id to, and encodes back from.
 *
 * <p>Structs and tuples are {@link Composite}s (named or unnamed fields), enums are {@link
 * Variant}s, {@code Vec<T>} and {@code [T; N]} are {@link Sequence}s except byte collections, which
 * are {@link Bytes}. Every integer, fixed or compact, is an {@link Int}.
 */
public sealed interface Value {

  /** Fields of a struct (all named) or of a tuple or tuple struct ({@code names} empty). */
  record Composite(List<String> names, List<Value> values) implements Value {
    public static final Composite EMPTY = new Composite(List.of(), List.of());

    public Composite {
      if (!names.isEmpty() && names.size() != values.size()) {
        throw new IllegalArgumentException(
            names.size() + " names for " + values.size() + " values");
      }
    }

    public boolean isNamed() {
      return !names.isEmpty();
    }

    public int size() {
      return values.size();
    }

    public Value get(final int index) {
      return values.get(index);
    }

    /** The field named {@code name}, if this composite has one. */
    public Optional<Value> field(final String name) {
      final int index = names.indexOf(name);
      return index < 0 ? Optional.empty() : Optional.of(values.get(index));
    }

    /** The field named {@code name}; fails naming the fields that do exist. */
    public Value require(final String name) {
      return field(name)
          .orElseThrow(
              () -> new IllegalArgumentException("no field '" + name + "' among " + names));
    }
  }

  /** One variant of an enum, with its SCALE index and fields. */
  record Variant(String name, int index, Composite fields) implements Value {}

  record Sequence(List<Value> items) implements Value {}

  /** {@code Vec<u8>} or {@code [u8; N]}. */
  record Bytes(byte[] bytes) implements Value {
    public String hex() {
      return Hex.encode(bytes);
    }

    @Override
    public boolean equals(final Object other) {
      return other instanceof Bytes that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Bytes[" + hex() + "]";
    }
  }

  record Bool(boolean value) implements Value {}

  record Char(int codePoint) implements Value {}

  record Str(String value) implements Value {}

  /** Any integer: u8..u256, i8..i256, or compact. */
  record Int(BigInteger value) implements Value {
    public long longValue() {
      return value.longValueExact();
    }
  }

  record Bits(BitSequence bits) implements Value {}

  /**
   * Follows single-field composites (newtypes such as {@code RuntimeString}) to the inner value.
   */
  static Value unwrapNewtypes(final Value value) {
    Value current = value;
    while (current instanceof Composite composite && composite.size() == 1) {
      current = composite.get(0);
    }
    return current;
  }

  // ---- construction ----

  static Int of(final long value) {
    return new Int(BigInteger.valueOf(value));
  }

  static Int of(final BigInteger value) {
    return new Int(value);
  }

  static Str of(final String value) {
    return new Str(value);
  }

  static Bool of(final boolean value) {
    return new Bool(value);
  }

  static Bytes bytes(final byte[] bytes) {
    return new Bytes(bytes.clone());
  }

  static Bytes hex(final String hex) {
    return new Bytes(Hex.decode(hex));
  }

  static Composite tuple(final Value... values) {
    return new Composite(List.of(), List.of(values));
  }

  /** A struct from alternating names and values: {@code named("who", alice, "amount", of(5))}. */
  static Composite named(final Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must alternate");
    }
    final List<String> names = new ArrayList<>();
    final List<Value> values = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      names.add((String) namesAndValues[i]);
      values.add((Value) namesAndValues[i + 1]);
    }
    return new Composite(Collections.unmodifiableList(names), Collections.unmodifiableList(values));
  }

  static Composite named(final Map<String, Value> fields) {
    return new Composite(List.copyOf(fields.keySet()), List.copyOf(fields.values()));
  }

  static Variant variant(final String name, final Value... fields) {
    return new Variant(name, -1, tuple(fields));
  }

  static Variant variant(final String name, final Composite fields) {
    return new Variant(name, -1, fields);
  }

  static Sequence sequence(final List<? extends Value> items) {
    return new Sequence(List.copyOf(items));
  }
}
