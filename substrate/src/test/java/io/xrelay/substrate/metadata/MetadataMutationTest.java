package io.xrelay.substrate.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.scale.ScaleDecodeException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Random truncations and bit flips of real metadata must produce the typed decode error (or, for a
 * flip that keeps the bytes valid, metadata): never any other exception.
 */
class MetadataMutationTest {
  static final List<String> FILES = MetadataFixtures.FILES;

  private static final int TRUNCATIONS = 40;
  private static final int FLIPS = 120;

  @ParameterizedTest
  @FieldSource("FILES")
  void shouldOnlyRaiseTheTypedErrorWhenTruncated(final String file) {
    final byte[] raw = MetadataFixtures.bytes(file);
    final Random random = new Random(file.hashCode());
    for (int i = 0; i < TRUNCATIONS; i++) {
      final int length = i < 8 ? i : random.nextInt(raw.length);
      final byte[] truncated = Arrays.copyOf(raw, length);
      try {
        MetadataDecoder.decode(truncated);
        throw new AssertionError("a truncation to " + length + " bytes decoded");
      } catch (ScaleDecodeException expected) {
        assertThat(expected.offset()).isBetween(0, length);
      }
    }
  }

  @ParameterizedTest
  @FieldSource("FILES")
  void shouldOnlyRaiseTheTypedErrorWhenBitsFlip(final String file) {
    final byte[] raw = MetadataFixtures.bytes(file);
    final Random random = new Random(~file.hashCode());
    int rejected = 0;
    for (int i = 0; i < FLIPS; i++) {
      final byte[] mutated = raw.clone();
      final int flips = 1 + random.nextInt(4);
      for (int f = 0; f < flips; f++) {
        // Half the flips land in the first 4 KiB, where lengths, tags and ids are densest.
        final int range = random.nextBoolean() ? Math.min(4096, raw.length) : raw.length;
        final int bit = random.nextInt(range * 8);
        mutated[bit / 8] ^= (byte) (1 << (bit % 8));
      }
      try {
        MetadataDecoder.decode(mutated);
      } catch (ScaleDecodeException expected) {
        rejected++;
        assertThat(expected.offset()).isBetween(0, mutated.length);
      }
    }
    assertThat(rejected).as("flips that broke the structure").isPositive();
  }
}
