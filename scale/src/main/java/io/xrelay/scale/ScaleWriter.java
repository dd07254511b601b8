package io.xrelay.scale;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/** Writes SCALE values into a growing byte array. Not thread safe. */
public final class ScaleWriter {
  private static final BigInteger MAX_COMPACT =
      BigInteger.ONE.shiftLeft(536).subtract(BigInteger.ONE);
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private byte[] buffer;
  private int size;

  public ScaleWriter() {
    this(64);
  }

  public ScaleWriter(final int initialCapacity) {
    this.buffer = new byte[Math.max(16, initialCapacity)];
  }

  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  private void ensure(final int extra) {
    if (size + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
    }
  }

  // ---- fixed-width integers ----

  public ScaleWriter writeU8(final int value) {
    checkRange(value, 0, 0xff, "u8");
    ensure(1);
    buffer[size++] = (byte) value;
    return this;
  }

  public ScaleWriter writeU16(final int value) {
    checkRange(value, 0, 0xffff, "u16");
    ensure(2);
    buffer[size++] = (byte) value;
    buffer[size++] = (byte) (value >>> 8);
    return this;
  }

  public ScaleWriter writeU32(final long value) {
    if ((value >>> 32) != 0) {
      throw new IllegalArgumentException("u32 out of range: " + value);
    }
    return writeIntLe((int) value);
  }

  /** Writes the 64 bits of {@code value} (read as unsigned). */
  public ScaleWriter writeU64(final long value) {
    return writeLongLe(value);
  }

  public ScaleWriter writeU128(final BigInteger value) {
    return writeUnsignedBig(value, 16, "u128");
  }

  public ScaleWriter writeU256(final BigInteger value) {
    return writeUnsignedBig(value, 32, "u256");
  }

  public ScaleWriter writeI8(final int value) {
    checkRange(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "i8");
    ensure(1);
    buffer[size++] = (byte) value;
    return this;
  }

  public ScaleWriter writeI16(final int value) {
    checkRange(value, Short.MIN_VALUE, Short.MAX_VALUE, "i16");
    ensure(2);
    buffer[size++] = (byte) value;
    buffer[size++] = (byte) (value >>> 8);
    return this;
  }

  public ScaleWriter writeI32(final int value) {
    return writeIntLe(value);
  }

  public ScaleWriter writeI64(final long value) {
    return writeLongLe(value);
  }

  public ScaleWriter writeI128(final BigInteger value) {
    return writeSignedBig(value, 16, "i128");
  }

  public ScaleWriter writeI256(final BigInteger value) {
    return writeSignedBig(value, 32, "i256");
  }

  /** Little-endian unsigned integer of {@code byteLength} bytes. */
  public ScaleWriter writeUnsignedBig(
      final BigInteger value, final int byteLength, final String typeName) {
    if (value.signum() < 0 || value.bitLength() > byteLength * 8) {
      throw new IllegalArgumentException(typeName + " out of range: " + value);
    }
    return writeLittleEndian(value, byteLength);
  }

  private ScaleWriter writeSignedBig(
      final BigInteger value, final int byteLength, final String typeName) {
    if (value.bitLength() > byteLength * 8 - 1) {
      throw new IllegalArgumentException(typeName + " out of range: " + value);
    }
    return writeLittleEndian(value, byteLength);
  }

  private ScaleWriter writeLittleEndian(final BigInteger value, final int byteLength) {
    final byte[] be = value.toByteArray();
    final byte pad = (byte) (value.signum() < 0 ? 0xff : 0);
    ensure(byteLength);
    for (int i = 0; i < byteLength; i++) {
      final int from = be.length - 1 - i;
      buffer[size + i] = from >= 0 ? be[from] : pad;
    }
    size += byteLength;
    return this;
  }

