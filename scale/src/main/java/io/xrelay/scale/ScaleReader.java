package io.xrelay.scale;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads SCALE values from a byte array. It never reads past its end: every malformed input raises a
 * {@link ScaleDecodeException} naming the offset and the type being read. Offsets are relative to
 * the start of the input the reader was created on.
 *
 * <p>Not thread safe; a reader is a cursor.
 */
public final class ScaleReader {
  /** Largest byte length a compact big-integer may take (2^536 needs 67 bytes). */
  private static final int MAX_COMPACT_BYTES = 67;

  /** Collections of zero-sized elements carry no bytes to bound them, so cap them outright. */
  private static final int MAX_ZERO_SIZED_ELEMENTS = 1 << 16;

  private final byte[] data;
  private final int start;
  private final int end;
  private int position;

  private ScaleReader(final byte[] data, final int start, final int end) {
    this.data = data;
    this.start = start;
    this.end = end;
    this.position = start;
  }

  public static ScaleReader of(final byte[] data) {
    return new ScaleReader(data, 0, data.length);
  }

  /**
   * A reader over {@code data[offset, offset + length)}; offsets are reported from {@code offset}.
   */
  public static ScaleReader of(final byte[] data, final int offset, final int length) {
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new IndexOutOfBoundsException(
          "range [" + offset + ", " + offset + "+" + length + ") of " + data.length + " bytes");
    }
    return new ScaleReader(data, offset, offset + length);
  }

  public static ScaleReader ofHex(final CharSequence hex) {
    return of(Hex.decode(hex));
  }

  /** An independent cursor at the same position, for peeking without moving this one. */
  public ScaleReader lookahead() {
    final ScaleReader copy = new ScaleReader(data, start, end);
    copy.position = position;
    return copy;
  }

  /** Current offset from the start of the input. */
  public int position() {
    return position - start;
  }

  public int remaining() {
    return end - position;
  }

  public boolean hasRemaining() {
    return position < end;
  }

  /** Fails unless every byte was consumed; {@code typeName} names what was being decoded. */
  public void requireEnd(final String typeName) {
    if (position != end) {
      throw error(typeName, (end - position) + " bytes left over after the value");
    }
  }

  /** Builds the typed error at the current offset. */
  public ScaleDecodeException error(final String typeName, final String reason) {
    return new ScaleDecodeException(position - start, typeName, reason);
  }

  /** Builds the typed error at an earlier offset (relative to the input's start). */
  public ScaleDecodeException errorAt(
      final int offset, final String typeName, final String reason) {
    return new ScaleDecodeException(offset, typeName, reason);
  }

  private void need(final int count, final String typeName) {
    if (count > end - position) {
      throw error(typeName, "needs " + bytes(count) + ", " + (end - position) + " remain");
    }
  }

  private static String bytes(final int count) {
    return count == 1 ? "1 byte" : count + " bytes";
  }

  // ---- fixed-width integers (little endian) ----

  public int readU8() {
    need(1, "u8");
    return data[position++] & 0xff;
  }

  public int readU16() {
    need(2, "u16");
    final int value = (data[position] & 0xff) | (data[position + 1] & 0xff) << 8;
    position += 2;
    return value;
  }

  /** An unsigned 32-bit integer, widened to {@code long}. */
  public long readU32() {
    need(4, "u32");
    final long value = readIntLe(position) & 0xffffffffL;
    position += 4;
    return value;
  }

  /**
   * An unsigned 64-bit integer in a {@code long}'s bits: use the {@code Long.*Unsigned} methods.
   */
  public long readU64() {
    need(8, "u64");
    final long value = readLongLe(position);
    position += 8;
    return value;
  }

  public BigInteger readU128() {
    return readUnsignedBig(16, "u128");
  }

  public BigInteger readU256() {
    return readUnsignedBig(32, "u256");
  }

  public byte readI8() {
    need(1, "i8");
    return data[position++];
  }

  public short readI16() {
    need(2, "i16");
    final short value = (short) ((data[position] & 0xff) | (data[position + 1] & 0xff) << 8);
    position += 2;
    return value;
  }

  public int readI32() {
    need(4, "i32");
    final int value = readIntLe(position);
    position += 4;
    return value;
  }

  public long readI64() {
    need(8, "i64");
    final long value = readLongLe(position);
    position += 8;
    return value;
  }

  public BigInteger readI128() {
    return new BigInteger(reversed(readRaw(16, "i128")));
  }

  public BigInteger readI256() {
    return new BigInteger(reversed(readRaw(32, "i256")));
  }

  /**
   * An unsigned little-endian integer of {@code byteLength} bytes, e.g. {@code u128} (16) or {@code
   * u256} (32).
   */
  public BigInteger readUnsignedBig(final int byteLength, final String typeName) {
    return new BigInteger(1, reversed(readRaw(byteLength, typeName)));
  }

  private int readIntLe(final int at) {
    return (data[at] & 0xff)
        | (data[at + 1] & 0xff) << 8
        | (data[at + 2] & 0xff) << 16
        | (data[at + 3] & 0xff) << 24;
  }

  private long readLongLe(final int at) {
    return (readIntLe(at) & 0xffffffffL) | ((long) readIntLe(at + 4)) << 32;
  }

  // ---- bool and option ----

  public boolean readBool() {
    need(1, "bool");
    final int b = data[position];
    if (b != 0 && b != 1) {
      throw error("bool", "byte 0x" + Integer.toHexString(b & 0xff) + " is neither 0 nor 1");
    }
    position++;
    return b == 1;
  }

  /** Reads an {@code Option}'s tag: {@code true} when a value follows. */
  public boolean readOptionTag(final String typeName) {
    need(1, typeName);
    final int tag = data[position];
    if (tag != 0 && tag != 1) {
      throw error(
          typeName, "option tag 0x" + Integer.toHexString(tag & 0xff) + " is neither 0 nor 1");
    }
    position++;
    return tag == 1;
  }

  public <T> Optional<T> readOption(final ScaleDecoder<T> decoder) {
    return readOptionTag("Option") ? Optional.of(decoder.decode(this)) : Optional.empty();
  }

  /** {@code Option<bool>} takes one byte: 0 = None, 1 = Some(true), 2 = Some(false). */
  public Optional<Boolean> readOptionBool() {
    need(1, "Option<bool>");
    final int b = data[position];
    if (b < 0 || b > 2) {
      throw error("Option<bool>", "byte 0x" + Integer.toHexString(b & 0xff) + " is not 0, 1 or 2");
    }
    position++;
    return b == 0 ? Optional.empty() : Optional.of(b == 1);
  }

  public <T, E> ScaleResult<T, E> readResult(
      final ScaleDecoder<T> okDecoder, final ScaleDecoder<E> errDecoder) {
    need(1, "Result");
    final int tag = data[position];
    if (tag == 0) {
      position++;
      return ScaleResult.ok(okDecoder.decode(this));
    }
    if (tag == 1) {
      position++;
      return ScaleResult.err(errDecoder.decode(this));
    }
    throw error(
        "Result", "tag 0x" + Integer.toHexString(tag & 0xff) + " is neither 0 (Ok) nor 1 (Err)");
  }

  /** Reads an enum's variant index byte. */
  public int readVariantIndex(final String typeName) {
    need(1, typeName);
    return data[position++] & 0xff;
  }

  // ---- compact integers ----

  /** A compact integer of any size up to 2^536, rejecting non-canonical encodings. */
  public BigInteger readCompact() {
    final int at = position;
    need(1, "Compact");
    final int mode = data[position] & 0b11;
    if (mode != 0b11) {
      return BigInteger.valueOf(readCompactLong("Compact"));
    }
    final int length = ((data[position] & 0xff) >>> 2) + 4;
    need(1 + length, "Compact");
    final byte[] magnitude = new byte[length];
    for (int i = 0; i < length; i++) {
      magnitude[length - 1 - i] = data[position + 1 + i];
    }
    if (magnitude[0] == 0) {
      throw errorAt(at - start, "Compact", "non-canonical big-integer mode (top byte is zero)");
    }
    final BigInteger value = new BigInteger(1, magnitude);
    if (length == 4 && value.bitLength() <= 30) {
      throw errorAt(at - start, "Compact", "non-canonical: " + value + " fits a shorter mode");
    }
    position += 1 + length;
    return value;
  }

  /** A compact integer that must fit in 32 unsigned bits; returns it widened to {@code long}. */
  public long readCompactU32() {
    final int at = position;
    final long value = readCompactLong("Compact<u32>");
    if ((value >>> 32) != 0) {
      throw errorAt(
          at - start, "Compact<u32>", "value " + Long.toUnsignedString(value) + " exceeds u32");
    }
    return value;
  }

  /** A compact integer that must fit in 64 unsigned bits, returned as a {@code long}'s bits. */
  public long readCompactU64() {
    return readCompactLong("Compact<u64>");
  }

  /** A compact length or index that must fit a non-negative {@code int}. */
  public int readCompactInt(final String typeName) {
    final int at = position;
    final long value = readCompactLong(typeName);
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw errorAt(
          at - start,
          typeName,
          "value " + Long.toUnsignedString(value) + " exceeds " + Integer.MAX_VALUE);
    }
    return (int) value;
  }

  private long readCompactLong(final String typeName) {
    need(1, typeName);
    final int at = position;
    final int b0 = data[position] & 0xff;
    switch (b0 & 0b11) {
      case 0b00:
        position++;
        return b0 >>> 2;
      case 0b01:
        {
          need(2, typeName);
          final int value = ((data[position] & 0xff) | (data[position + 1] & 0xff) << 8) >>> 2;
          if (value < 1 << 6) {
            throw errorAt(at - start, typeName, "non-canonical: " + value + " fits a shorter mode");
          }
          position += 2;
          return value;
        }
      case 0b10:
        {
          need(4, typeName);
          final long value = (readIntLe(position) & 0xffffffffL) >>> 2;
          if (value < 1 << 14) {
            throw errorAt(at - start, typeName, "non-canonical: " + value + " fits a shorter mode");
          }
          position += 4;
          return value;
        }
      default:
        {
          final int length = (b0 >>> 2) + 4;
          if (length > 8) {
            throw errorAt(
                at - start, typeName, "big-integer mode of " + length + " bytes exceeds 64 bits");
          }
          need(1 + length, typeName);
          long value = 0;
          for (int i = length - 1; i >= 0; i--) {
            value = (value << 8) | (data[position + 1 + i] & 0xff);
          }
          if ((data[position + length] & 0xff) == 0) {
            throw errorAt(
                at - start, typeName, "non-canonical big-integer mode (top byte is zero)");
          }
          if (length == 4 && value < 1L << 30) {
            throw errorAt(at - start, typeName, "non-canonical: " + value + " fits a shorter mode");
          }
          position += 1 + length;
          return value;
        }
    }
  }

  // ---- bytes, strings and collections ----

  /** Exactly {@code length} raw bytes (a fixed array such as {@code [u8; 32]}). */
  public byte[] readBytes(final int length) {
    return readRaw(length, "[u8; " + length + "]");
  }

  private byte[] readRaw(final int length, final String typeName) {
    need(length, typeName);
    final byte[] out = new byte[length];
    System.arraycopy(data, position, out, 0, length);
    position += length;
    return out;
  }

  /** Skips {@code length} bytes. */
  public void skip(final int length) {
    need(length, "[u8; " + length + "]");
    position += length;
  }

  /** A compact length prefix followed by that many bytes ({@code Vec<u8>}). */
  public byte[] readByteVec() {
    final int length = readLength("Vec<u8>", 1);
    return readRaw(length, "Vec<u8>");
  }

  /** A compact length prefix followed by that many bytes of UTF-8. */
  public String readString() {
    final int length = readLength("String", 1);
    final int at = position;
    final int stop = at + length;
    // Fast path for ASCII, which is every identifier and nearly every doc line in metadata.
    for (int i = at; i < stop; i++) {
      if (data[i] < 0) {
        return readUtf8(at, length);
      }
    }
    position = stop;
    return new String(data, at, length, StandardCharsets.ISO_8859_1);
  }

  private String readUtf8(final int at, final int length) {
    try {
      final CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(data, at, length));
      position = at + length;
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw error("String", "bytes are not valid UTF-8");
    }
  }

  /**
   * Reads a compact collection length and checks it against what remains, so a forged length fails
   * here instead of allocating. {@code minElementSize} is the fewest bytes one element can take (0
   * for zero-sized elements).
   */
  public int readLength(final String typeName, final int minElementSize) {
    final int at = position;
    final int length = readCompactInt(typeName + " length");
    if (minElementSize > 0) {
      if ((long) length * minElementSize > end - position) {
        throw errorAt(
            at - start,
            typeName,
            "length "
                + length
                + " needs at least "
                + (long) length * minElementSize
                + " bytes, "
                + (end - position)
                + " remain");
      }
    } else if (length > MAX_ZERO_SIZED_ELEMENTS) {
      throw errorAt(
          at - start, typeName, "length " + length + " of zero-sized elements is implausible");
    }
    return length;
  }

  public <T> List<T> readVec(final ScaleDecoder<T> decoder) {
    final int length = readLength("Vec", 1);
    final List<T> out = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      out.add(decoder.decode(this));
    }
    return out;
  }

  public <T> List<T> readFixedArray(final int length, final ScaleDecoder<T> decoder) {
    final List<T> out = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      out.add(decoder.decode(this));
    }
    return out;
  }

  // ---- bit sequences ----

  /** {@code BitVec<u8, order>}. */
  public BitSequence readBitSequence(final BitOrder order) {
    return readBitSequence(order, 8);
  }

  /**
   * {@code BitVec<Store, order>} with a store word of {@code storeBits} (8, 16, 32 or 64) bits,
   * each word little endian.
   */
  public BitSequence readBitSequence(final BitOrder order, final int storeBits) {
    final String typeName =
        "BitVec<u" + storeBits + ", " + (order == BitOrder.LSB0 ? "Lsb0" : "Msb0") + ">";
    if (storeBits != 8 && storeBits != 16 && storeBits != 32 && storeBits != 64) {
      throw error(typeName, "unsupported bit store width " + storeBits);
    }
    final int at = position;
    final int size = readCompactInt(typeName + " length");
    final long words = ((long) size + storeBits - 1) / storeBits;
    final long byteCount = words * (storeBits / 8);
    if (byteCount > end - position) {
      throw errorAt(
          at - start,
          typeName,
          size + " bits need " + byteCount + " bytes, " + (end - position) + " remain");
    }
    final BitSet bits = new BitSet(size);
    final int wordBytes = storeBits / 8;
    for (int i = 0; i < size; i++) {
      final int word = i / storeBits;
      final int inWord = i % storeBits;
      final int bitInWord = order == BitOrder.LSB0 ? inWord : storeBits - 1 - inWord;
      final int b = data[position + word * wordBytes + bitInWord / 8];
      if ((b >>> (bitInWord % 8) & 1) != 0) {
        bits.set(i);
      }
    }
    position += (int) byteCount;
    return BitSequence.of(size, bits);
  }

  private static byte[] reversed(final byte[] bytes) {
    for (int i = 0, j = bytes.length - 1; i < j; i++, j--) {
      final byte t = bytes[i];
      bytes[i] = bytes[j];
      bytes[j] = t;
    }
    return bytes;
  }
}
