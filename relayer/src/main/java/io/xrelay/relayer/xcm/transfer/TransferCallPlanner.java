package io.xrelay.relayer.xcm.transfer;

import io.xrelay.relayer.xcm.PalletXcmMetadata;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.xcm.XcmVersion;
import io.xrelay.xcm.builder.Chain;
import io.xrelay.xcm.builder.PalletXcmCall;
import io.xrelay.xcm.builder.PalletXcmCallBuilder;
import io.xrelay.xcm.builder.PalletXcmCalls;
import io.xrelay.xcm.builder.TransferRules;
import io.xrelay.xcm.builder.TransferType;
import io.xrelay.xcm.model.Asset;
import io.xrelay.xcm.model.AssetId;
import io.xrelay.xcm.model.Bytes;
import io.xrelay.xcm.model.Location;
import io.xrelay.xcm.model.WeightLimit;
import java.util.List;
import java.util.Optional;

/**
 * Picks and builds the pallet-xcm call of a transfer from the origin runtime's own metadata.
 *
 * <p>Runtimes with {@code transfer_assets_using_type_and_then} (pallet-xcm of 2024 on: current
 * Polkadot and Kusama) get it, with the transfer type of {@link TransferRules} and our own {@code
 * SetTopic} at the end of the XCM run on the destination: the topic is the message id the
 * destination reports, known before we submit. Older runtimes (the devnet's spec 1000000) have only
 * {@code limited_teleport_assets} / {@code limited_reserve_transfer_assets}, which take no message:
 * their router appends a topic of its own ({@code WithUniqueTopic}, random per message), so the id
 * is read from the outbound queue once the call is in a block ({@link OutboundQueue}).
 */
public final class TransferCallPlanner {
  static final String TYPE_AND_THEN = "transfer_assets_using_type_and_then";

  /** The call to submit, the XCM version it is written in, and the topic when we chose it. */
  public record PlannedCall(PalletXcmCall call, XcmVersion version, TransferType type) {
    public Optional<Bytes> topic() {
      return call.topic();
    }
  }

  private TransferCallPlanner() {}

  /**
   * @throws IllegalArgumentException when the runtime has no call that can make this transfer
   */
  public static PlannedCall plan(
      final RuntimeMetadata originMetadata,
      final Chain origin,
      final Chain destination,
      final Asset asset,
      final Location beneficiary,
      final Optional<Bytes> topic) {
    final PalletXcmCalls calls = PalletXcmMetadata.read(originMetadata);
    final XcmVersion version = PalletXcmMetadata.highestXcmVersion(originMetadata);
    final PalletXcmCallBuilder builder = new PalletXcmCallBuilder(calls, version);
    if (!(asset.id() instanceof AssetId.Concrete concrete)) {
      throw new IllegalArgumentException("an abstract asset id has no reserve to transfer through");
    }
    // Before the Asset Hub migration the relay is the reserve of its token; teleports between
    // the relay and its system chains do not depend on it.
    final boolean assetHubMigrated = false;
    final TransferType type =
        TransferRules.transferType(
            origin, destination, concrete.location(), assetHubMigrated, version);
    if (calls.calls().containsKey(TYPE_AND_THEN)) {
      return new PlannedCall(
          builder.transfer(
              origin,
              destination,
              asset,
              beneficiary,
              assetHubMigrated,
              topic,
              WeightLimit.UNLIMITED),
          version,
          type);
    }
    final Location dest = origin.locationOf(destination);
    final List<Asset> assets = List.of(asset);
    if (type instanceof TransferType.Teleport) {
      return new PlannedCall(
          builder.limitedTeleportAssets(dest, beneficiary, assets, 0, WeightLimit.UNLIMITED),
          version,
          type);
    }
    if (type instanceof TransferType.RemoteReserve) {
      throw new IllegalArgumentException(
          calls.palletName()
              + " of this runtime has no "
              + TYPE_AND_THEN
              + ", and the older calls cannot transfer through a third chain's reserve");
    }
    return new PlannedCall(
        builder.limitedReserveTransferAssets(dest, beneficiary, assets, 0, WeightLimit.UNLIMITED),
        version,
        type);
  }
}
