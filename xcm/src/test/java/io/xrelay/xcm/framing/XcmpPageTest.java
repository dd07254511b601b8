package io.xrelay.xcm.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.scale.ScaleWriter;
import io.xrelay.xcm.OcelloidsVectorsTest;
import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.codec.XcmCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class XcmpPageTest {
  static JsonNode vector(final String id) {
    return OcelloidsVectorsTest.vectors()
        .filter(v -> v.get("id").asText().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void shouldSplitTheRealXcmpPageAndHashItsMessageWithoutTheFormatByte() {
    final JsonNode vector = vector("ocelloids-matching-L98");
    final byte[] page = Hex.decode(vector.get("hex").asText());

    final XcmpPage decoded = XcmpPage.decode(page);

    assertThat(decoded.format()).isEqualTo(XcmpMessageFormat.CONCATENATED_VERSIONED_XCM);
    assertThat(decoded.messages()).hasSize(1);
    assertThat(decoded.messages().get(0).offset()).isEqualTo(1);
    assertThat(decoded.messages().get(0).messageHash().toHex())
        .isEqualTo(vector.get("blake2_256_of_versioned_xcm").asText());
    assertThat(decoded.encode()).isEqualTo(page);
  }

  @Test
  void shouldSplitSeveralConcatenatedMessagesAtTheirOffsets() {
    final List<VersionedXcm> messages =
        OcelloidsVectorsTest.vectors()
            .limit(5)
            .map(v -> XcmCodec.decodeVersionedXcm(OcelloidsVectorsTest.versionedXcm(v)))
            .toList();
    final byte[] page = XcmpPage.of(messages).encode();

    final XcmpPage decoded = XcmpPage.decode(page);

    assertThat(decoded.messages().stream().map(FramedXcm::message).toList()).isEqualTo(messages);
    int offset = 1;
    for (final FramedXcm framed : decoded.messages()) {
      assertThat(framed.offset()).isEqualTo(offset);
      offset += framed.encoded().length();
    }
    assertThat(offset).isEqualTo(page.length);
  }

  @Test
  void shouldUnwrapOpaqueMessagesOfFormatThree() {
    final byte[] first = OcelloidsVectorsTest.versionedXcm(vector("ocelloids-xcm-L58"));
    final byte[] second = OcelloidsVectorsTest.versionedXcm(vector("ocelloids-xcm-L67"));
    final ScaleWriter out = new ScaleWriter();
    out.writeU8(3).writeByteVec(first).writeByteVec(second);
    final byte[] page = out.toByteArray();

    final XcmpPage decoded = XcmpPage.decode(page);

    assertThat(decoded.format()).isEqualTo(XcmpMessageFormat.CONCATENATED_OPAQUE_VERSIONED_XCM);
    assertThat(decoded.messages()).hasSize(2);
    assertThat(decoded.messages().get(0).encoded().toArray()).isEqualTo(first);
    assertThat(decoded.messages().get(1).message().version().name()).isEqualTo("V5");
    assertThat(decoded.encode()).isEqualTo(page);
  }

  @Test
  void shouldKeepBlobsAndSignalsRaw() {
    final XcmpPage blobs = XcmpPage.decode(Hex.decode("0x01" + "080102" + "0403"));
    final XcmpPage signals = XcmpPage.decode(Hex.decode("0x02" + "00" + "01"));

    assertThat(blobs.blobs()).extracting(b -> b.toHex()).containsExactly("0x0102", "0x03");
    assertThat(signals.blobs()).extracting(b -> b.toHex()).containsExactly("0x00", "0x01");
    assertThatThrownBy(() -> XcmpPage.decode(Hex.decode("0x0202")))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("unknown signal 2");
  }

  @Test
  void shouldNameTheMessageThatBreaksAPage() {
    final byte[] first = OcelloidsVectorsTest.versionedXcm(vector("ocelloids-xcm-L58"));
    final ScaleWriter out = new ScaleWriter();
    out.writeU8(0).writeBytes(first).writeU8(9);

    assertThatThrownBy(() -> XcmpPage.decode(out.toByteArray()))
        .isInstanceOfSatisfying(
            ScaleDecodeException.class,
            e -> {
              assertThat(e.context()).containsExactly("page message 1");
              assertThat(e.offset()).isEqualTo(1 + first.length);
            });
    assertThatThrownBy(() -> XcmpPage.decode(Hex.decode("0x04")))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("unknown format 4");
  }

  @Test
  void shouldCarryOneBareMessageOnUmpAndDmp() {
    final byte[] message = OcelloidsVectorsTest.versionedXcm(vector("ocelloids-xcm-L58"));

    for (final XcmTransport transport : List.of(XcmTransport.UMP, XcmTransport.DMP)) {
      final List<FramedXcm> framed = transport.messages(message);
      assertThat(framed).hasSize(1);
      assertThat(framed.get(0).messageHash().toHex())
          .isEqualTo("0x976af96e690d2b2243e8ccb21dec208fe545c8406d137c361a3438cc78300bd1");
    }
    final byte[] page = new byte[message.length + 1];
    System.arraycopy(message, 0, page, 1, message.length);
    assertThat(XcmTransport.XCMP.messages(page).get(0).messageHash())
        .isEqualTo(XcmTransport.UMP.messages(message).get(0).messageHash());
  }
}
