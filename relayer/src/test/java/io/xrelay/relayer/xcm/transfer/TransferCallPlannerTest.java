package io.xrelay.relayer.xcm.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.relayer.xcm.PalletXcmMetadata;
import io.xrelay.substrate.metadata.MetadataDecoder;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.value.Value;
import io.xrelay.substrate.value.ValueCodec;
import io.xrelay.testing.SharedFixtures;
import io.xrelay.xcm.XcmVersion;
import io.xrelay.xcm.builder.Chain;
import io.xrelay.xcm.builder.PalletXcmCallBuilder;
import io.xrelay.xcm.builder.TransferType;
import io.xrelay.xcm.model.Asset;
import io.xrelay.xcm.model.Bytes;
import io.xrelay.xcm.model.Location;
import io.xrelay.xcm.model.NetworkId;
import io.xrelay.xcm.model.WeightLimit;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The transfer call picked and built from real runtimes' metadata: the devnet's Kusama (spec
 * 1000000, XCM up to V3, no transfer_assets) and current Kusama, Polkadot and Asset Hub Polkadot;
 * every call is decoded back with the runtime's own call type by the metadata-driven codec.
 */
class TransferCallPlannerTest {
  private static final Bytes BOB =
      Bytes.fromHex("0xd17c2d7823ebf260fd138f2d7e27d114c0145d968b5ff5006125f2414fadae69");
  private static final Bytes TOPIC =
      Bytes.fromHex("0x5c082b4750ee8c34986eb22ce6e345bad2360f3682cda3e99de94b0d9970cb3e");
  private static final BigInteger TEN_KSM = new BigInteger("10000000000000");

  static RuntimeMetadata metadata(final String file) {
    return MetadataDecoder.decode(SharedFixtures.read(file));
  }

  @Test
  void shouldTeleportWithLimitedTeleportAssetsInV3OnTheDevnetRelay() {
    final RuntimeMetadata devnetRelay = metadata("metadata/kusama-local-v14-spec1000000.scale");
    final Chain relay = Chain.relay(NetworkId.KUSAMA);

    final TransferCallPlanner.PlannedCall planned =
        TransferCallPlanner.plan(
            devnetRelay,
            relay,
            relay.assetHub(),
            Asset.fungible(Location.HERE, TEN_KSM),
            new Beneficiary(BOB.toArray()).location(),
            Optional.empty());

    assertThat(planned.call().name()).isEqualTo("limited_teleport_assets");
    assertThat(planned.version()).isEqualTo(XcmVersion.V3);
    assertThat(planned.type()).isInstanceOf(TransferType.Teleport.class);
    // the runtime's router appends the topic: the call carries none
    assertThat(planned.topic()).isEmpty();
    // the bytes the devnet's Kusama runtime executed (XcmPallet = 99, call 9, V3 arguments)
    assertThat(planned.call().callData().toHex())
        .isEqualTo(
            "0x630903000100a10f0300010100"
                + BOB.toHex().substring(2)
                + "0304000000000b00a0724e18090000000000");
    final Value.Variant call = decode(devnetRelay, planned.call().callData());
    assertThat(call.name()).isEqualTo("XcmPallet");
    final Value.Variant inner = (Value.Variant) call.fields().get(0);
    assertThat(inner.name()).isEqualTo("limited_teleport_assets");
    assertThat(((Value.Variant) inner.fields().require("dest")).name()).isEqualTo("V3");
  }

  @Test
  void shouldRefuseToWriteV4ForARuntimeThatTakesUpToV3() {
    final RuntimeMetadata devnetRelay = metadata("metadata/kusama-local-v14-spec1000000.scale");

    assertThat(PalletXcmMetadata.highestXcmVersion(devnetRelay)).isEqualTo(XcmVersion.V3);
    assertThatThrownBy(
            () ->
                new PalletXcmCallBuilder(PalletXcmMetadata.read(devnetRelay), XcmVersion.V4)
                    .limitedTeleportAssets(
                        Location.of(0, new io.xrelay.xcm.model.Junction.Parachain(1000)),
                        new Beneficiary(BOB.toArray()).location(),
                        List.of(Asset.fungible(Location.HERE, TEN_KSM)),
                        0,
                        WeightLimit.UNLIMITED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("takes XCM up to V3");
  }

  @ParameterizedTest
  @CsvSource({
    "metadata/kusama-v15-spec1009002.scale, relay",
    "metadata/polkadot-v15-spec2000000.scale, relay",
    "metadata/asset-hub-polkadot-v15-spec2000000.scale, assethub"
  })
  void shouldUseTransferAssetsUsingTypeAndThenWithOurTopicOnCurrentRuntimes(
      final String file, final String where) {
    final RuntimeMetadata metadata = metadata(file);
    final NetworkId network = file.contains("kusama") ? NetworkId.KUSAMA : NetworkId.POLKADOT;
    final Chain relay = Chain.relay(network);
    final Chain origin = where.equals("relay") ? relay : relay.assetHub();
    final Chain destination = where.equals("relay") ? relay.assetHub() : relay;
    final Location token = where.equals("relay") ? Location.HERE : Location.PARENT;

    final TransferCallPlanner.PlannedCall planned =
        TransferCallPlanner.plan(
            metadata,
            origin,
            destination,
            Asset.fungible(token, TEN_KSM),
            new Beneficiary(BOB.toArray()).location(),
            Optional.of(TOPIC));

    assertThat(planned.call().name()).isEqualTo("transfer_assets_using_type_and_then");
    assertThat(planned.version().number()).isGreaterThanOrEqualTo(4);
    assertThat(planned.type()).isInstanceOf(TransferType.Teleport.class);
    assertThat(planned.topic()).contains(TOPIC);
    final Value.Variant inner =
        (Value.Variant) decode(metadata, planned.call().callData()).fields().get(0);
    assertThat(inner.name()).isEqualTo("transfer_assets_using_type_and_then");
    assertThat(setTopics(inner)).containsExactly(TOPIC.toHex());
  }

  @Test
  void shouldPickAReserveTransferForAnotherParachainsToken() {
    final RuntimeMetadata devnetRelay = metadata("metadata/kusama-local-v14-spec1000000.scale");
    final Chain relay = Chain.relay(NetworkId.KUSAMA);

    final TransferCallPlanner.PlannedCall planned =
        TransferCallPlanner.plan(
            devnetRelay,
            relay,
            Chain.parachain(NetworkId.KUSAMA, 2000),
            Asset.fungible(Location.HERE, TEN_KSM),
            new Beneficiary(BOB.toArray()).location(),
            Optional.empty());

    assertThat(planned.call().name()).isEqualTo("limited_reserve_transfer_assets");
    assertThat(planned.type()).isInstanceOf(TransferType.LocalReserve.class);
  }

  private static Value.Variant decode(final RuntimeMetadata metadata, final Bytes callData) {
    return (Value.Variant)
        new ValueCodec(metadata.types())
            .decode(metadata.extrinsic().callType(), callData.toArray());
  }

  private static List<String> setTopics(final Value value) {
    final List<String> out = new ArrayList<>();
    collect(value, out);
    return out;
  }

  private static void collect(final Value value, final List<String> out) {
    if (value instanceof Value.Variant variant) {
      if (variant.name().equals("SetTopic")) {
        out.add(((Value.Bytes) Value.unwrapNewtypes(variant.fields())).hex());
        return;
      }
      collect(variant.fields(), out);
    } else if (value instanceof Value.Composite composite) {
      composite.values().forEach(v -> collect(v, out));
    } else if (value instanceof Value.Sequence sequence) {
      sequence.items().forEach(v -> collect(v, out));
    }
  }
}
