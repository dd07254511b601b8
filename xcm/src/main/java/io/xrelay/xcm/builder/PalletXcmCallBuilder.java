package io.xrelay.xcm.builder;

import io.xrelay.scale.ScaleWriter;
import io.xrelay.xcm.VersionedAssetId;
import io.xrelay.xcm.VersionedAssets;
import io.xrelay.xcm.VersionedLocation;
import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.XcmVersion;
import io.xrelay.xcm.codec.XcmCodec;
import io.xrelay.xcm.codec.XcmWriter;
import io.xrelay.xcm.model.Asset;
import io.xrelay.xcm.model.AssetFilter;
import io.xrelay.xcm.model.AssetId;
import io.xrelay.xcm.model.AssetOrder;
import io.xrelay.xcm.model.Assets;
import io.xrelay.xcm.model.Bytes;
import io.xrelay.xcm.model.Instruction;
import io.xrelay.xcm.model.Location;
import io.xrelay.xcm.model.WeightLimit;
import io.xrelay.xcm.model.WildAsset;
import io.xrelay.xcm.model.Xcm;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the pallet-xcm calls a parachain team submits to move assets, with the indices of the
 * target runtime ({@link PalletXcmCalls}) and the XCM version the caller picks (the highest both
 * sides support; V5 on current Polkadot and Kusama chains).
 */
public final class PalletXcmCallBuilder {
  static final String VERSIONED_LOCATION = "xcm::VersionedLocation";
  static final String VERSIONED_ASSETS = "xcm::VersionedAssets";
  static final String WEIGHT_LIMIT = "xcm::v3::WeightLimit";
  static final String TRANSFER_TYPE = "staging_xcm_executor::traits::asset_transfer::TransferType";

  /** The arguments of limited_reserve_transfer_assets, limited_teleport_assets, transfer_assets. */
  static final List<PalletXcmCalls.Argument> TRANSFER_ARGUMENTS =
      List.of(
          new PalletXcmCalls.Argument("dest", VERSIONED_LOCATION),
          new PalletXcmCalls.Argument("beneficiary", VERSIONED_LOCATION),
          new PalletXcmCalls.Argument("assets", VERSIONED_ASSETS),
          new PalletXcmCalls.Argument("fee_asset_item", ""),
          new PalletXcmCalls.Argument("weight_limit", WEIGHT_LIMIT));

  /**
   * The same arguments on runtimes from before XCM V4 (the Kusama and Polkadot runtimes of 2023 and
   * early 2024, such as the devnet's spec 1000000), whose types were still named after {@code
   * MultiLocation} / {@code MultiAssets}. Their encoding is the same for V3.
   */
  static final List<PalletXcmCalls.Argument> PRE_V4_TRANSFER_ARGUMENTS =
      List.of(
          new PalletXcmCalls.Argument("dest", "xcm::VersionedMultiLocation"),
          new PalletXcmCalls.Argument("beneficiary", "xcm::VersionedMultiLocation"),
          new PalletXcmCalls.Argument("assets", "xcm::VersionedMultiAssets"),
          new PalletXcmCalls.Argument("fee_asset_item", ""),
          new PalletXcmCalls.Argument("weight_limit", WEIGHT_LIMIT));

  static final List<PalletXcmCalls.Argument> TYPE_AND_THEN_ARGUMENTS =
      List.of(
          new PalletXcmCalls.Argument("dest", VERSIONED_LOCATION),
          new PalletXcmCalls.Argument("assets", VERSIONED_ASSETS),
          new PalletXcmCalls.Argument("assets_transfer_type", TRANSFER_TYPE),
          new PalletXcmCalls.Argument("remote_fees_id", "xcm::VersionedAssetId"),
          new PalletXcmCalls.Argument("fees_transfer_type", TRANSFER_TYPE),
          new PalletXcmCalls.Argument("custom_xcm_on_dest", "xcm::VersionedXcm"),
          new PalletXcmCalls.Argument("weight_limit", WEIGHT_LIMIT));

  private static final SecureRandom TOPICS = new SecureRandom();

  private final PalletXcmCalls calls;
  private final XcmVersion version;

  public PalletXcmCallBuilder(final PalletXcmCalls calls, final XcmVersion version) {
    if (version.isLegacy()) {
      throw new IllegalArgumentException("V2 is read-only");
    }
    this.calls = calls;
    this.version = version;
  }

  public PalletXcmCall limitedReserveTransferAssets(
      final Location dest,
      final Location beneficiary,
      final List<Asset> assets,
      final long feeAssetItem,
      final WeightLimit weightLimit) {
    return transferCall(
        "limited_reserve_transfer_assets", dest, beneficiary, assets, feeAssetItem, weightLimit);
  }

  public PalletXcmCall limitedTeleportAssets(
      final Location dest,
      final Location beneficiary,
      final List<Asset> assets,
      final long feeAssetItem,
      final WeightLimit weightLimit) {
    return transferCall(
        "limited_teleport_assets", dest, beneficiary, assets, feeAssetItem, weightLimit);
  }

  /** pallet-xcm chooses teleport or reserve transfer by itself. */
  public PalletXcmCall transferAssets(
      final Location dest,
      final Location beneficiary,
      final List<Asset> assets,
      final long feeAssetItem,
      final WeightLimit weightLimit) {
    return transferCall("transfer_assets", dest, beneficiary, assets, feeAssetItem, weightLimit);
  }

