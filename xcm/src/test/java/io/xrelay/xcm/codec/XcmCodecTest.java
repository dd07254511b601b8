package io.xrelay.xcm.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.xcm.OcelloidsVectorsTest;
import io.xrelay.xcm.SampleInstructions;
import io.xrelay.xcm.VersionedAssetId;
import io.xrelay.xcm.VersionedAssets;
import io.xrelay.xcm.VersionedLocation;
import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.XcmConversionException;
import io.xrelay.xcm.XcmEncodeException;
import io.xrelay.xcm.XcmVersion;
import io.xrelay.xcm.json.XcmJson;
import io.xrelay.xcm.model.Asset;
import io.xrelay.xcm.model.AssetFilter;
import io.xrelay.xcm.model.AssetId;
import io.xrelay.xcm.model.Assets;
import io.xrelay.xcm.model.Bytes;
import io.xrelay.xcm.model.ExecutionError;
import io.xrelay.xcm.model.Fungibility;
import io.xrelay.xcm.model.Instruction;
import io.xrelay.xcm.model.Junction;
import io.xrelay.xcm.model.Location;
import io.xrelay.xcm.model.OriginKind;
import io.xrelay.xcm.model.Outcome;
import io.xrelay.xcm.model.Response;
import io.xrelay.xcm.model.Weight;
import io.xrelay.xcm.model.WeightLimit;
import io.xrelay.xcm.model.WildAsset;
import io.xrelay.xcm.model.Xcm;
import io.xrelay.xcm.model.XcmError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class XcmCodecTest {
  /** Ocelloids xcm.ts line 58: Asset Hub to relay teleport over UMP (reference §1.7). */
  static final String TELEPORT_V4 =
      OcelloidsVectorsTest.vectors()
          .filter(v -> v.get("id").asText().equals("ocelloids-xcm-L58"))
          .findFirst()
          .orElseThrow()
          .get("hex")
          .asText();

  @Test
  void shouldWriteTheWorkedTeleportExampleByteForByte() {
    final Asset dot = Asset.fungible(Location.HERE, new BigInteger("5317346979"));
    final Location beneficiary =
        Location.of(
            0,
            new Junction.AccountId32(
                Optional.empty(),
                Bytes.fromHex(
                    "0xf81641fe8a6529a467d4c2d0a81c87fe14307764d224842fb05ab83616275638")));
    final Xcm program =
        Xcm.of(
            new Instruction.ReceiveTeleportedAsset(Assets.of(dot)),
            new Instruction.ClearOrigin(),
            new Instruction.BuyExecution(dot, WeightLimit.UNLIMITED),
            new Instruction.DepositAsset(
                new AssetFilter.Wild(new WildAsset.AllCounted(1)), beneficiary),
            new Instruction.SetTopic(
                Bytes.fromHex(
                    "0x10d04544113a2aa26695ad27c151263ef6f6fe78527d6b3b05ec198a080a6f2e")));

    final byte[] encoded = XcmCodec.encode(VersionedXcm.of(XcmVersion.V4, program));

    assertThat(Hex.encode(encoded)).isEqualTo(TELEPORT_V4);
    assertThat(XcmCodec.decodeVersionedXcm(encoded))
        .isEqualTo(VersionedXcm.of(XcmVersion.V4, program));
  }

  @ParameterizedTest
  @EnumSource(
      value = XcmVersion.class,
      names = {"V3", "V4", "V5"})
  void shouldRoundTripEveryInstructionOfTheVersionThroughBytesAndJson(final XcmVersion version) {
    final List<Instruction> all = SampleInstructions.all(version);
    final VersionedXcm message = VersionedXcm.of(version, new Xcm(all));

    final byte[] encoded = XcmCodec.encode(message);
    final VersionedXcm decoded = XcmCodec.decodeVersionedXcm(encoded);

    assertThat(all).hasSize(version == XcmVersion.V5 ? 52 : 48);
    assertThat(all.stream().map(Instruction::variantIndex).toList())
        .containsExactlyElementsOf(IntStream.range(0, all.size()).boxed().toList());
    assertThat(decoded).isEqualTo(message);
    assertThat(XcmJson.parse(XcmJson.toJsonString(message))).isEqualTo(message);
  }

  @ParameterizedTest
  @EnumSource(
      value = XcmVersion.class,
      names = {"V3", "V4", "V5"})
  void shouldRoundTripEveryResponseKind(final XcmVersion version) {
    for (final Response response : SampleInstructions.responses(version)) {
      final VersionedXcm message =
          VersionedXcm.of(
              version,
              Xcm.of(new Instruction.QueryResponse(1, response, Weight.ZERO, Optional.empty())));

      assertThat(XcmCodec.decodeVersionedXcm(XcmCodec.encode(message))).isEqualTo(message);
      assertThat(XcmJson.parse(XcmJson.toJsonString(message))).isEqualTo(message);
    }
  }

  @Test
  void shouldNameTheOffsetOfAnUnknownVersion() {
    assertThatThrownBy(() -> XcmCodec.decodeVersionedXcm(Hex.decode("0x0604")))
        .isInstanceOfSatisfying(
            ScaleDecodeException.class,
            e -> {
              assertThat(e.offset()).isZero();
              assertThat(e.typeName()).isEqualTo("VersionedXcm");
              assertThat(e.getMessage()).contains("unknown XCM version 6");
            });
  }

  @Test
  void shouldRefuseTrailingBytesAtTheirOffset() {
    final byte[] withTrailer = Hex.decode(TELEPORT_V4 + "00");

    assertThatThrownBy(() -> XcmCodec.decodeVersionedXcm(withTrailer))
        .isInstanceOfSatisfying(
            ScaleDecodeException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(withTrailer.length - 1);
              assertThat(e.reason()).contains("1 bytes left over");
            });
  }

  @Test
  void shouldRefuseEveryTruncationWithAnOffsetInsideTheInput() {
    final byte[] full = Hex.decode(TELEPORT_V4);
    for (int length = 0; length < full.length; length++) {
      final byte[] prefix = Arrays.copyOf(full, length);
      final int truncatedAt = length;
      assertThatThrownBy(() -> XcmCodec.decodeVersionedXcm(prefix))
          .isInstanceOfSatisfying(
              ScaleDecodeException.class, e -> assertThat(e.offset()).isBetween(0, truncatedAt));
    }
  }

  @Test
  void shouldNameThePathOfANestedFailure() {
    // V3 [ClearOrigin, SetAppendix([ClearOrigin, DepositAsset(Wild(All), {0, X1(junction 0x0f)})])]
    final byte[] bytes = Hex.decode("0x03080a16080a0d01000001" + "0f");

    assertThatThrownBy(() -> XcmCodec.decodeVersionedXcm(bytes))
        .isInstanceOfSatisfying(
            ScaleDecodeException.class,
            e -> {
              assertThat(e.context())
                  .containsExactly("instructions[1] SetAppendix", "instructions[1] DepositAsset");
              assertThat(e.offset()).isEqualTo(11);
              assertThat(e.getMessage()).contains("Junction").contains("unknown variant 15 in V3");
            });
  }

  @Test
  void shouldKnowV5OnlyInstructionsOnlyInV5() {
    // PayFees({ {0, Here}, Fungible(1) })
    final byte[] payFeesV4 = Hex.decode("0x0404300000" + "0004");
    final byte[] payFeesV5 = Hex.decode("0x0504300000" + "0004");

    assertThatThrownBy(() -> XcmCodec.decodeVersionedXcm(payFeesV4))
        .isInstanceOfSatisfying(
            ScaleDecodeException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(2);
              assertThat(e.reason()).isEqualTo("unknown variant 48 in V4");
            });
    assertThat(XcmCodec.decodeVersionedXcm(payFeesV5).instructionNames())
        .containsExactly("PayFees");
  }

  @Test
  void shouldRefuseTestNetworksInV5Only() {
    // UniversalOrigin(GlobalConsensus(Westend))
    assertThat(XcmCodec.decodeVersionedXcm(Hex.decode("0x0404250904")).instructionNames())
        .containsExactly("UniversalOrigin");
    assertThatThrownBy(() -> XcmCodec.decodeVersionedXcm(Hex.decode("0x0504250904")))
        .isInstanceOfSatisfying(
            ScaleDecodeException.class,
            e -> assertThat(e.reason()).isEqualTo("unknown variant 4 in V5"));
  }

  @Test
  void shouldRefuseAFungibleAmountOfZero() {
    // V4 WithdrawAsset([{ {1, Here}, Fungible(0) }])
    assertThatThrownBy(() -> XcmCodec.decodeVersionedXcm(Hex.decode("0x0404000401000000")))
        .isInstanceOfSatisfying(
            ScaleDecodeException.class, e -> assertThat(e.reason()).contains("zero amount"));
  }

  @Test
  void shouldRefuseAssetsOutOfOrderOrDuplicated() {
    final Asset parent = Asset.fungible(Location.PARENT, BigInteger.ONE);
    final Asset here = Asset.fungible(Location.HERE, BigInteger.ONE);
    // Written by hand: the writer refuses the order the runtime refuses.
    final byte[] bytes = Hex.decode("0x04040008" + "0100" + "0004" + "0000" + "0004");

    assertThatThrownBy(() -> XcmCodec.decodeVersionedXcm(bytes))
        .isInstanceOfSatisfying(
            ScaleDecodeException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(3);
              assertThat(e.reason()).contains("asset 1 is out of order");
            });
    assertThatThrownBy(
            () ->
                XcmCodec.encode(
                    VersionedXcm.of(
                        XcmVersion.V4,
                        Xcm.of(new Instruction.WithdrawAsset(Assets.of(parent, here))))))
        .isInstanceOf(XcmEncodeException.class)
        .hasMessageContaining("out of order");
    assertThatThrownBy(
            () ->
                XcmCodec.encode(
                    VersionedXcm.of(
                        XcmVersion.V4,
                        Xcm.of(new Instruction.WithdrawAsset(Assets.of(here, here))))))
        .isInstanceOf(XcmEncodeException.class);
  }

  @Test
  void shouldRefuseMoreThanTwentyAssets() {
    final StringBuilder hex = new StringBuilder("0x040400").append("54");
    for (int i = 0; i < 21; i++) {
      hex.append("0001").append("00").append(String.format("%02x", i)).append("0004");
    }

    assertThatThrownBy(() -> XcmCodec.decodeVersionedXcm(Hex.decode(hex)))
        .isInstanceOfSatisfying(
            ScaleDecodeException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(3);
              assertThat(e.reason()).contains("21 assets exceed MAX_ITEMS_IN_ASSETS (20)");
            });
  }

  @Test
  void shouldTagAssetIdsInV3AndRefuseAbstractIdsLater() {
    final Asset abstractAsset =
        new Asset(
            new AssetId.Abstract(Bytes.wrap(new byte[32])),
            new Fungibility.Fungible(BigInteger.ONE));
    final Xcm program = Xcm.of(new Instruction.WithdrawAsset(Assets.of(abstractAsset)));

    final byte[] v3 = XcmCodec.encode(VersionedXcm.of(XcmVersion.V3, program));

    assertThat(Hex.encode(v3)).isEqualTo("0x0304000401" + "00".repeat(32) + "0004");
    assertThat(XcmCodec.decodeVersionedXcm(v3)).isEqualTo(VersionedXcm.of(XcmVersion.V3, program));
    assertThatThrownBy(() -> XcmCodec.encode(VersionedXcm.of(XcmVersion.V4, program)))
        .isInstanceOfSatisfying(
            XcmConversionException.class,
            e -> {
              assertThat(e.target()).isEqualTo(XcmVersion.V4);
              assertThat(e.getMessage())
                  .isEqualTo("V4 cannot express an abstract asset id (V3 only)");
            });
  }

  @Test
  void shouldWriteTheV5TransactWithAnOptionalFallbackWeight() {
    final Instruction withoutWeight =
        new Instruction.Transact(OriginKind.SUPERUSER, Optional.empty(), Bytes.fromHex("0xff"));

    final byte[] v5 = XcmCodec.encode(VersionedXcm.of(XcmVersion.V5, Xcm.of(withoutWeight)));

    assertThat(Hex.encode(v5)).isEqualTo("0x0504060200" + "04ff");
    assertThatThrownBy(() -> XcmCodec.encode(VersionedXcm.of(XcmVersion.V4, Xcm.of(withoutWeight))))
        .isInstanceOf(XcmConversionException.class)
        .hasMessageContaining("require_weight_at_most");
    final Instruction withWeight =
        new Instruction.Transact(
            OriginKind.SUPERUSER, Optional.of(new Weight(1, 2)), Bytes.fromHex("0xff"));
    assertThat(Hex.encode(XcmCodec.encode(VersionedXcm.of(XcmVersion.V4, Xcm.of(withWeight)))))
        .isEqualTo("0x040406020408" + "04ff");
    assertThat(Hex.encode(XcmCodec.encode(VersionedXcm.of(XcmVersion.V5, Xcm.of(withWeight)))))
        .isEqualTo("0x05040602010408" + "04ff");
  }

  @Test
  void shouldReadTheLegacyV2IndexOfVersionedLocationAndAssets() {
    // VersionedMultiLocation::V2 = 1: { parents: 1, X1(Parachain(1000)) }
    final VersionedLocation location =
        XcmCodec.decodeVersionedLocation(Hex.decode("0x010101" + "00a10f"));
    // VersionedMultiAssets::V2 = 1: [{ Concrete({0, Here}), Fungible(1) }]
    final VersionedAssets assets =
        XcmCodec.decodeVersionedAssets(Hex.decode("0x0104" + "000000" + "0004"));

    assertThat(location.version()).isEqualTo(XcmVersion.V2);
    assertThat(XcmJson.toJson(location).toString())
        .isEqualTo(
            "{\"type\":\"V2\",\"value\":{\"parents\":1,\"interior\":{\"type\":\"X1\",\"value\":{\"type\":\"Parachain\",\"value\":1000}}}}");
    assertThat(assets.version()).isEqualTo(XcmVersion.V2);
    assertThat(XcmCodec.encode(location)).isEqualTo(Hex.decode("0x010101" + "00a10f"));
    assertThat(XcmCodec.encode(assets)).isEqualTo(Hex.decode("0x0104" + "000000" + "0004"));
    assertThatThrownBy(() -> XcmCodec.decodeVersionedLocation(Hex.decode("0x020100")))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("unknown XCM version index 2");
  }

  @ParameterizedTest
  @EnumSource(
      value = XcmVersion.class,
      names = {"V3", "V4", "V5"})
  void shouldRoundTripTheOtherVersionedTypes(final XcmVersion version) {
    final VersionedLocation location = VersionedLocation.of(version, SampleInstructions.usdt());
    final VersionedAssets assets =
        VersionedAssets.of(
            version,
            Assets.of(
                Asset.fungible(Location.PARENT, BigInteger.TEN),
                Asset.fungible(SampleInstructions.usdt(), BigInteger.ONE)));
    final VersionedAssetId id = new VersionedAssetId(version, AssetId.of(Location.PARENT));

    assertThat(XcmCodec.decodeVersionedLocation(XcmCodec.encode(location))).isEqualTo(location);
    assertThat(XcmCodec.decodeVersionedAssets(XcmCodec.encode(assets))).isEqualTo(assets);
    assertThat(XcmCodec.decodeVersionedAssetId(XcmCodec.encode(id))).isEqualTo(id);
    assertThat(XcmJson.locationFromJson(XcmJson.toJson(location))).isEqualTo(location);
    assertThat(XcmJson.assetsFromJson(XcmJson.toJson(assets))).isEqualTo(assets);
    assertThat(XcmJson.assetIdFromJson(XcmJson.toJson(id))).isEqualTo(id);
    assertThat(XcmCodec.encode(id)[0]).isEqualTo((byte) version.number());
    assertThat(XcmCodec.encode(id)[1])
        .as("V3 tags the asset id, later versions do not")
        .isEqualTo(version == XcmVersion.V3 ? (byte) 0 : (byte) 1);
  }

  @Test
  void shouldEncodeOutcomesInBothLayouts() {
    final XcmError barrier = new XcmError.Simple(XcmError.Kind.BARRIER);
    final Outcome v5 =
        new Outcome.Incomplete(
            new Weight(10, 20), new Outcome.InstructionError(OptionalInt.of(3), barrier));
    final Outcome v4 =
        new Outcome.Incomplete(
            new Weight(10, 20), new Outcome.InstructionError(OptionalInt.empty(), barrier));

    assertThat(Hex.encode(XcmCodec.encode(XcmVersion.V5, v5))).isEqualTo("0x01285003" + "26");
    assertThat(Hex.encode(XcmCodec.encode(XcmVersion.V4, v4))).isEqualTo("0x012850" + "25");
    assertThat(XcmCodec.decodeOutcome(XcmVersion.V5, XcmCodec.encode(XcmVersion.V5, v5)))
        .isEqualTo(v5);
    assertThat(XcmCodec.decodeOutcome(XcmVersion.V4, XcmCodec.encode(XcmVersion.V4, v4)))
        .isEqualTo(v4);
    assertThatThrownBy(() -> XcmCodec.encode(XcmVersion.V4, v5))
        .isInstanceOf(XcmConversionException.class);
  }

  @Test
  void shouldMapErrorsByNameAcrossTheV5Shift() {
    final XcmError unhandled = new XcmError.Simple(XcmError.Kind.UNHANDLED_XCM_VERSION);
    final Instruction expect =
        new Instruction.ExpectError(Optional.of(new ExecutionError(0, unhandled)));

    final byte[] v4 = XcmCodec.encode(VersionedXcm.of(XcmVersion.V4, Xcm.of(expect)));
    final byte[] v5 = XcmCodec.encode(VersionedXcm.of(XcmVersion.V5, Xcm.of(expect)));

    assertThat(v4[v4.length - 1]).isEqualTo((byte) 35);
    assertThat(v5[v5.length - 1]).isEqualTo((byte) 36);
    final List<String> v3Names = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      v3Names.add(XcmError.Kind.byIndex(i, false).variantName());
    }
    assertThat(v3Names).doesNotContain("TooManyAssets").hasSize(40);
    assertThat(XcmError.Kind.byIndex(35, true)).isEqualTo(XcmError.Kind.TOO_MANY_ASSETS);
  }
}
