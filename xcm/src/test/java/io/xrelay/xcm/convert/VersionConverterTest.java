package io.xrelay.xcm.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.scale.Hex;
import io.xrelay.xcm.OcelloidsVectorsTest;
import io.xrelay.xcm.SampleInstructions;
import io.xrelay.xcm.VersionedAssetId;
import io.xrelay.xcm.VersionedLocation;
import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.XcmConversionException;
import io.xrelay.xcm.XcmVersion;
import io.xrelay.xcm.codec.XcmCodec;
import io.xrelay.xcm.model.AssetId;
import io.xrelay.xcm.model.Bytes;
import io.xrelay.xcm.model.ExecutionError;
import io.xrelay.xcm.model.Instruction;
import io.xrelay.xcm.model.Junction;
import io.xrelay.xcm.model.Location;
import io.xrelay.xcm.model.NetworkId;
import io.xrelay.xcm.model.OriginKind;
import io.xrelay.xcm.model.Weight;
import io.xrelay.xcm.model.Xcm;
import io.xrelay.xcm.model.XcmError;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionConverterTest {

  @Test
  void shouldMoveEveryRealMessageAcrossVersionsUnlessItUsesV5OnlyInstructions() {
    int converted = 0;
    int refused = 0;
    for (final VersionedXcm message :
        OcelloidsVectorsTest.vectors()
            .map(v -> XcmCodec.decodeVersionedXcm(OcelloidsVectorsTest.versionedXcm(v)))
            .filter(m -> m.version() != XcmVersion.V2)
            .toList()) {
      for (final XcmVersion target :
          new XcmVersion[] {XcmVersion.V3, XcmVersion.V4, XcmVersion.V5}) {
        final VersionedXcm result;
        try {
          result = VersionConverter.convert(message, target);
        } catch (XcmConversionException e) {
          assertThat(message.version()).isEqualTo(XcmVersion.V5);
          assertThat(e.getMessage()).endsWith("(V5 only)");
          refused++;
          continue;
        }
        final byte[] bytes = XcmCodec.encode(result);
        assertThat(bytes[0]).isEqualTo((byte) target.number());
        assertThat(VersionConverter.convert(XcmCodec.decodeVersionedXcm(bytes), message.version()))
            .isEqualTo(message);
        converted++;
      }
    }
    assertThat(converted).isGreaterThan(80);
    assertThat(refused).as("a real Snowbridge V5 program nests PayFees").isPositive();
  }

  @Test
  void shouldChangeTheAssetIdTagBetweenV3AndV4() {
    final VersionedXcm v3 =
        XcmCodec.decodeVersionedXcm(
            OcelloidsVectorsTest.versionedXcm(
                OcelloidsVectorsTest.vectors()
                    .filter(v -> v.get("id").asText().equals("ocelloids-matching-L85"))
                    .findFirst()
                    .orElseThrow()));

    final byte[] v4 = XcmCodec.encode(VersionConverter.convert(v3, XcmVersion.V4));

    // BuyExecution's fee asset: V3 writes the Concrete tag 00 before the location, V4 does not.
    final String v3Hex = Hex.encode(XcmCodec.encode(v3));
    assertThat(v3Hex).startsWith("0x03081300");
    assertThat(Hex.encode(v4)).isEqualTo("0x040813" + v3Hex.substring("0x03081300".length()));
  }

  @Test
  void shouldKeepAV4TransactWeightAsTheV5FallbackWeight() {
    final Instruction transact =
        new Instruction.Transact(
            OriginKind.XCM, Optional.of(new Weight(7, 8)), Bytes.fromHex("0x01"));

    final VersionedXcm v5 =
        VersionConverter.convert(VersionedXcm.of(XcmVersion.V4, Xcm.of(transact)), XcmVersion.V5);

    assertThat(Hex.encode(XcmCodec.encode(v5))).isEqualTo("0x050406030" + "11c20" + "0401");
  }

  @Test
  void shouldRefuseWhatTheTargetCannotExpress() {
    final VersionedXcm payFees =
        VersionedXcm.of(
            XcmVersion.V5, new Xcm(SampleInstructions.all(XcmVersion.V5).subList(48, 49)));
    final VersionedXcm weightless =
        VersionedXcm.of(
            XcmVersion.V5,
            Xcm.of(
                new Instruction.Transact(OriginKind.XCM, Optional.empty(), Bytes.fromHex("0x01"))));
    final VersionedXcm tooManyAssets =
        VersionedXcm.of(
            XcmVersion.V5,
            Xcm.of(
                new Instruction.ExpectError(
                    Optional.of(
                        new ExecutionError(
                            0, new XcmError.Simple(XcmError.Kind.TOO_MANY_ASSETS))))));
    final VersionedXcm westend =
        VersionedXcm.of(
            XcmVersion.V4,
            Xcm.of(
                new Instruction.UniversalOrigin(new Junction.GlobalConsensus(NetworkId.WESTEND))));

    assertThatThrownBy(() -> VersionConverter.convert(payFees, XcmVersion.V4))
        .isInstanceOf(XcmConversionException.class)
        .hasMessage("V4 cannot express PayFees (V5 only)");
    assertThatThrownBy(() -> VersionConverter.convert(weightless, XcmVersion.V3))
        .isInstanceOf(XcmConversionException.class)
        .hasMessage("V3 cannot express Transact without require_weight_at_most");
    assertThatThrownBy(() -> VersionConverter.convert(tooManyAssets, XcmVersion.V4))
        .isInstanceOf(XcmConversionException.class)
        .hasMessage("V4 cannot express the error TooManyAssets");
    assertThatThrownBy(() -> VersionConverter.convert(westend, XcmVersion.V5))
        .isInstanceOf(XcmConversionException.class)
        .hasMessage("V5 cannot express NetworkId Westend (removed in V5, RFC 108)");
    assertThat(VersionConverter.convert(westend, XcmVersion.V3).version()).isEqualTo(XcmVersion.V3);
  }

  @Test
  void shouldConvertLocationsAndAssetIdsAndRefuseAbstractIdsAboveV3() {
    final VersionedLocation location =
        VersionedLocation.of(XcmVersion.V3, SampleInstructions.usdt());
    final VersionedAssetId abstractId =
        new VersionedAssetId(XcmVersion.V3, new AssetId.Abstract(Bytes.wrap(new byte[32])));

    assertThat(VersionConverter.convert(location, XcmVersion.V5))
        .isEqualTo(VersionedLocation.of(XcmVersion.V5, SampleInstructions.usdt()));
    assertThat(
            VersionConverter.convert(
                    new VersionedAssetId(XcmVersion.V3, AssetId.of(Location.PARENT)), XcmVersion.V4)
                .version())
        .isEqualTo(XcmVersion.V4);
    assertThatThrownBy(() -> VersionConverter.convert(abstractId, XcmVersion.V4))
        .isInstanceOf(XcmConversionException.class)
        .hasMessageContaining("abstract asset id");
  }

  @Test
  void shouldTreatV2AsReadOnly() {
    final VersionedXcm v2 =
        OcelloidsVectorsTest.vectors()
            .map(v -> XcmCodec.decodeVersionedXcm(OcelloidsVectorsTest.versionedXcm(v)))
            .filter(m -> m.version() == XcmVersion.V2)
            .findFirst()
            .orElseThrow();

    assertThatThrownBy(() -> VersionConverter.convert(v2, XcmVersion.V3))
        .isInstanceOf(XcmConversionException.class)
        .hasMessageContaining("read-only");
  }
}
