package io.xrelay.xcm.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.xcm.VersionedLocation;
import io.xrelay.xcm.XcmVersion;
import io.xrelay.xcm.model.Junction;
import io.xrelay.xcm.model.Location;
import io.xrelay.xcm.model.NetworkId;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TransferRulesTest {
  static final Chain RELAY = Chain.relay(NetworkId.POLKADOT);
  static final Chain ASSET_HUB = Chain.parachain(NetworkId.POLKADOT, 1000);
  static final Chain BRIDGE_HUB = Chain.parachain(NetworkId.POLKADOT, 1002);
  static final Chain HYDRATION = Chain.parachain(NetworkId.POLKADOT, 2034);
  static final Chain MOONBEAM = Chain.parachain(NetworkId.POLKADOT, 2004);
  static final Location USDT_ON_ASSET_HUB =
      Location.of(
          0, new Junction.PalletInstance(50), new Junction.GeneralIndex(BigInteger.valueOf(1984)));
  static final Location USDT_ELSEWHERE =
      Location.of(
          1,
          new Junction.Parachain(1000),
          new Junction.PalletInstance(50),
          new Junction.GeneralIndex(BigInteger.valueOf(1984)));

  static TransferType type(
      final Chain from, final Chain to, final Location asset, final boolean ahm) {
    return TransferRules.transferType(from, to, asset, ahm, XcmVersion.V5);
  }

  static TransferType remote(final Location reserve) {
    return new TransferType.RemoteReserve(VersionedLocation.of(XcmVersion.V5, reserve));
  }

  @Test
  void shouldTeleportTheRelayTokenBetweenTheRelayAndSystemChains() {
    for (final boolean ahm : new boolean[] {false, true}) {
      assertThat(type(RELAY, ASSET_HUB, Location.HERE, ahm)).isEqualTo(new TransferType.Teleport());
      assertThat(type(ASSET_HUB, RELAY, Location.PARENT, ahm))
          .isEqualTo(new TransferType.Teleport());
      assertThat(type(ASSET_HUB, BRIDGE_HUB, Location.PARENT, ahm))
          .isEqualTo(new TransferType.Teleport());
    }
  }

  @Test
  void shouldUseTheRelayAsReserveBeforeTheAssetHubMigrationAndAssetHubAfter() {
    assertThat(type(RELAY, HYDRATION, Location.HERE, false))
        .isEqualTo(new TransferType.LocalReserve());
    assertThat(type(HYDRATION, RELAY, Location.PARENT, false))
        .isEqualTo(new TransferType.DestinationReserve());
    assertThat(type(HYDRATION, MOONBEAM, Location.PARENT, false))
        .isEqualTo(remote(Location.PARENT));

    assertThat(type(RELAY, HYDRATION, Location.HERE, true))
        .isEqualTo(remote(Location.of(0, new Junction.Parachain(1000))));
    assertThat(type(HYDRATION, MOONBEAM, Location.PARENT, true))
        .isEqualTo(remote(Location.of(1, new Junction.Parachain(1000))));
    assertThat(type(ASSET_HUB, HYDRATION, Location.PARENT, true))
        .isEqualTo(new TransferType.LocalReserve());
    assertThat(type(HYDRATION, ASSET_HUB, Location.PARENT, true))
        .isEqualTo(new TransferType.DestinationReserve());
  }

  @Test
  void shouldMoveOtherAssetsThroughTheChainThatIssuesThem() {
    assertThat(type(ASSET_HUB, HYDRATION, USDT_ON_ASSET_HUB, false))
        .isEqualTo(new TransferType.LocalReserve());
    assertThat(type(HYDRATION, ASSET_HUB, USDT_ELSEWHERE, false))
        .isEqualTo(new TransferType.DestinationReserve());
    assertThat(type(HYDRATION, MOONBEAM, USDT_ELSEWHERE, true))
        .isEqualTo(remote(Location.of(1, new Junction.Parachain(1000))));
    assertThat(
            type(
                HYDRATION,
                ASSET_HUB,
                Location.of(0, new Junction.GeneralIndex(BigInteger.ZERO)),
                false))
        .isEqualTo(new TransferType.LocalReserve());
    assertThat(type(ASSET_HUB, RELAY, USDT_ON_ASSET_HUB, false))
        .as("USDT is not teleported even between system chains")
        .isEqualTo(new TransferType.LocalReserve());
  }

  @Test
  void shouldRefuseBridgedAssetsAndChains() {
    final Location ksm = Location.of(2, new Junction.GlobalConsensus(NetworkId.KUSAMA));

    assertThatThrownBy(() -> type(ASSET_HUB, HYDRATION, ksm, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot tell the reserve");
    assertThatThrownBy(() -> ASSET_HUB.locationOf(Chain.parachain(NetworkId.KUSAMA, 1000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bridged transfers");
  }

  @Test
  void shouldLocateChainsFromEachOther() {
    assertThat(RELAY.locationOf(ASSET_HUB)).isEqualTo(Location.of(0, new Junction.Parachain(1000)));
    assertThat(HYDRATION.locationOf(ASSET_HUB))
        .isEqualTo(Location.of(1, new Junction.Parachain(1000)));
    assertThat(HYDRATION.locationOf(RELAY)).isEqualTo(Location.PARENT);
    assertThat(HYDRATION.locationOf(HYDRATION)).isEqualTo(Location.HERE);
  }
}
