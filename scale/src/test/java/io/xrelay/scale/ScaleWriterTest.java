package io.xrelay.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScaleWriterTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0x00",
    "1, 0x04",
    "63, 0xfc",
    "64, 0x0101",
    "16383, 0xfdff",
    "16384, 0x02000100",
    "1073741823, 0xfeffffff",
    "1073741824, 0x0300000040",
    "100000000000000, 0x0b00407a10f35a",
    "18446744073709551615, 0x13ffffffffffffffff",
  })
  void shouldEncodeCompactsCanonically(final String value, final String hex) {
    assertThat(Hex.encode(new ScaleWriter().writeCompact(new BigInteger(value)).toByteArray()))
        .isEqualTo(hex);
  }

  @Test
  void shouldRoundTripCompactsAcrossEveryModeBoundary() {
    for (int bits = 0; bits <= 536; bits++) {
      final BigInteger power = BigInteger.ONE.shiftLeft(bits);
      for (final BigInteger value :
          List.of(power.subtract(BigInteger.ONE), power, power.add(BigInteger.ONE))) {
        if (value.bitLength() > 536) {
          continue;
        }
        final byte[] encoded = new ScaleWriter().writeCompact(value).toByteArray();
        final ScaleReader reader = ScaleReader.of(encoded);
        assertThat(reader.readCompact()).as("2^%d neighbour %s", bits, value).isEqualTo(value);
        reader.requireEnd("Compact");
      }
    }
  }

  @Test
  void shouldRejectCompactsBeyond536Bits() {
    assertThatThrownBy(() -> new ScaleWriter().writeCompact(BigInteger.ONE.shiftLeft(536)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRoundTripEveryPrimitive() {
    final Random random = new Random(7);
    final BigInteger u128 = new BigInteger(128, random);
    final BigInteger u256 = new BigInteger(256, random);
    final BigInteger i128 = new BigInteger(127, random).negate();
    final BigInteger i256 = new BigInteger(255, random);
    final byte[] encoded =
        new ScaleWriter()
            .writeU8(255)
            .writeU16(65535)
            .writeU32(4294967295L)
            .writeU64(-1L)
            .writeU128(u128)
            .writeU256(u256)
            .writeI8(-128)
            .writeI16(-32768)
            .writeI32(Integer.MIN_VALUE)
            .writeI64(Long.MIN_VALUE)
            .writeI128(i128)
            .writeI256(i256)
            .writeBool(true)
            .writeOption(Optional.of("x"), ScaleWriter::writeString)
            .writeOptionBool(Optional.of(false))
            .writeResult(ScaleResult.err(7), ScaleWriter::writeU8, ScaleWriter::writeU16)
            .writeVec(List.of(1L, 2L), ScaleWriter::writeU32)
            .writeBitSequence(
                BitSequence.of(true, false, true, true, false, false, false, false, true),
                BitOrder.MSB0)
            .toByteArray();
    final ScaleReader reader = ScaleReader.of(encoded);
    assertThat(reader.readU8()).isEqualTo(255);
    assertThat(reader.readU16()).isEqualTo(65535);
    assertThat(reader.readU32()).isEqualTo(4294967295L);
    assertThat(reader.readU64()).isEqualTo(-1L);
    assertThat(reader.readU128()).isEqualTo(u128);
    assertThat(reader.readU256()).isEqualTo(u256);
    assertThat(reader.readI8()).isEqualTo((byte) -128);
    assertThat(reader.readI16()).isEqualTo(Short.MIN_VALUE);
    assertThat(reader.readI32()).isEqualTo(Integer.MIN_VALUE);
    assertThat(reader.readI64()).isEqualTo(Long.MIN_VALUE);
    assertThat(reader.readI128()).isEqualTo(i128);
    assertThat(reader.readI256()).isEqualTo(i256);
    assertThat(reader.readBool()).isTrue();
    assertThat(reader.readOption(ScaleReader::readString)).contains("x");
    assertThat(reader.readOptionBool()).contains(false);
    assertThat(reader.readResult(ScaleReader::readU8, ScaleReader::readU16))
        .isEqualTo(ScaleResult.err(7));
    assertThat(reader.readVec(ScaleReader::readU32)).containsExactly(1L, 2L);
    assertThat(reader.readBitSequence(BitOrder.MSB0))
        .isEqualTo(BitSequence.of(true, false, true, true, false, false, false, false, true));
    reader.requireEnd("all primitives");
  }

  @Test
  void shouldRejectOutOfRangeValues() {
    assertThatThrownBy(() -> new ScaleWriter().writeU8(256))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScaleWriter().writeU32(1L << 32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScaleWriter().writeU128(BigInteger.ONE.shiftLeft(128)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScaleWriter().writeI128(BigInteger.ONE.shiftLeft(127)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldEncodeBitSequencesOverWideStores() {
    final BitSequence bits = BitSequence.of(true, false, true);
    assertThat(
            Hex.encode(new ScaleWriter().writeBitSequence(bits, BitOrder.MSB0, 32).toByteArray()))
        .isEqualTo("0x0c000000a0");
    assertThat(
            Hex.encode(new ScaleWriter().writeBitSequence(bits, BitOrder.LSB0, 64).toByteArray()))
        .isEqualTo("0x0c0500000000000000");
  }
}
