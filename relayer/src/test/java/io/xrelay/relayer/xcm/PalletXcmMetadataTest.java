package io.xrelay.relayer.xcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.substrate.metadata.MetadataDecoder;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.value.Value;
import io.xrelay.substrate.value.ValueCodec;
import io.xrelay.testing.SharedFixtures;
import io.xrelay.xcm.XcmVersion;
import io.xrelay.xcm.builder.Chain;
import io.xrelay.xcm.builder.PalletXcmCall;
import io.xrelay.xcm.builder.PalletXcmCallBuilder;
import io.xrelay.xcm.builder.PalletXcmCalls;
import io.xrelay.xcm.model.Asset;
import io.xrelay.xcm.model.Bytes;
import io.xrelay.xcm.model.Junction;
import io.xrelay.xcm.model.Location;
import io.xrelay.xcm.model.NetworkId;
import io.xrelay.xcm.model.WeightLimit;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The builders against real runtimes: indices come from the metadata, and every call they build
 * decodes as that runtime's {@code RuntimeCall} with the metadata-driven decoder of the substrate
 * module, an implementation independent of the XCM codec.
 */
class PalletXcmMetadataTest {
  static final Location BENEFICIARY =
      Location.of(0, new Junction.AccountId32(Optional.empty(), Bytes.wrap(new byte[32])));
  static final Bytes TOPIC =
      Bytes.fromHex("0x5c082b4750ee8c34986eb22ce6e345bad2360f3682cda3e99de94b0d9970cb3e");

  static RuntimeMetadata metadata(final String file) {
    return MetadataDecoder.decode(SharedFixtures.read(file));
  }

  @ParameterizedTest
  @CsvSource({
    "metadata/polkadot-v15-spec2000000.scale, XcmPallet, 99",
    "metadata/kusama-v15-spec1009002.scale, XcmPallet, 99",
    "metadata/asset-hub-polkadot-v15-spec2000000.scale, PolkadotXcm, 31"
  })
  void shouldFindPalletXcmAndItsCallsInTheMetadata(
      final String file, final String palletName, final int palletIndex) {
    final PalletXcmCalls calls = PalletXcmMetadata.read(metadata(file));

    assertThat(calls.palletName()).isEqualTo(palletName);
    assertThat(calls.palletIndex()).isEqualTo(palletIndex);
    assertThat(calls.calls().get("limited_reserve_transfer_assets").index()).isEqualTo(8);
    assertThat(calls.calls().get("limited_teleport_assets").index()).isEqualTo(9);
    assertThat(calls.calls().get("transfer_assets").index()).isEqualTo(11);
    assertThat(calls.calls().get("transfer_assets_using_type_and_then").index()).isEqualTo(13);
  }

  @ParameterizedTest
  @CsvSource({
    "metadata/polkadot-v15-spec2000000.scale, relay",
    "metadata/kusama-v15-spec1009002.scale, relay",
    "metadata/asset-hub-polkadot-v15-spec2000000.scale, assethub"
  })
  void shouldBuildCallsTheRuntimeDecodes(final String file, final String where) {
    final RuntimeMetadata metadata = metadata(file);
    final PalletXcmCalls calls = PalletXcmMetadata.read(metadata);
    final ValueCodec runtimeCall = new ValueCodec(metadata.types());
    final int callType = metadata.outerEnums().callType();
    final NetworkId network = file.contains("kusama") ? NetworkId.KUSAMA : NetworkId.POLKADOT;
    final Chain relay = Chain.relay(network);
    final Chain assetHub = Chain.parachain(network, 1000);
    final Chain hydration = Chain.parachain(network, 2034);
    final Chain origin = where.equals("relay") ? relay : assetHub;
    final Location native_ = where.equals("relay") ? Location.HERE : Location.PARENT;
    final Asset dot = Asset.fungible(native_, BigInteger.valueOf(10_000_000_000L));
    final PalletXcmCallBuilder builder = new PalletXcmCallBuilder(calls, XcmVersion.V5);
    final Location toRelayOrHub = origin.locationOf(where.equals("relay") ? assetHub : relay);

    final List<PalletXcmCall> built = new ArrayList<>();
    built.add(
        builder.limitedTeleportAssets(
            toRelayOrHub, BENEFICIARY, List.of(dot), 0, WeightLimit.UNLIMITED));
    built.add(
        builder.limitedReserveTransferAssets(
            origin.locationOf(hydration), BENEFICIARY, List.of(dot), 0, WeightLimit.UNLIMITED));
    built.add(
        builder.transferAssets(
            origin.locationOf(hydration), BENEFICIARY, List.of(dot), 0, WeightLimit.UNLIMITED));
    built.add(
        builder.transfer(
            origin, hydration, dot, BENEFICIARY, false, Optional.of(TOPIC), WeightLimit.UNLIMITED));
    built.add(
        builder.transfer(
            origin, hydration, dot, BENEFICIARY, true, Optional.of(TOPIC), WeightLimit.UNLIMITED));
    built.add(
        builder.transfer(
            origin,
            where.equals("relay") ? assetHub : relay,
            dot,
            BENEFICIARY,
            true,
            Optional.of(TOPIC),
            WeightLimit.UNLIMITED));

    for (final PalletXcmCall call : built) {
      final Value decoded = runtimeCall.decode(callType, call.callData().toArray());

      assertThat(decoded).isInstanceOf(Value.Variant.class);
      final Value.Variant pallet = (Value.Variant) decoded;
      assertThat(pallet.name()).isEqualTo(calls.palletName());
      final Value.Variant inner = (Value.Variant) pallet.fields().get(0);
      assertThat(inner.name()).isEqualTo(call.name());
      if (call.topic().isPresent()) {
        assertThat(call.topic()).contains(TOPIC);
        assertThat(setTopics(inner)).containsExactly(TOPIC.toHex());
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"metadata/polkadot-v15-spec2000000.scale"})
  void shouldRefuseACallWhoseShapeDiffersFromTheRuntime(final String file) {
    final PalletXcmCalls real = PalletXcmMetadata.read(metadata(file));
    final PalletXcmCalls.Call transfer = real.calls().get("transfer_assets");
    final PalletXcmCalls older =
        new PalletXcmCalls(
            real.palletName(),
            real.palletIndex(),
            java.util.Map.of(
                "transfer_assets",
                new PalletXcmCalls.Call(transfer.index(), transfer.arguments().subList(0, 4))));

    assertThatThrownBy(
            () ->
                new PalletXcmCallBuilder(older, XcmVersion.V5)
                    .transferAssets(
                        Location.PARENT, BENEFICIARY, List.of(), 0, WeightLimit.UNLIMITED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("XcmPallet.transfer_assets takes");
  }

  /** The hex of every SetTopic in a decoded value. */
  static List<String> setTopics(final Value value) {
    final List<String> out = new ArrayList<>();
    collect(value, out);
    return out;
  }

  private static void collect(final Value value, final List<String> out) {
    if (value instanceof Value.Variant variant) {
      if (variant.name().equals("SetTopic")) {
        out.add(((Value.Bytes) variant.fields().get(0)).hex());
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
