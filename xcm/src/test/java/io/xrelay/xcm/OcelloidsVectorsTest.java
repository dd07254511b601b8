package io.xrelay.xcm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.crypto.Blake2b;
import io.xrelay.scale.Hex;
import io.xrelay.xcm.codec.XcmCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

public class OcelloidsVectorsTest {
  static final String VECTORS = "xcm/xcm-vectors-ocelloids.jsonl";

  public static Stream<JsonNode> vectors() {
    return TestFixtures.jsonLines(VECTORS).stream();
  }

  /** The VersionedXcm bytes of a vector, without the XCMP format byte some of them carry. */
  public static byte[] versionedXcm(final JsonNode vector) {
    final byte[] raw = Hex.decode(vector.get("hex").asText());
    return vector.get("framing").asText().startsWith("XcmpMessageFormat")
        ? Arrays.copyOfRange(raw, 1, raw.length)
        : raw;
  }

  @Test
  void shouldFindAllThirtyFourVectors() {
    assertThat(vectors()).hasSize(34);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void shouldDecodeReencodeAndHashLikeTheRecord(final JsonNode vector) {
    final byte[] bytes = versionedXcm(vector);

    final VersionedXcm message = XcmCodec.decodeVersionedXcm(bytes);

    assertThat(message.version().name()).isEqualTo(vector.get("xcmVersion").asText());
    assertThat(XcmCodec.encode(message)).isEqualTo(bytes);
    assertThat(Hex.encode(Blake2b.hash256(bytes)))
        .isEqualTo(vector.get("blake2_256_of_versioned_xcm").asText());
    final List<String> recorded = new ArrayList<>();
    vector.get("instructions").forEach(name -> recorded.add(name.asText()));
    assertThat(message.instructionNames()).isEqualTo(recorded);
    final JsonNode topic = vector.get("setTopic");
    assertThat(message.topic().map(t -> t.toHex()).orElse(null))
        .isEqualTo(topic.isNull() ? null : topic.asText());
  }
}
