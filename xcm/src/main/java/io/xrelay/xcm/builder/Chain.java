package io.xrelay.xcm.builder;

import io.xrelay.xcm.model.Junction;
import io.xrelay.xcm.model.Location;
import io.xrelay.xcm.model.NetworkId;
import java.util.OptionalLong;

/**
 * A relay chain ({@code paraId} empty) or one of its parachains, within one consensus ({@code
 * network}: Polkadot or Kusama). System parachains (Asset Hub 1000, Collectives 1001, BridgeHub
 * 1002, People 1004, Coretime 1005, ...) have ids below 2000.
 */
public record Chain(NetworkId network, OptionalLong paraId) {
  public static final long ASSET_HUB = 1000;
  private static final long FIRST_NON_SYSTEM_PARA = 2000;

  public static Chain relay(final NetworkId network) {
    return new Chain(network, OptionalLong.empty());
  }

  public static Chain parachain(final NetworkId network, final long paraId) {
    return new Chain(network, OptionalLong.of(paraId));
  }

  public boolean isRelay() {
    return paraId.isEmpty();
  }

  public boolean isSystemParachain() {
    return paraId.isPresent() && paraId.getAsLong() < FIRST_NON_SYSTEM_PARA;
  }

  public Chain assetHub() {
    return parachain(network, ASSET_HUB);
  }

  /**
   * Where {@code target} is, seen from this chain: {@code {0, Here}} for itself, {@code {1, Here}}
   * for the relay seen from a parachain, {@code {0 or 1, X1(Parachain(id))}} for a parachain.
   */
  public Location locationOf(final Chain target) {
    if (!network.equals(target.network)) {
      throw new IllegalArgumentException(
          "bridged transfers ("
              + network.variantName()
              + " to "
              + target.network.variantName()
              + ") are not supported by these builders");
    }
    if (equals(target)) {
      return Location.HERE;
    }
    final int parents = isRelay() ? 0 : 1;
    return target.isRelay()
        ? new Location(parents, Location.HERE.interior())
        : Location.of(parents, new Junction.Parachain(target.paraId.getAsLong()));
  }
}
