package io.xrelay.xcm.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleReader;
import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.XcmVersion;
import io.xrelay.xcm.codec.XcmCodec;
import io.xrelay.xcm.codec.XcmReader;
import io.xrelay.xcm.model.Asset;
import io.xrelay.xcm.model.Bytes;
import io.xrelay.xcm.model.Instruction;
import io.xrelay.xcm.model.Junction;
import io.xrelay.xcm.model.Location;
import io.xrelay.xcm.model.NetworkId;
import io.xrelay.xcm.model.WeightLimit;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Byte layout of the built calls. The indices here mirror Asset Hub Polkadot's metadata; the
 * relayer module's tests take them from the real metadata and decode the calls with the runtime's
 * own types.
 */
class PalletXcmCallBuilderTest {
  static final PalletXcmCalls ASSET_HUB_CALLS =
      new PalletXcmCalls(
          "PolkadotXcm",
          31,
          Map.of(
              "limited_reserve_transfer_assets",
              new PalletXcmCalls.Call(8, PalletXcmCallBuilder.TRANSFER_ARGUMENTS),
              "limited_teleport_assets",
              new PalletXcmCalls.Call(9, PalletXcmCallBuilder.TRANSFER_ARGUMENTS),
              "transfer_assets",
              new PalletXcmCalls.Call(11, PalletXcmCallBuilder.TRANSFER_ARGUMENTS),
              "transfer_assets_using_type_and_then",
              new PalletXcmCalls.Call(13, PalletXcmCallBuilder.TYPE_AND_THEN_ARGUMENTS)));
  static final Location BENEFICIARY =
      Location.of(0, new Junction.AccountId32(Optional.empty(), Bytes.wrap(new byte[32])));
  static final Bytes TOPIC = topic();

  static Bytes topic() {
    final byte[] bytes = new byte[32];
    bytes[31] = 7;
    return Bytes.wrap(bytes);
  }

  @Test
  void shouldBuildATrackableTransferFromAssetHubAsParaSpellDoes() {
    final PalletXcmCallBuilder builder = new PalletXcmCallBuilder(ASSET_HUB_CALLS, XcmVersion.V5);
    final Asset dot = Asset.fungible(Location.PARENT, BigInteger.valueOf(10_000_000_000L));

    final PalletXcmCall call =
        builder.transfer(
            Chain.parachain(NetworkId.POLKADOT, 1000),
            Chain.parachain(NetworkId.POLKADOT, 2034),
            dot,
            BENEFICIARY,
            true,
            Optional.of(TOPIC),
            WeightLimit.UNLIMITED);

    final byte[] data = call.callData().toArray();
    // pallet 31, call 13, dest V5 {1, X1(Parachain(2034))}, as in integritee-network/parachain#362.
    assertThat(Hex.encode(data)).startsWith("0x1f0d05010100c91f");
    final ScaleReader in = ScaleReader.of(data, 2, data.length - 2);
    XcmCodec.readVersionedLocation(in);
    XcmCodec.readVersionedAssets(in);
    assertThat(in.readVariantIndex("TransferType")).as("LocalReserve").isEqualTo(1);
    XcmCodec.readVersionedAssetId(in);
    assertThat(in.readVariantIndex("TransferType")).isEqualTo(1);
    final VersionedXcm onDest = XcmCodec.readVersionedXcm(in);
    new XcmReader(in, XcmVersion.V5).readWeightLimit();
    assertThat(in.remaining()).isZero();
    assertThat(onDest.instructionNames()).containsExactly("DepositAsset", "SetTopic");
    assertThat(onDest.topic()).contains(TOPIC);
    assertThat(call.topic()).contains(TOPIC);
  }

  @Test
  void shouldSortAssetsAndCheckTheFeeIndex() {
    final PalletXcmCallBuilder builder = new PalletXcmCallBuilder(ASSET_HUB_CALLS, XcmVersion.V4);
    final Asset usdt =
        Asset.fungible(
            Location.of(
                0,
                new Junction.PalletInstance(50),
                new Junction.GeneralIndex(BigInteger.valueOf(1984))),
            BigInteger.TEN);
    final Asset dot = Asset.fungible(Location.PARENT, BigInteger.TEN);

    final PalletXcmCall call =
        builder.limitedReserveTransferAssets(
            Location.of(1, new Junction.Parachain(2034)),
            BENEFICIARY,
            List.of(dot, usdt),
            1,
            WeightLimit.UNLIMITED);

    final byte[] data = call.callData().toArray();
    final ScaleReader in = ScaleReader.of(data, 2, data.length - 2);
    XcmCodec.readVersionedLocation(in);
    XcmCodec.readVersionedLocation(in);
    final var assets = (io.xrelay.xcm.VersionedAssets.Current) XcmCodec.readVersionedAssets(in);
    assertThat(assets.assets().items()).containsExactly(usdt, dot);
    assertThat(in.readU32()).isEqualTo(1);
    assertThat(Hex.encode(data)).startsWith("0x1f0804");
    assertThat(call.topic()).isEmpty();
    assertThatThrownBy(
            () ->
                builder.limitedTeleportAssets(
                    Location.PARENT, BENEFICIARY, List.of(dot), 1, WeightLimit.UNLIMITED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fee_asset_item 1");
  }

  @Test
  void shouldKeepATopicTheCustomXcmAlreadyEndsWith() {
    final PalletXcmCallBuilder builder = new PalletXcmCallBuilder(ASSET_HUB_CALLS, XcmVersion.V5);
    final io.xrelay.xcm.model.Xcm custom =
        io.xrelay.xcm.model.Xcm.of(new Instruction.ClearOrigin(), new Instruction.SetTopic(TOPIC));

    final PalletXcmCall call =
        builder.transferAssetsUsingTypeAndThen(
            Location.PARENT,
            List.of(Asset.fungible(Location.PARENT, BigInteger.ONE)),
            new TransferType.Teleport(),
            Location.PARENT,
            new TransferType.Teleport(),
            custom,
            Bytes.wrap(new byte[32]),
            WeightLimit.UNLIMITED);

    assertThat(call.topic()).contains(TOPIC);
  }
}
