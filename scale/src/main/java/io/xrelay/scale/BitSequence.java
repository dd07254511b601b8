package io.xrelay.scale;

import java.util.Arrays;
import java.util.BitSet;

/** An immutable sequence of bits, as SCALE encodes {@code BitVec<Store, Order>}. */
public final class BitSequence {
  private final int size;
  private final BitSet bits;

  private BitSequence(final int size, final BitSet bits) {
    this.size = size;
    this.bits = bits;
  }

  public static BitSequence of(final boolean... values) {
    final BitSet bits = new BitSet(values.length);
    for (int i = 0; i < values.length; i++) {
      bits.set(i, values[i]);
    }
    return new BitSequence(values.length, bits);
  }

  /** A sequence of {@code size} bits whose set positions are taken from {@code bits}. */
  public static BitSequence of(final int size, final BitSet bits) {
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size);
    }
    if (bits.length() > size) {
      throw new IllegalArgumentException(
          "bit " + (bits.length() - 1) + " is set but the sequence has " + size + " bits");
    }
    return new BitSequence(size, (BitSet) bits.clone());
  }

  public int size() {
    return size;
  }

  public boolean get(final int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("bit " + index + " of " + size);
    }
    return bits.get(index);
  }

  /** Number of set bits. */
  public int cardinality() {
    return bits.cardinality();
  }

  /** A copy of the set positions. */
  public BitSet toBitSet() {
    return (BitSet) bits.clone();
  }

  public boolean[] toArray() {
    final boolean[] out = new boolean[size];
    for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
      out[i] = true;
    }
    return out;
  }

  @Override
  public boolean equals(final Object other) {
    return other instanceof BitSequence that && size == that.size && bits.equals(that.bits);
  }

  @Override
  public int hashCode() {
    return 31 * size + bits.hashCode();
  }

  @Override
  public String toString() {
    final char[] chars = new char[size];
    Arrays.fill(chars, '0');
    for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
      chars[i] = '1';
    }
    return "BitSequence[" + new String(chars) + "]";
  }
}
