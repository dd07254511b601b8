package io.xrelay.xcm;

import io.xrelay.xcm.model.Asset;
import io.xrelay.xcm.model.AssetFilter;
import io.xrelay.xcm.model.AssetId;
import io.xrelay.xcm.model.AssetInstance;
import io.xrelay.xcm.model.AssetOrder;
import io.xrelay.xcm.model.AssetTransferFilter;
import io.xrelay.xcm.model.Assets;
import io.xrelay.xcm.model.BodyId;
import io.xrelay.xcm.model.BodyPart;
import io.xrelay.xcm.model.Bytes;
import io.xrelay.xcm.model.ExecutionError;
import io.xrelay.xcm.model.Fungibility;
import io.xrelay.xcm.model.Hint;
import io.xrelay.xcm.model.Instruction;
import io.xrelay.xcm.model.Junction;
import io.xrelay.xcm.model.Junctions;
import io.xrelay.xcm.model.Location;
import io.xrelay.xcm.model.MaybeErrorCode;
import io.xrelay.xcm.model.NetworkId;
import io.xrelay.xcm.model.OriginKind;
import io.xrelay.xcm.model.PalletInfo;
import io.xrelay.xcm.model.QueryResponseInfo;
import io.xrelay.xcm.model.Response;
import io.xrelay.xcm.model.Weight;
import io.xrelay.xcm.model.WeightLimit;
import io.xrelay.xcm.model.WildAsset;
import io.xrelay.xcm.model.WildFungibility;
import io.xrelay.xcm.model.Xcm;
import io.xrelay.xcm.model.XcmError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One instance of every instruction a version has, filled with the less common variants (every
 * junction, several network ids, non-fungibles, all response kinds), for round-trip tests.
 */
public final class SampleInstructions {
  private SampleInstructions() {}

  static Bytes filled(final int length, final int value) {
    final byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return Bytes.wrap(bytes);
  }

  public static Location usdt() {
    return Location.of(
        1,
        new Junction.Parachain(1000),
        new Junction.PalletInstance(50),
        new Junction.GeneralIndex(BigInteger.valueOf(1984)));
  }

  public static Location account() {
    return Location.of(
        0, new Junction.AccountId32(Optional.of(NetworkId.POLKADOT), filled(32, 0x11)));
  }

  public static Location ethereumAccount() {
    return Location.of(
        2,
        new Junction.GlobalConsensus(new NetworkId.Ethereum(1)),
        new Junction.AccountKey20(Optional.empty(), filled(20, 0x22)));
  }

  static Location exotic(final XcmVersion version) {
    final NetworkId network =
        version == XcmVersion.V5 ? new NetworkId.ByGenesis(filled(32, 0x33)) : NetworkId.WESTEND;
    return Location.of(
        3,
        new Junction.AccountIndex64(Optional.of(new NetworkId.ByFork(-1L, filled(32, 0x44))), 42),
        new Junction.GeneralKey(4, filled(32, 0x55)),
        new Junction.OnlyChild(),
        new Junction.Plurality(
            new BodyId.Moniker(Bytes.fromHex("0x61626364")), new BodyPart.Proportion(3, 1, 2)),
        new Junction.Plurality(new BodyId.Index(7), new BodyPart.Members(5)),
        new Junction.Plurality(new BodyId.Simple(9), new BodyPart.Voice()),
        new Junction.GlobalConsensus(network),
        new Junction.GlobalConsensus(NetworkId.POLKADOT_BULLETIN));
  }

  static Assets assets(final XcmVersion version) {
    final List<Asset> assets = new ArrayList<>();
    assets.add(
        Asset.fungible(Location.PARENT, new BigInteger("340282366920938463463374607431768211455")));
    assets.add(Asset.fungible(usdt(), BigInteger.valueOf(1_000_000)));
    assets.add(
        new Asset(
            AssetId.of(usdt()),
            new Fungibility.NonFungible(new AssetInstance.Index(BigInteger.TEN))));
    assets.add(
        new Asset(
            AssetId.of(usdt()),
            new Fungibility.NonFungible(new AssetInstance.Array(filled(16, 0x66)))));
    assets.add(
        new Asset(
            AssetId.of(exotic(version)),
            new Fungibility.NonFungible(new AssetInstance.Undefined())));
    if (version == XcmVersion.V3) {
      assets.add(
          new Asset(
              new AssetId.Abstract(filled(32, 0x77)), new Fungibility.Fungible(BigInteger.TWO)));
    }
    return AssetOrder.normalize(assets);
  }

