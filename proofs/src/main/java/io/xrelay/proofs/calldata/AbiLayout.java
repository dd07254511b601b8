package io.xrelay.proofs.calldata;

import io.xrelay.proofs.MalformedProofException;
import java.util.List;

/**
 * The shape of ABI-encoded arguments, used to check every offset and length in untrusted calldata
 * before web3j decodes it: web3j trusts them (it sizes lists from the encoded length and cuts
 * strings at encoded offsets), so a forged length could exhaust memory instead of failing.
 */
sealed interface AbiLayout {
  int WORD = 32;

  /** A static 32-byte value (uintN, bytesN, address). */
  record Word() implements AbiLayout {}

  /** {@code bytes}. */
  record Bytes() implements AbiLayout {}

  /** {@code T[]}. */
  record Array(AbiLayout element) implements AbiLayout {}

  /** A struct or an argument list. */
  record Tuple(List<AbiLayout> fields) implements AbiLayout {}

  AbiLayout WORD_TYPE = new Word();
  AbiLayout BYTES = new Bytes();

  default boolean isDynamic() {
    if (this instanceof Tuple tuple) {
      return tuple.fields().stream().anyMatch(AbiLayout::isDynamic);
    }
    return !(this instanceof Word);
  }

  /** Bytes this type takes in its enclosing head. */
  default int headSize() {
    if (this instanceof Tuple tuple && !isDynamic()) {
      return tuple.fields().stream().mapToInt(AbiLayout::headSize).sum();
    }
    return WORD;
  }

  static Tuple tuple(final AbiLayout... fields) {
    return new Tuple(List.of(fields));
  }

  static Array array(final AbiLayout element) {
    return new Array(element);
  }

  /**
   * Checks that {@code data} (calldata after the selector) holds a value of {@code layout}.
   *
   * @throws MalformedProofException naming the first offset or length that does not fit
   */
  static void check(final byte[] data, final AbiLayout layout) {
    if (data.length % WORD != 0) {
      throw new MalformedProofException(
          "ABI arguments are " + data.length + " bytes, not a whole number of 32-byte words");
    }
    // Honest encodings hold every element once; aliased offsets could make a small input expand
    // into a huge tree of values, so cap the values visited by the input's size.
    new Walker(data, data.length / WORD + 64).visit(layout, 0, "arguments");
  }

  final class Walker {
    private final byte[] data;
    private long budget;

    Walker(final byte[] data, final long budget) {
      this.data = data;
      this.budget = budget;
    }

    void visit(final AbiLayout layout, final int at, final String path) {
      if (--budget < 0) {
        throw new MalformedProofException(path + ": offsets overlap more than an encoding can");
      }
      if (layout instanceof Word) {
        need(at, WORD, path);
      } else if (layout instanceof Bytes) {
        final int length = readInt(at, path + " length");
        need(at + WORD, roundUp(length), path);
      } else if (layout instanceof Array array) {
        final int length = readInt(at, path + " length");
        final int start = at + WORD;
        final long room = data.length - (long) start;
        if ((long) length * array.element().headSize() > room) {
          throw new MalformedProofException(
              path + ": length " + length + " does not fit the " + room + " bytes left");
        }
        for (int i = 0; i < length; i++) {
          element(
              array.element(), start, start + i * array.element().headSize(), path + "[" + i + "]");
        }
      } else if (layout instanceof Tuple tuple) {
        int head = at;
        for (int i = 0; i < tuple.fields().size(); i++) {
          final AbiLayout field = tuple.fields().get(i);
          element(field, at, head, path + "." + i);
          head += field.headSize();
        }
      }
    }

    /** Visits a value whose head is at {@code head}; dynamic values point from {@code base}. */
    private void element(
        final AbiLayout layout, final int base, final int head, final String path) {
      if (layout.isDynamic()) {
        final int offset = readInt(head, path + " offset");
        final long target = (long) base + offset;
        if (target + WORD > data.length) {
          throw new MalformedProofException(
              path + ": offset " + offset + " points past the end (" + data.length + " bytes)");
        }
        visit(layout, (int) target, path);
      } else {
        need(head, layout.headSize(), path);
        if (layout instanceof Tuple) {
          visit(layout, head, path);
        }
      }
    }

    private void need(final long at, final long length, final String path) {
      if (at < 0 || at + length > data.length) {
        throw new MalformedProofException(
            path + ": needs " + length + " bytes at " + at + ", input has " + data.length);
      }
    }

    private int readInt(final int at, final String path) {
      need(at, WORD, path);
      for (int i = 0; i < WORD - 4; i++) {
        if (data[at + i] != 0) {
          throw new MalformedProofException(path + " at byte " + at + " is implausibly large");
        }
      }
      final int value =
          (data[at + 28] & 0xff) << 24
              | (data[at + 29] & 0xff) << 16
              | (data[at + 30] & 0xff) << 8
              | (data[at + 31] & 0xff);
      if (value < 0) {
        throw new MalformedProofException(path + " at byte " + at + " is implausibly large");
      }
      return value;
    }

    private static long roundUp(final int length) {
      return ((long) length + WORD - 1) / WORD * WORD;
    }
  }
}
