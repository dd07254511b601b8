package io.xrelay.xcm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.crypto.Blake2b;
import io.xrelay.scale.Hex;
import io.xrelay.xcm.codec.XcmCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

public class OcelloidsJourneysTest {
  /** Snowbridge inbound payloads come from Ethereum and are not XCM. */
  static boolean isXcm(final JsonNode record) {
    return !record.at("/waypoint/chainId").asText().startsWith("urn:ocn:ethereum");
  }

  public static List<JsonNode> records() {
    final List<JsonNode> out = new ArrayList<>();
    for (final var file : TestFixtures.list("xcm/ocelloids/journeys", ".jsonl")) {
      out.addAll(TestFixtures.jsonLines("xcm/ocelloids/journeys/" + file.getFileName()));
    }
    return out;
  }

  @Test
  void shouldDecodeEveryJourneyMessageAndHashItToTheRecordedMessageHash() {
    final List<JsonNode> records = records().stream().filter(OcelloidsJourneysTest::isXcm).toList();
    assertThat(records).hasSizeGreaterThanOrEqualTo(233);

    for (final JsonNode record : records) {
      final JsonNode waypoint = record.get("waypoint");
      final byte[] bytes = Hex.decode(waypoint.get("messageData").asText());

      final VersionedXcm message = XcmCodec.decodeVersionedXcm(bytes);

      assertThat(Hex.encode(Blake2b.hash256(bytes)))
          .as("blake2 of %s", waypoint.get("messageData").asText())
          .isEqualTo(waypoint.get("messageHash").asText());
      assertThat(XcmCodec.encode(message)).isEqualTo(bytes);
      final List<String> recorded = new ArrayList<>();
      waypoint.at("/instructions/value").forEach(i -> recorded.add(i.get("type").asText()));
      assertThat(message.instructionNames()).isEqualTo(recorded);
      assertThat(message.version().name()).isEqualTo(waypoint.at("/instructions/type").asText());
    }
  }
}