  static Xcm inner() {
    return Xcm.of(new Instruction.ClearOrigin());
  }

  static QueryResponseInfo info() {
    return new QueryResponseInfo(
        Location.PARENT, Long.MIN_VALUE, new Weight(1_000_000_000L, 65_536));
  }

  static XcmError error(final XcmVersion version) {
    return version == XcmVersion.V5
        ? new XcmError.Simple(XcmError.Kind.TOO_MANY_ASSETS)
        : new XcmError.WeightLimitReached(new Weight(5, 6));
  }

  /** Every instruction {@code version} has, in index order. */
  public static List<Instruction> all(final XcmVersion version) {
    final Assets assets = assets(version);
    final AssetFilter definite = new AssetFilter.Definite(assets);
    final Asset fee = Asset.fungible(Location.PARENT, BigInteger.valueOf(10_000_000_000L));
    final WildAsset.AllOfCounted allOf =
        new WildAsset.AllOfCounted(AssetId.of(usdt()), WildFungibility.NON_FUNGIBLE, 3);
    final List<Instruction> out = new ArrayList<>();
    out.add(new Instruction.WithdrawAsset(assets));
    out.add(new Instruction.ReserveAssetDeposited(Assets.of(fee)));
    out.add(new Instruction.ReceiveTeleportedAsset(Assets.EMPTY));
    out.add(
        new Instruction.QueryResponse(
            7,
            new Response.PalletsInfo(
                List.of(
                    new PalletInfo(
                        31,
                        Bytes.of("PolkadotXcm".getBytes()),
                        Bytes.of("pallet_xcm".getBytes()),
                        1,
                        2,
                        3))),
            new Weight(1, 2),
            Optional.of(Location.PARENT)));
    out.add(new Instruction.TransferAsset(Assets.of(fee), account()));
    out.add(new Instruction.TransferReserveAsset(Assets.of(fee), usdt(), inner()));
    out.add(
        new Instruction.Transact(
            OriginKind.SOVEREIGN_ACCOUNT,
            Optional.of(new Weight(1_000_000, 1_000)),
            Bytes.fromHex("0x00010203")));
    out.add(new Instruction.HrmpNewChannelOpenRequest(2000, 102400, 1000));
    out.add(new Instruction.HrmpChannelAccepted(2004));
    out.add(new Instruction.HrmpChannelClosing(1, 2, 3));
    out.add(new Instruction.ClearOrigin());
    out.add(new Instruction.DescendOrigin(account().interior()));
    out.add(new Instruction.ReportError(info()));
    out.add(
        new Instruction.DepositAsset(new AssetFilter.Wild(new WildAsset.AllCounted(1)), account()));
    out.add(
        new Instruction.DepositReserveAsset(
            new AssetFilter.Wild(new WildAsset.All()), usdt(), inner()));
    out.add(new Instruction.ExchangeAsset(definite, Assets.of(fee), true));
    out.add(
        new Instruction.InitiateReserveWithdraw(
            new AssetFilter.Wild(allOf), Location.PARENT, inner()));
    out.add(
        new Instruction.InitiateTeleport(
            new AssetFilter.Wild(
                new WildAsset.AllOf(AssetId.of(Location.PARENT), WildFungibility.FUNGIBLE)),
            Location.PARENT,
            inner()));
    out.add(new Instruction.ReportHolding(info(), definite));
    out.add(new Instruction.BuyExecution(fee, new WeightLimit.Limited(new Weight(-1L, 0))));
    out.add(new Instruction.RefundSurplus());
    out.add(new Instruction.SetErrorHandler(inner()));
    out.add(new Instruction.SetAppendix(Xcm.EMPTY));
    out.add(new Instruction.ClearError());
    out.add(new Instruction.ClaimAsset(Assets.of(fee), Location.HERE));
    out.add(new Instruction.Trap(Long.MAX_VALUE));
    out.add(new Instruction.SubscribeVersion(9, new Weight(3, 4)));
    out.add(new Instruction.UnsubscribeVersion());
    out.add(new Instruction.BurnAsset(Assets.of(fee)));
    out.add(new Instruction.ExpectAsset(Assets.of(fee)));
    out.add(new Instruction.ExpectOrigin(Optional.empty()));
    out.add(new Instruction.ExpectError(Optional.of(new ExecutionError(4, error(version)))));
    out.add(new Instruction.ExpectTransactStatus(new MaybeErrorCode.Failure(true, filled(128, 1))));
    out.add(new Instruction.QueryPallet(Bytes.of("pallet_balances".getBytes()), info()));
    out.add(
        new Instruction.ExpectPallet(
            10, Bytes.of("Balances".getBytes()), Bytes.of("pallet_balances".getBytes()), 4, 0));
    out.add(new Instruction.ReportTransactStatus(info()));
    out.add(new Instruction.ClearTransactStatus());
    out.add(new Instruction.UniversalOrigin(new Junction.GlobalConsensus(NetworkId.KUSAMA)));
    out.add(
        new Instruction.ExportMessage(
            NetworkId.KUSAMA, Junctions.of(new Junction.Parachain(1000)), inner()));
    out.add(new Instruction.LockAsset(fee, Location.PARENT));
    out.add(new Instruction.UnlockAsset(fee, account()));
    out.add(new Instruction.NoteUnlockable(fee, account()));
    out.add(new Instruction.RequestUnlock(fee, Location.PARENT));
    out.add(new Instruction.SetFeesMode(true));
    out.add(new Instruction.SetTopic(filled(32, 0x99)));
    out.add(new Instruction.ClearTopic());
    out.add(new Instruction.AliasOrigin(ethereumAccount()));
    out.add(new Instruction.UnpaidExecution(WeightLimit.UNLIMITED, Optional.of(Location.PARENT)));
    if (version == XcmVersion.V5) {
      out.add(new Instruction.PayFees(fee));
      out.add(
          new Instruction.InitiateTransfer(
              Location.of(1, new Junction.Parachain(2034)),
              Optional.of(
                  new AssetTransferFilter(
                      AssetTransferFilter.Kind.RESERVE_DEPOSIT,
                      new AssetFilter.Definite(Assets.of(fee)))),
              true,
              List.of(
                  new AssetTransferFilter(
                      AssetTransferFilter.Kind.TELEPORT,
                      new AssetFilter.Wild(new WildAsset.AllCounted(1))),
                  new AssetTransferFilter(AssetTransferFilter.Kind.RESERVE_WITHDRAW, definite)),
              inner()));
      out.add(new Instruction.ExecuteWithOrigin(Optional.of(account().interior()), inner()));
      out.add(new Instruction.SetHints(List.of(new Hint.AssetClaimer(account()))));
      out.set(
          6, new Instruction.Transact(OriginKind.XCM, Optional.empty(), Bytes.fromHex("0x0a0b")));
    }
    return out;
  }

  /** Every {@link Response} kind, for {@code QueryResponse}. */
  public static List<Response> responses(final XcmVersion version) {
    return List.of(
        new Response.Null(),
        new Response.AssetsResponse(assets(version)),
        new Response.ExecutionResult(Optional.empty()),
        new Response.ExecutionResult(Optional.of(new ExecutionError(1, new XcmError.Trap(-2L)))),
        new Response.Version(5),
        new Response.DispatchResult(new MaybeErrorCode.Success()),
        new Response.DispatchResult(new MaybeErrorCode.Failure(false, Bytes.fromHex("0x0102"))));
  }
}