  private ScaleWriter writeIntLe(final int value) {
    ensure(4);
    buffer[size++] = (byte) value;
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) (value >>> 16);
    buffer[size++] = (byte) (value >>> 24);
    return this;
  }

  private ScaleWriter writeLongLe(final long value) {
    writeIntLe((int) value);
    return writeIntLe((int) (value >>> 32));
  }

  private static void checkRange(
      final long value, final long min, final long max, final String typeName) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(typeName + " out of range: " + value);
    }
  }

  // ---- bool, option, result, enum ----

  public ScaleWriter writeBool(final boolean value) {
    return writeU8(value ? 1 : 0);
  }

  public <T> ScaleWriter writeOption(
      final Optional<T> value, final ScaleEncoder<? super T> encoder) {
    if (value.isEmpty()) {
      return writeU8(0);
    }
    writeU8(1);
    encoder.encode(this, value.get());
    return this;
  }

  /** {@code Option<bool>} in its one-byte form. */
  public ScaleWriter writeOptionBool(final Optional<Boolean> value) {
    return writeU8(value.isEmpty() ? 0 : value.get() ? 1 : 2);
  }

  public <T, E> ScaleWriter writeResult(
      final ScaleResult<T, E> result,
      final ScaleEncoder<? super T> okEncoder,
      final ScaleEncoder<? super E> errEncoder) {
    if (result instanceof ScaleResult.Ok<T, E> ok) {
      writeU8(0);
      okEncoder.encode(this, ok.value());
    } else {
      writeU8(1);
      errEncoder.encode(this, ((ScaleResult.Err<T, E>) result).error());
    }
    return this;
  }

  public ScaleWriter writeVariantIndex(final int index) {
    return writeU8(index);
  }

  // ---- compact ----

  public ScaleWriter writeCompact(final long value) {
    if (value < 0) {
      return writeCompact(new BigInteger(Long.toUnsignedString(value)));
    }
    if (value < 1 << 6) {
      return writeU8((int) (value << 2));
    }
    if (value < 1 << 14) {
      return writeU16((int) (value << 2) | 0b01);
    }
    if (value < 1 << 30) {
      return writeIntLe((int) (value << 2) | 0b10);
    }
    final int bytes = (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
    ensure(1 + bytes);
    buffer[size++] = (byte) (((bytes - 4) << 2) | 0b11);
    for (int i = 0; i < bytes; i++) {
      buffer[size++] = (byte) (value >>> (8 * i));
    }
    return this;
  }

  public ScaleWriter writeCompact(final BigInteger value) {
    if (value.signum() < 0 || value.compareTo(MAX_COMPACT) > 0) {
      throw new IllegalArgumentException("compact out of range (0 .. 2^536-1): " + value);
    }
    if (value.compareTo(U64_MAX) <= 0 && value.bitLength() < 64) {
      return writeCompact(value.longValueExact());
    }
    final int bytes = (value.bitLength() + 7) / 8;
    ensure(1 + bytes);
    buffer[size++] = (byte) (((bytes - 4) << 2) | 0b11);
    return writeLittleEndian(value, bytes);
  }

  // ---- bytes, strings, collections ----

  /** Raw bytes with no length prefix (a fixed array, or an already encoded value). */
  public ScaleWriter writeBytes(final byte[] bytes) {
    return writeBytes(bytes, 0, bytes.length);
  }

  public ScaleWriter writeBytes(final byte[] bytes, final int offset, final int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buffer, size, length);
    size += length;
    return this;
  }

  /** {@code Vec<u8>}: a compact length then the bytes. */
  public ScaleWriter writeByteVec(final byte[] bytes) {
    writeCompact(bytes.length);
    return writeBytes(bytes);
  }

  public ScaleWriter writeString(final String value) {
    return writeByteVec(value.getBytes(StandardCharsets.UTF_8));
  }

  public <T> ScaleWriter writeVec(
      final Collection<? extends T> values, final ScaleEncoder<? super T> encoder) {
    writeCompact(values.size());
    for (final T value : values) {
      encoder.encode(this, value);
    }
    return this;
  }

  // ---- bit sequences ----

  public ScaleWriter writeBitSequence(final BitSequence bits, final BitOrder order) {
    return writeBitSequence(bits, order, 8);
  }

  public ScaleWriter writeBitSequence(
      final BitSequence bits, final BitOrder order, final int storeBits) {
    if (storeBits != 8 && storeBits != 16 && storeBits != 32 && storeBits != 64) {
      throw new IllegalArgumentException("unsupported bit store width " + storeBits);
    }
    final int count = bits.size();
    writeCompact(count);
    final int wordBytes = storeBits / 8;
    final int byteCount = (int) (((long) count + storeBits - 1) / storeBits) * wordBytes;
    ensure(byteCount);
    for (int i = 0; i < count; i++) {
      if (bits.get(i)) {
        final int word = i / storeBits;
        final int inWord = i % storeBits;
        final int bitInWord = order == BitOrder.LSB0 ? inWord : storeBits - 1 - inWord;
        buffer[size + word * wordBytes + bitInWord / 8] |= (byte) (1 << (bitInWord % 8));
      }
    }
    size += byteCount;
    return this;
  }
}
