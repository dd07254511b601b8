package io.xrelay.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScaleReaderTest {

  @ParameterizedTest
  @CsvSource({
    "00, 0",
    "04, 1",
    "a8, 42",
    "fc, 63",
    "0101, 64",
    "1501, 69",
    "fdff, 16383",
    "02000100, 16384",
    "feff0300, 65535",
    "feffffff, 1073741823",
    "0300000040, 1073741824",
    "03ffffffff, 4294967295",
    "0b00407a10f35a, 100000000000000",
    "13ffffffffffffffff, 18446744073709551615",
  })
  void shouldDecodeCompactIntegersFromTheSpec(final String hex, final String expected) {
    final ScaleReader reader = ScaleReader.ofHex(hex);
    assertThat(reader.readCompact()).isEqualTo(new BigInteger(expected));
    reader.requireEnd("Compact");
  }

  @Test
  void shouldDecodeTheLargestCompact() {
    final BigInteger max = BigInteger.ONE.shiftLeft(536).subtract(BigInteger.ONE);
    final byte[] encoded = new ScaleWriter().writeCompact(max).toByteArray();
    assertThat(encoded).hasSize(68);
    assertThat(encoded[0] & 0xff).isEqualTo(0xff);
    assertThat(ScaleReader.of(encoded).readCompact()).isEqualTo(max);
  }

  @ParameterizedTest
  @CsvSource({
    "0100, two-byte mode",
    "0200000000, four-byte mode",
    "03ffffff3f, fits a shorter mode",
    "07000000ff00, top byte is zero",
  })
  void shouldRejectNonCanonicalCompacts(final String hex, final String reasonPart) {
    assertThatThrownBy(() -> ScaleReader.ofHex(hex).readCompact())
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("non-canonical")
        .hasMessageContaining("offset 0");
  }

  @Test
  void shouldRejectCompactU32AboveRange() {
    final byte[] encoded = new ScaleWriter().writeCompact(1L << 32).toByteArray();
    assertThatThrownBy(() -> ScaleReader.of(encoded).readCompactU32())
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("Compact<u32>")
        .hasMessageContaining("exceeds u32");
  }

  @Test
  void shouldDecodeFixedWidthIntegersLittleEndian() {
    final ScaleReader reader =
        ScaleReader.ofHex(
            "2a"
                + "3412"
                + "78563412"
                + "efcdab8967452301"
                + "ff"
                + "feff"
                + "ffffffff"
                + "0000000000000080");
    assertThat(reader.readU8()).isEqualTo(42);
    assertThat(reader.readU16()).isEqualTo(0x1234);
    assertThat(reader.readU32()).isEqualTo(0x12345678L);
    assertThat(reader.readU64()).isEqualTo(0x0123456789abcdefL);
    assertThat(reader.readI8()).isEqualTo((byte) -1);
    assertThat(reader.readI16()).isEqualTo((short) -2);
    assertThat(reader.readI32()).isEqualTo(-1);
    assertThat(reader.readI64()).isEqualTo(Long.MIN_VALUE);
    reader.requireEnd("test");
  }

  @Test
  void shouldDecodeWideIntegers() {
    final String u128Max = "ff".repeat(16);
    assertThat(ScaleReader.ofHex(u128Max).readU128())
        .isEqualTo(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
    assertThat(ScaleReader.ofHex(u128Max).readI128()).isEqualTo(BigInteger.valueOf(-1));
    assertThat(ScaleReader.ofHex("01" + "00".repeat(31)).readU256()).isEqualTo(BigInteger.ONE);
    assertThat(ScaleReader.ofHex("00".repeat(31) + "80").readI256())
        .isEqualTo(BigInteger.ONE.shiftLeft(255).negate());
  }

  @Test
  void shouldDecodeOptionsIncludingTheOneByteOptionBool() {
    assertThat(ScaleReader.ofHex("00").readOptionBool()).isEmpty();
    assertThat(ScaleReader.ofHex("01").readOptionBool()).contains(true);
    assertThat(ScaleReader.ofHex("02").readOptionBool()).contains(false);
    assertThatThrownBy(() -> ScaleReader.ofHex("03").readOptionBool())
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("Option<bool>");
    assertThat(ScaleReader.ofHex("012a000000").readOption(ScaleReader::readU32)).contains(42L);
    assertThat(ScaleReader.ofHex("00").readOption(ScaleReader::readU32)).isEmpty();
    assertThatThrownBy(() -> ScaleReader.ofHex("02").readOption(ScaleReader::readU8))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("option tag 0x2");
  }

  @Test
  void shouldDecodeResults() {
    final ScaleResult<Integer, Boolean> ok =
        ScaleReader.ofHex("002a").readResult(ScaleReader::readU8, ScaleReader::readBool);
    final ScaleResult<Integer, Boolean> err =
        ScaleReader.ofHex("0100").readResult(ScaleReader::readU8, ScaleReader::readBool);
    assertThat(ok).isEqualTo(ScaleResult.ok(42));
    assertThat(err).isEqualTo(ScaleResult.err(false));
    assertThatThrownBy(
            () -> ScaleReader.ofHex("0200").readResult(ScaleReader::readU8, ScaleReader::readU8))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("Result");
  }

  @Test
  void shouldDecodeStringsAndVectors() {
    assertThat(ScaleReader.ofHex("1448656c6c6f").readString()).isEqualTo("Hello");
    assertThat(ScaleReader.ofHex("14c3a9e282ac").readString()).isEqualTo("é€");
    assertThat(ScaleReader.ofHex("0c010002000300").readVec(ScaleReader::readU16))
        .isEqualTo(List.of(1, 2, 3));
    assertThat(ScaleReader.ofHex("08abcd").readByteVec()).containsExactly(0xab, 0xcd);
  }

  @Test
  void shouldRejectInvalidUtf8() {
    assertThatThrownBy(() -> ScaleReader.ofHex("08c328").readString())
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("String")
        .hasMessageContaining("UTF-8");
  }

  @Test
  void shouldRejectALengthLargerThanTheInputBeforeAllocating() {
    final byte[] forged =
        new ScaleWriter().writeCompact(Integer.MAX_VALUE).writeU8(1).toByteArray();
    assertThatThrownBy(() -> ScaleReader.of(forged).readVec(ScaleReader::readU32))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("Vec")
        .hasMessageContaining("length 2147483647");
  }

  @Test
  void shouldNameOffsetAndTypeWhenInputEndsEarly() {
    final ScaleReader reader = ScaleReader.ofHex("0102030405");
    reader.readU32();
    assertThatThrownBy(reader::readU64)
        .isInstanceOfSatisfying(
            ScaleDecodeException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(4);
              assertThat(e.typeName()).isEqualTo("u64");
              assertThat(e.getMessage())
                  .isEqualTo("cannot decode u64 at offset 4: needs 8 bytes, 1 remain");
            });
  }

  @Test
  void shouldReportOffsetsRelativeToASlice() {
    final byte[] data = Hex.decode("ffff0102");
    final ScaleReader reader = ScaleReader.of(data, 2, 2);
    reader.readU16();
    assertThatThrownBy(reader::readU8).hasMessageContaining("offset 2");
  }

  @Test
  void shouldRejectBoolsOtherThanZeroOrOne() {
    assertThatThrownBy(() -> ScaleReader.ofHex("02").readBool())
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("bool");
  }

  @Test
  void shouldDecodeBitSequencesInBothOrders() {
    final BitSequence bits =
        BitSequence.of(false, false, true, false, false, true, true, false, true, false);
    assertThat(ScaleReader.ofHex("286401").readBitSequence(BitOrder.LSB0)).isEqualTo(bits);
    assertThat(ScaleReader.ofHex("282680").readBitSequence(BitOrder.MSB0)).isEqualTo(bits);
    assertThat(ScaleReader.ofHex("1030").readBitSequence(BitOrder.MSB0))
        .isEqualTo(BitSequence.of(false, false, true, true));
  }

  @Test
  void shouldDecodeBitSequencesOverWideStores() {
    // 3 bits in one little-endian u32 word, Msb0: bit 0 is the word's bit 31 (last byte's top bit).
    final BitSequence bits = BitSequence.of(true, false, true);
    assertThat(ScaleReader.ofHex("0c000000a0").readBitSequence(BitOrder.MSB0, 32)).isEqualTo(bits);
    assertThat(ScaleReader.ofHex("0c05000000").readBitSequence(BitOrder.LSB0, 32)).isEqualTo(bits);
  }

  @Test
  void shouldRejectABitSequenceLongerThanItsBytes() {
    assertThatThrownBy(() -> ScaleReader.ofHex("4001").readBitSequence(BitOrder.LSB0))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("16 bits need 2 bytes, 1 remain");
  }

  @Test
  void shouldAddContextToErrors() {
    final ScaleDecodeException e =
        new ScaleDecodeException(7, "u32", "needs 4 bytes, 0 remain")
            .within("field b")
            .within("entry 3");
    assertThat(e.getMessage())
        .isEqualTo("entry 3 > field b: cannot decode u32 at offset 7: needs 4 bytes, 0 remain");
    assertThat(e.context()).containsExactly("entry 3", "field b");
  }

  @Test
  void shouldReportTrailingBytes() {
    final ScaleReader reader = ScaleReader.ofHex("0102");
    reader.readU8();
    assertThatThrownBy(() -> reader.requireEnd("Thing"))
        .hasMessage("cannot decode Thing at offset 1: 1 bytes left over after the value");
    assertThat(Optional.of(reader.readU8())).contains(2);
  }
}
