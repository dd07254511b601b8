package io.xrelay.xcm.builder;

import io.xrelay.xcm.VersionedLocation;
import io.xrelay.xcm.XcmVersion;
import io.xrelay.xcm.model.Junction;
import io.xrelay.xcm.model.Location;

/**
 * The usual choice between teleport and reserve transfer. The relay chain and its system parachains
 * trust each other to teleport the relay's native token (DOT, KSM); everything else moves through
 * its reserve: the chain that issues it, and for DOT/KSM the relay chain, or Asset Hub once the
 * Asset Hub migration has moved balances and the reserve there.
 */
public final class TransferRules {
  private TransferRules() {}

  /**
   * The transfer type for sending {@code asset} (a location seen from {@code origin}) from {@code
   * origin} to {@code destination}.
   */
  public static TransferType transferType(
      final Chain origin,
      final Chain destination,
      final Location asset,
      final boolean assetHubMigrated,
      final XcmVersion version) {
    final boolean relayToken = isRelayNativeToken(origin, asset);
    if (relayToken && trustedTeleporter(origin) && trustedTeleporter(destination)) {
      return new TransferType.Teleport();
    }
    final Chain reserve =
        relayToken
            ? (assetHubMigrated ? origin.assetHub() : Chain.relay(origin.network()))
            : issuer(origin, asset);
    if (reserve.equals(origin)) {
      return new TransferType.LocalReserve();
    }
    if (reserve.equals(destination)) {
      return new TransferType.DestinationReserve();
    }
    return new TransferType.RemoteReserve(
        VersionedLocation.of(version, origin.locationOf(reserve)));
  }

  private static boolean trustedTeleporter(final Chain chain) {
    return chain.isRelay() || chain.isSystemParachain();
  }

  /** {@code {0, Here}} on the relay, {@code {1, Here}} on a parachain. */
  static boolean isRelayNativeToken(final Chain origin, final Location asset) {
    return asset.interior().isHere() && asset.parents() == (origin.isRelay() ? 0 : 1);
  }

  /** The chain whose location prefixes the asset's, seen from {@code origin}. */
  static Chain issuer(final Chain origin, final Location asset) {
    if (asset.parents() == 0) {
      if (origin.isRelay()
          && !asset.interior().isHere()
          && asset.interior().get(0) instanceof Junction.Parachain para) {
        return Chain.parachain(origin.network(), para.id());
      }
      return origin;
    }
    if (asset.parents() == 1 && !origin.isRelay()) {
      if (!asset.interior().isHere()
          && asset.interior().get(0) instanceof Junction.Parachain para) {
        return Chain.parachain(origin.network(), para.id());
      }
      return Chain.relay(origin.network());
    }
    throw new IllegalArgumentException(
        "cannot tell the reserve of asset "
            + asset
            + " seen from "
            + origin
            + " (bridged or malformed location)");
  }
}
