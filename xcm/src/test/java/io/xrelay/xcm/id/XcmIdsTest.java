package io.xrelay.xcm.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.xcm.OcelloidsVectorsTest;
import io.xrelay.xcm.codec.XcmCodec;
import io.xrelay.xcm.model.Bytes;
import org.junit.jupiter.api.Test;

class XcmIdsTest {
  static JsonNode vector(final String id) {
    return OcelloidsVectorsTest.vectors()
        .filter(v -> v.get("id").asText().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void shouldDeriveTheForwardIdOfPolkadotDocsExample() {
    // polkadot-docs xcm-observability forward-id-for.ts: original and expected forwarded id.
    final Bytes topic =
        Bytes.fromHex("0x5c082b4750ee8c34986eb22ce6e345bad2360f3682cda3e99de94b0d9970cb3e");

    assertThat(XcmIds.forwardIdFor(topic).toHex())
        .isEqualTo("0xb3ae32fd2e2f798e8215865a8950d19df8330843608d4ee44e9f86849029724a");
  }

  @Test
  void shouldHashTheUmpTeleportToItsUpwardMessageSentHash() {
    // correlations.json: UpwardMessageSent.message_hash and Sent.message_id of this message.
    final byte[] message = OcelloidsVectorsTest.versionedXcm(vector("ocelloids-xcm-L58"));

    assertThat(XcmIds.messageHash(message).toHex())
        .isEqualTo("0x976af96e690d2b2243e8ccb21dec208fe545c8406d137c361a3438cc78300bd1");
    assertThat(XcmIds.topic(XcmCodec.decodeVersionedXcm(message)).orElseThrow().toHex())
        .isEqualTo("0x10d04544113a2aa26695ad27c151263ef6f6fe78527d6b3b05ec198a080a6f2e");
    assertThat(XcmIds.messageHash(XcmCodec.decodeVersionedXcm(message)))
        .isEqualTo(XcmIds.messageHash(message));
  }

  @Test
  void shouldListTheTopicItsForwardIdAndTheHashAsProcessedIds() {
    final byte[] withTopic = OcelloidsVectorsTest.versionedXcm(vector("ocelloids-xcm-L58"));
    final byte[] withoutTopic = OcelloidsVectorsTest.versionedXcm(vector("ocelloids-hops-L18"));
    final Bytes topic =
        Bytes.fromHex("0x10d04544113a2aa26695ad27c151263ef6f6fe78527d6b3b05ec198a080a6f2e");

    assertThat(XcmIds.candidateProcessedIds(withTopic))
        .containsExactly(topic, XcmIds.forwardIdFor(topic), XcmIds.messageHash(withTopic));
    assertThat(XcmIds.candidateProcessedIds(withoutTopic))
        .containsExactly(XcmIds.messageHash(withoutTopic));
  }

  @Test
  void shouldRefuseATopicThatIsNot32Bytes() {
    assertThatThrownBy(() -> XcmIds.forwardIdFor(Bytes.fromHex("0x0102")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }
}