  /**
   * {@code transfer_assets_using_type_and_then} with explicit transfer types; {@code
   * SetTopic(topic)} is appended to {@code customXcmOnDest} unless it already ends with one.
   */
  public PalletXcmCall transferAssetsUsingTypeAndThen(
      final Location dest,
      final List<Asset> assets,
      final TransferType assetsTransferType,
      final Location remoteFeesId,
      final TransferType feesTransferType,
      final Xcm customXcmOnDest,
      final Bytes topic,
      final WeightLimit weightLimit) {
    final PalletXcmCalls.Call call =
        calls.require("transfer_assets_using_type_and_then", TYPE_AND_THEN_ARGUMENTS);
    final Xcm onDest = withTopic(customXcmOnDest, topic);
    final ScaleWriter out = header(call);
    XcmCodec.write(out, VersionedLocation.of(version, dest));
    XcmCodec.write(out, VersionedAssets.of(version, AssetOrder.normalize(assets)));
    writeTransferType(out, assetsTransferType);
    XcmCodec.write(out, new VersionedAssetId(version, AssetId.of(remoteFeesId)));
    writeTransferType(out, feesTransferType);
    XcmCodec.write(out, VersionedXcm.of(version, onDest));
    new XcmWriter(out, version).writeWeightLimit(weightLimit);
    return new PalletXcmCall(
        "transfer_assets_using_type_and_then", Bytes.wrap(out.toByteArray()), onDest.topic());
  }

  /**
   * Moves {@code asset} (seen from {@code origin}) to {@code beneficiary} (seen from {@code
   * destination}) the usual way ({@link TransferRules}), through {@code
   * transfer_assets_using_type_and_then}: it takes explicit types, works during and after the Asset
   * Hub migration (which disabled reserve transfers of DOT/KSM through the older calls), and
   * carries the XCM run on the destination, which deposits the assets and ends with a {@code
   * SetTopic} so the transfer can be tracked. The asset pays its own fees.
   */
  public PalletXcmCall transfer(
      final Chain origin,
      final Chain destination,
      final Asset asset,
      final Location beneficiary,
      final boolean assetHubMigrated,
      final Optional<Bytes> topic,
      final WeightLimit weightLimit) {
    if (!(asset.id() instanceof AssetId.Concrete concrete)) {
      throw new IllegalArgumentException("an abstract asset id has no reserve to transfer through");
    }
    final Location assetLocation = concrete.location();
    final TransferType type =
        TransferRules.transferType(origin, destination, assetLocation, assetHubMigrated, version);
    final Xcm deposit =
        Xcm.of(
            new Instruction.DepositAsset(
                new AssetFilter.Wild(new WildAsset.AllCounted(1)), beneficiary));
    return transferAssetsUsingTypeAndThen(
        origin.locationOf(destination),
        List.of(asset),
        type,
        assetLocation,
        type,
        deposit,
        topic.orElseGet(PalletXcmCallBuilder::randomTopic),
        weightLimit);
  }

  private PalletXcmCall transferCall(
      final String name,
      final Location dest,
      final Location beneficiary,
      final List<Asset> assets,
      final long feeAssetItem,
      final WeightLimit weightLimit) {
    final PalletXcmCalls.Call call = requireTransferCall(name);
    final Assets sorted = AssetOrder.normalize(assets);
    if (feeAssetItem < 0 || feeAssetItem >= sorted.size()) {
      throw new IllegalArgumentException(
          "fee_asset_item "
              + feeAssetItem
              + " is not an index of the "
              + sorted.size()
              + " assets");
    }
    final ScaleWriter out = header(call);
    XcmCodec.write(out, VersionedLocation.of(version, dest));
    XcmCodec.write(out, VersionedLocation.of(version, beneficiary));
    XcmCodec.write(out, VersionedAssets.of(version, sorted));
    out.writeU32(feeAssetItem);
    new XcmWriter(out, version).writeWeightLimit(weightLimit);
    return new PalletXcmCall(name, Bytes.wrap(out.toByteArray()), Optional.empty());
  }

  /** The call in the current shape, or in the pre-V4 one when this builder writes V3. */
  private PalletXcmCalls.Call requireTransferCall(final String name) {
    final PalletXcmCalls.Call found = calls.calls().get(name);
    if (found != null && found.arguments().equals(PRE_V4_TRANSFER_ARGUMENTS)) {
      if (version != XcmVersion.V3) {
        throw new IllegalStateException(
            calls.palletName()
                + "."
                + name
                + " takes XCM up to V3 (VersionedMultiLocation), the builder writes "
                + version);
      }
      return found;
    }
    return calls.require(name, TRANSFER_ARGUMENTS);
  }

  private ScaleWriter header(final PalletXcmCalls.Call call) {
    final ScaleWriter out = new ScaleWriter(256);
    out.writeU8(calls.palletIndex());
    out.writeU8(call.index());
    return out;
  }

  private static void writeTransferType(final ScaleWriter out, final TransferType type) {
    out.writeVariantIndex(type.variantIndex());
    if (type instanceof TransferType.RemoteReserve remote) {
      XcmCodec.write(out, remote.reserve());
    }
  }

  private static Xcm withTopic(final Xcm xcm, final Bytes topic) {
    if (xcm.topic().isPresent()) {
      return xcm;
    }
    final List<Instruction> instructions = new ArrayList<>(xcm.instructions());
    instructions.add(new Instruction.SetTopic(topic));
    return new Xcm(instructions);
  }

  private static Bytes randomTopic() {
    final byte[] topic = new byte[32];
    TOPICS.nextBytes(topic);
    return Bytes.wrap(topic);
  }
}
