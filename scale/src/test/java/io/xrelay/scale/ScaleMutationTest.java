package io.xrelay.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Truncated and bit-flipped inputs must only ever produce the typed {@link ScaleDecodeException}
 * (or decode to some other valid value): never an index, arithmetic or allocation error.
 */
class ScaleMutationTest {

  private record Sample(String name, byte[] encoded, ScaleDecoder<?> decoder) {}

  private static List<Sample> samples() {
    return List.of(
        new Sample(
            "Vec<(String, Option<u128>)>",
            new ScaleWriter()
                .writeCompact(2)
                .writeString("alpha")
                .writeU8(1)
                .writeU128(java.math.BigInteger.TEN.pow(30))
                .writeString("béta")
                .writeU8(0)
                .toByteArray(),
            r -> r.readVec(x -> List.of(x.readString(), x.readOption(ScaleReader::readU128)))),
        new Sample(
            "Result<BitVec<u8,Msb0>, Compact>",
            new ScaleWriter()
                .writeU8(0)
                .writeBitSequence(
                    BitSequence.of(true, true, false, true, true, true, false, false, true, true),
                    BitOrder.MSB0)
                .toByteArray(),
            r -> r.readResult(x -> x.readBitSequence(BitOrder.MSB0), ScaleReader::readCompact)),
        new Sample(
            "(Compact big, Vec<u8>, i256)",
            new ScaleWriter()
                .writeCompact(java.math.BigInteger.TWO.pow(300))
                .writeByteVec(new byte[40])
                .writeI256(java.math.BigInteger.valueOf(-5))
                .toByteArray(),
            r -> List.of(r.readCompact(), r.readByteVec(), r.readI256())));
  }

  @Test
  void shouldOnlyRaiseTheTypedErrorOnTruncations() {
    for (final Sample sample : samples()) {
      for (int length = 0; length < sample.encoded().length; length++) {
        final ScaleReader reader = ScaleReader.of(Arrays.copyOf(sample.encoded(), length));
        assertOnlyTypedError(sample, reader);
      }
    }
  }

  @Test
  void shouldOnlyRaiseTheTypedErrorOnBitFlips() {
    final Random random = new Random(42);
    for (final Sample sample : samples()) {
      for (int round = 0; round < 2_000; round++) {
        final byte[] mutated = sample.encoded().clone();
        final int flips = 1 + random.nextInt(3);
        for (int f = 0; f < flips; f++) {
          final int bit = random.nextInt(mutated.length * 8);
          mutated[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        assertOnlyTypedError(sample, ScaleReader.of(mutated));
      }
    }
  }

  private static void assertOnlyTypedError(final Sample sample, final ScaleReader reader) {
    try {
      sample.decoder().decode(reader);
      reader.requireEnd(sample.name());
    } catch (ScaleDecodeException expected) {
      assertThat(expected.offset()).isBetween(0, sample.encoded().length);
    }
  }
}
