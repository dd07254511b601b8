package io.xrelay.xcm.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.xcm.OcelloidsJourneysTest;
import io.xrelay.xcm.OcelloidsVectorsTest;
import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.framing.XcmpPage;
import io.xrelay.xcm.json.XcmJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of the real messages: every mutant either decodes (and then re-encodes to
 * exactly its bytes and survives JSON) or fails with {@link ScaleDecodeException}; nothing else.
 */
class XcmMutationTest {
  private static final int MUTANTS_PER_MESSAGE = 150;

  static List<byte[]> realMessages() {
    final List<byte[]> out = new ArrayList<>();
    OcelloidsVectorsTest.vectors().forEach(v -> out.add(OcelloidsVectorsTest.versionedXcm(v)));
    for (final JsonNode record : OcelloidsJourneysTest.records()) {
      out.add(Hex.decode(record.at("/waypoint/messageData").asText()));
    }
    return out;
  }

  static byte[] mutate(final byte[] original, final Random random) {
    final byte[] bytes = original.clone();
    final int at = random.nextInt(bytes.length);
    return switch (random.nextInt(6)) {
      case 0 -> {
        bytes[at] ^= (byte) (1 << random.nextInt(8));
        yield bytes;
      }
      case 1 -> {
        bytes[at] = (byte) random.nextInt(256);
        yield bytes;
      }
      case 2 -> Arrays.copyOf(bytes, at);
      case 3 -> {
        final byte[] longer = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, longer, 0, at);
        longer[at] = (byte) random.nextInt(256);
        System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
        yield longer;
      }
      case 4 -> {
        final byte[] shorter = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, shorter, 0, at);
        System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
        yield shorter;
      }
      default -> {
        for (int i = 0; i < 4; i++) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        yield bytes;
      }
    };
  }

  @Test
  void shouldOnlyEverRaiseTheTypedErrorOnMutatedRealMessages() {
    final Random random = new Random(20250401L);
    int decoded = 0;
    int refused = 0;
    for (final byte[] message : realMessages()) {
      for (int i = 0; i < MUTANTS_PER_MESSAGE; i++) {
        final byte[] mutant = mutate(message, random);
        try {
          final VersionedXcm value = XcmCodec.decodeVersionedXcm(mutant);
          assertThat(XcmCodec.encode(value)).as(Hex.encode(mutant)).isEqualTo(mutant);
          XcmJson.toJsonString(value);
          decoded++;
        } catch (ScaleDecodeException expected) {
          assertThat(expected.offset()).isBetween(0, mutant.length);
          refused++;
        } catch (RuntimeException | Error other) {
          fail("mutant " + Hex.encode(mutant) + " raised " + other, other);
        }
        final byte[] page = new byte[mutant.length + 1];
        System.arraycopy(mutant, 0, page, 1, mutant.length);
        try {
          XcmpPage.decode(page);
        } catch (ScaleDecodeException expected) {
          refused++;
        } catch (RuntimeException | Error other) {
          fail("page of mutant " + Hex.encode(mutant) + " raised " + other, other);
        }
      }
    }
    assertThat(decoded).as("some mutants stay valid XCM").isGreaterThan(1_000);
    assertThat(refused).as("most mutants break").isGreaterThan(decoded);
  }
}
