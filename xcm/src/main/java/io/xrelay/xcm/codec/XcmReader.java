package io.xrelay.xcm.codec;

import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.scale.ScaleReader;
import io.xrelay.xcm.XcmVersion;
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
import io.xrelay.xcm.model.Outcome;
import io.xrelay.xcm.model.PalletInfo;
import io.xrelay.xcm.model.QueryResponseInfo;
import io.xrelay.xcm.model.Response;
import io.xrelay.xcm.model.SendError;
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
import java.util.OptionalInt;

/**
 * Decodes the V3, V4 and V5 types straight from a {@link ScaleReader} into the model, enforcing the
 * runtimes' limits ({@link XcmLimits}) the way SCALE's depth-tracking input counts them. One reader
 * decodes one top-level value; it is not thread safe.
 */
public final class XcmReader {
  private static final int MAX_COMPACT_U128_BITS = 128;

  private final ScaleReader in;
  private final XcmVersion version;
  private final boolean v3;
  private final boolean v5;
  private int depth;
  private int declaredInstructions;

  public XcmReader(final ScaleReader in, final XcmVersion version) {
    if (version.isLegacy()) {
      throw new IllegalArgumentException("V2 has its own reader");
    }
    this.in = in;
    this.version = version;
    this.v3 = version == XcmVersion.V3;
    this.v5 = version == XcmVersion.V5;
  }

  public ScaleReader input() {
    return in;
  }

  // ---- limits ----

  private void descend(final String typeName) {
    if (++depth > XcmLimits.MAX_DECODE_DEPTH) {
      throw in.error(
          typeName,
          "nesting deeper than MAX_XCM_DECODE_DEPTH (" + XcmLimits.MAX_DECODE_DEPTH + ")");
    }
  }

  private void ascend() {
    depth--;
  }

  private ScaleDecodeException unknownVariant(
      final int at, final String typeName, final int index) {
    return in.errorAt(at, typeName, "unknown variant " + index + " in " + version);
  }

  // ---- programs ----

  public Xcm readXcm() {
    final int at = in.position();
    final long length = in.readCompactU32();
    declaredInstructions += (int) Math.min(length, XcmLimits.MAX_INSTRUCTIONS + 1);
    if (declaredInstructions > XcmLimits.MAX_INSTRUCTIONS) {
      throw in.errorAt(
          at,
          "Xcm",
          "more than MAX_INSTRUCTIONS_TO_DECODE ("
              + XcmLimits.MAX_INSTRUCTIONS
              + ") instructions in the message");
    }
    descend("Xcm");
    final Instruction[] instructions = new Instruction[(int) length];
    for (int i = 0; i < instructions.length; i++) {
      final int start = in.position();
      final int index = in.readVariantIndex("Instruction");
      try {
        instructions[i] = readInstructionBody(index, start);
      } catch (ScaleDecodeException e) {
        throw e.within(
            "instructions["
                + i
                + "]"
                + (index < Instruction.NAMES.size() ? " " + Instruction.NAMES.get(index) : ""));
      }
    }
    ascend();
    return new Xcm(Arrays.asList(instructions));
  }

  public Instruction readInstruction() {
    final int start = in.position();
    return readInstructionBody(in.readVariantIndex("Instruction"), start);
  }

  private Instruction readInstructionBody(final int index, final int at) {
    return switch (index) {
      case 0 -> new Instruction.WithdrawAsset(readAssets());
      case 1 -> new Instruction.ReserveAssetDeposited(readAssets());
      case 2 -> new Instruction.ReceiveTeleportedAsset(readAssets());
      case 3 ->
          new Instruction.QueryResponse(
              in.readCompactU64(), readResponse(), readWeight(), readOptionalLocation());
      case 4 -> new Instruction.TransferAsset(readAssets(), readLocation());
      case 5 -> new Instruction.TransferReserveAsset(readAssets(), readLocation(), readXcm());
      case 6 ->
          new Instruction.Transact(
              readOriginKind(),
              v5
                  ? (in.readOptionTag("Option<Weight>")
                      ? Optional.of(readWeight())
                      : Optional.empty())
                  : Optional.of(readWeight()),
              Bytes.wrap(in.readByteVec()));
      case 7 ->
          new Instruction.HrmpNewChannelOpenRequest(
              in.readCompactU32(), in.readCompactU32(), in.readCompactU32());
      case 8 -> new Instruction.HrmpChannelAccepted(in.readCompactU32());
      case 9 ->
          new Instruction.HrmpChannelClosing(
              in.readCompactU32(), in.readCompactU32(), in.readCompactU32());
      case 10 -> new Instruction.ClearOrigin();
      case 11 -> new Instruction.DescendOrigin(readJunctions());
      case 12 -> new Instruction.ReportError(readQueryResponseInfo());
      case 13 -> new Instruction.DepositAsset(readAssetFilter(), readLocation());
      case 14 -> new Instruction.DepositReserveAsset(readAssetFilter(), readLocation(), readXcm());
      case 15 -> new Instruction.ExchangeAsset(readAssetFilter(), readAssets(), in.readBool());
      case 16 ->
          new Instruction.InitiateReserveWithdraw(readAssetFilter(), readLocation(), readXcm());
      case 17 -> new Instruction.InitiateTeleport(readAssetFilter(), readLocation(), readXcm());
      case 18 -> new Instruction.ReportHolding(readQueryResponseInfo(), readAssetFilter());
      case 19 -> new Instruction.BuyExecution(readAsset(), readWeightLimit());
      case 20 -> new Instruction.RefundSurplus();
      case 21 -> new Instruction.SetErrorHandler(readXcm());
      case 22 -> new Instruction.SetAppendix(readXcm());
      case 23 -> new Instruction.ClearError();
      case 24 -> new Instruction.ClaimAsset(readAssets(), readLocation());
      case 25 -> new Instruction.Trap(in.readCompactU64());
      case 26 -> new Instruction.SubscribeVersion(in.readCompactU64(), readWeight());
      case 27 -> new Instruction.UnsubscribeVersion();
      case 28 -> new Instruction.BurnAsset(readAssets());
      case 29 -> new Instruction.ExpectAsset(readAssets());
      case 30 -> new Instruction.ExpectOrigin(readOptionalLocation());
      case 31 -> new Instruction.ExpectError(readOptionalExecutionError());
      case 32 -> new Instruction.ExpectTransactStatus(readMaybeErrorCode());
      case 33 -> new Instruction.QueryPallet(Bytes.wrap(in.readByteVec()), readQueryResponseInfo());
      case 34 ->
          new Instruction.ExpectPallet(
              in.readCompactU32(),
              Bytes.wrap(in.readByteVec()),
              Bytes.wrap(in.readByteVec()),
              in.readCompactU32(),
              in.readCompactU32());
      case 35 -> new Instruction.ReportTransactStatus(readQueryResponseInfo());
      case 36 -> new Instruction.ClearTransactStatus();
      case 37 -> new Instruction.UniversalOrigin(readJunction());
      case 38 -> new Instruction.ExportMessage(readNetworkId(), readJunctions(), readXcm());
      case 39 -> new Instruction.LockAsset(readAsset(), readLocation());
      case 40 -> new Instruction.UnlockAsset(readAsset(), readLocation());
      case 41 -> new Instruction.NoteUnlockable(readAsset(), readLocation());
      case 42 -> new Instruction.RequestUnlock(readAsset(), readLocation());
      case 43 -> new Instruction.SetFeesMode(in.readBool());
      case 44 -> new Instruction.SetTopic(Bytes.wrap(in.readBytes(32)));
      case 45 -> new Instruction.ClearTopic();
      case 46 -> new Instruction.AliasOrigin(readLocation());
      case 47 -> new Instruction.UnpaidExecution(readWeightLimit(), readOptionalLocation());
      default -> readV5OnlyInstruction(index, at);
    };
  }

  private Instruction readV5OnlyInstruction(final int index, final int at) {
    if (!v5 || index >= Instruction.NAMES.size()) {
      throw unknownVariant(at, "Instruction", index);
    }
    return switch (index) {
      case 48 -> new Instruction.PayFees(readAsset());
      case 49 ->
          new Instruction.InitiateTransfer(
              readLocation(),
              in.readOptionTag("Option<AssetTransferFilter>")
                  ? Optional.of(readAssetTransferFilter())
                  : Optional.empty(),
              in.readBool(),
              readAssetTransferFilters(),
              readXcm());
      case 50 ->
          new Instruction.ExecuteWithOrigin(
              in.readOptionTag("Option<Junctions>")
                  ? Optional.of(readJunctions())
                  : Optional.empty(),
              readXcm());
      default -> new Instruction.SetHints(readHints());
    };
  }

  // ---- locations ----

  public Location readLocation() {
    return new Location(in.readU8(), readJunctions());
  }

  private Optional<Location> readOptionalLocation() {
    return in.readOptionTag("Option<Location>") ? Optional.of(readLocation()) : Optional.empty();
  }

  public Junctions readJunctions() {
    final int at = in.position();
    final int count = in.readVariantIndex("Junctions");
    if (count > Junctions.MAX) {
      throw unknownVariant(at, "Junctions", count);
    }
    if (count == 0) {
      return Junctions.HERE;
    }
    // v4 and v5 hold the junctions in an Arc, which SCALE counts as one level of depth.
    if (!v3) {
      descend("Junctions");
    }
    final Junction[] junctions = new Junction[count];
    for (int i = 0; i < count; i++) {
      junctions[i] = readJunction();
    }
    if (!v3) {
      ascend();
    }
    return new Junctions(Arrays.asList(junctions));
  }

  public Junction readJunction() {
    final int at = in.position();
    final int index = in.readVariantIndex("Junction");
    return switch (index) {
      case 0 -> new Junction.Parachain(in.readCompactU32());
      case 1 -> new Junction.AccountId32(readOptionalNetworkId(), Bytes.wrap(in.readBytes(32)));
      case 2 -> new Junction.AccountIndex64(readOptionalNetworkId(), in.readCompactU64());
      case 3 -> new Junction.AccountKey20(readOptionalNetworkId(), Bytes.wrap(in.readBytes(20)));
      case 4 -> new Junction.PalletInstance(in.readU8());
      case 5 -> new Junction.GeneralIndex(readCompactU128("GeneralIndex"));
      case 6 -> new Junction.GeneralKey(in.readU8(), Bytes.wrap(in.readBytes(32)));
      case 7 -> new Junction.OnlyChild();
      case 8 -> new Junction.Plurality(readBodyId(), readBodyPart());
      case 9 -> new Junction.GlobalConsensus(readNetworkId());
      default -> throw unknownVariant(at, "Junction", index);
    };
  }

  private Optional<NetworkId> readOptionalNetworkId() {
    return in.readOptionTag("Option<NetworkId>") ? Optional.of(readNetworkId()) : Optional.empty();
  }

  public NetworkId readNetworkId() {
    final int at = in.position();
    final int index = in.readVariantIndex("NetworkId");
    return switch (index) {
      case 0 -> new NetworkId.ByGenesis(Bytes.wrap(in.readBytes(32)));
      case 1 -> new NetworkId.ByFork(in.readU64(), Bytes.wrap(in.readBytes(32)));
      case 2 -> NetworkId.POLKADOT;
      case 3 -> NetworkId.KUSAMA;
      case 4, 5, 6 -> {
        if (v5) {
          throw unknownVariant(at, "NetworkId", index);
        }
        yield index == 4 ? NetworkId.WESTEND : index == 5 ? NetworkId.ROCOCO : NetworkId.WOCOCO;
      }
      case 7 -> new NetworkId.Ethereum(in.readCompactU64());
      case 8 -> NetworkId.BITCOIN_CORE;
      case 9 -> NetworkId.BITCOIN_CASH;
      case 10 -> NetworkId.POLKADOT_BULLETIN;
      default -> throw unknownVariant(at, "NetworkId", index);
    };
  }

  public BodyId readBodyId() {
    final int at = in.position();
    final int index = in.readVariantIndex("BodyId");
    return switch (index) {
      case 0, 3, 4, 5, 6, 7, 8, 9 -> new BodyId.Simple(index);
      case 1 -> new BodyId.Moniker(Bytes.wrap(in.readBytes(4)));
      case 2 -> new BodyId.Index(in.readCompactU32());
      default -> throw unknownVariant(at, "BodyId", index);
    };
  }

  public BodyPart readBodyPart() {
    final int at = in.position();
    final int index = in.readVariantIndex("BodyPart");
    return switch (index) {
      case 0 -> new BodyPart.Voice();
      case 1 -> new BodyPart.Members(in.readCompactU32());
      case 2, 3, 4 -> new BodyPart.Proportion(index, in.readCompactU32(), in.readCompactU32());
      default -> throw unknownVariant(at, "BodyPart", index);
    };
  }

  // ---- assets ----

  public Assets readAssets() {
    final int at = in.position();
    final long count = in.readCompactU32();
    if (count > Assets.MAX_ITEMS) {
      throw in.errorAt(
          at, "Assets", count + " assets exceed MAX_ITEMS_IN_ASSETS (" + Assets.MAX_ITEMS + ")");
    }
    descend("Assets");
    final Asset[] assets = new Asset[(int) count];
    for (int i = 0; i < assets.length; i++) {
      assets[i] = readAsset();
    }
    ascend();
    final List<Asset> list = Arrays.asList(assets);
    final int outOfOrder = AssetOrder.firstOutOfOrder(list);
    if (outOfOrder >= 0) {
      throw in.errorAt(
          at,
          "Assets",
          "asset " + outOfOrder + " is out of order or a duplicate (\"Out of order\")");
    }
    return new Assets(list);
  }

  public Asset readAsset() {
    return new Asset(readAssetId(), readFungibility());
  }

  public AssetId readAssetId() {
    if (!v3) {
      return new AssetId.Concrete(readLocation());
    }
    final int at = in.position();
    final int index = in.readVariantIndex("AssetId");
    return switch (index) {
      case 0 -> new AssetId.Concrete(readLocation());
      case 1 -> new AssetId.Abstract(Bytes.wrap(in.readBytes(32)));
      default -> throw unknownVariant(at, "AssetId", index);
    };
  }

  public Fungibility readFungibility() {
    final int at = in.position();
    final int index = in.readVariantIndex("Fungibility");
    return switch (index) {
      case 0 -> {
        final BigInteger amount = readCompactU128("Fungible");
        if (amount.signum() == 0) {
          throw in.errorAt(at, "Fungibility", "fungible asset of zero amount is not allowed");
        }
        yield new Fungibility.Fungible(amount);
      }
      case 1 -> new Fungibility.NonFungible(readAssetInstance());
      default -> throw unknownVariant(at, "Fungibility", index);
    };
  }

  public AssetInstance readAssetInstance() {
    final int at = in.position();
    final int index = in.readVariantIndex("AssetInstance");
    return switch (index) {
      case 0 -> new AssetInstance.Undefined();
      case 1 -> new AssetInstance.Index(readCompactU128("AssetInstance"));
      case 2 -> new AssetInstance.Array(Bytes.wrap(in.readBytes(4)));
      case 3 -> new AssetInstance.Array(Bytes.wrap(in.readBytes(8)));
      case 4 -> new AssetInstance.Array(Bytes.wrap(in.readBytes(16)));
      case 5 -> new AssetInstance.Array(Bytes.wrap(in.readBytes(32)));
      default -> throw unknownVariant(at, "AssetInstance", index);
    };
  }

  public AssetFilter readAssetFilter() {
    final int at = in.position();
    final int index = in.readVariantIndex("AssetFilter");
    return switch (index) {
      case 0 -> new AssetFilter.Definite(readAssets());
      case 1 -> new AssetFilter.Wild(readWildAsset());
      default -> throw unknownVariant(at, "AssetFilter", index);
    };
  }

  public WildAsset readWildAsset() {
    final int at = in.position();
    final int index = in.readVariantIndex("WildAsset");
    return switch (index) {
      case 0 -> new WildAsset.All();
      case 1 -> new WildAsset.AllOf(readAssetId(), readWildFungibility());
      case 2 -> new WildAsset.AllCounted(in.readCompactU32());
      case 3 ->
          new WildAsset.AllOfCounted(readAssetId(), readWildFungibility(), in.readCompactU32());
      default -> throw unknownVariant(at, "WildAsset", index);
    };
  }

  public WildFungibility readWildFungibility() {
    final int at = in.position();
    final int index = in.readVariantIndex("WildFungibility");
    if (index > 1) {
      throw unknownVariant(at, "WildFungibility", index);
    }
    return WildFungibility.values()[index];
  }

  public AssetTransferFilter readAssetTransferFilter() {
    final int at = in.position();
    final int index = in.readVariantIndex("AssetTransferFilter");
    if (index > 2) {
      throw unknownVariant(at, "AssetTransferFilter", index);
    }
    return new AssetTransferFilter(AssetTransferFilter.Kind.values()[index], readAssetFilter());
  }

  private List<AssetTransferFilter> readAssetTransferFilters() {
    final int at = in.position();
    final long count = in.readCompactU32();
    if (count > AssetTransferFilter.MAX_IN_TRANSFER) {
      throw in.errorAt(
          at,
          "BoundedVec<AssetTransferFilter>",
          count
              + " filters exceed MaxAssetTransferFilters ("
              + AssetTransferFilter.MAX_IN_TRANSFER
              + ")");
    }
    descend("BoundedVec<AssetTransferFilter>");
    final List<AssetTransferFilter> filters = new ArrayList<>((int) count);
    for (int i = 0; i < count; i++) {
      filters.add(readAssetTransferFilter());
    }
    ascend();
    return filters;
  }

  private List<Hint> readHints() {
    final int at = in.position();
    final long count = in.readCompactU32();
    if (count > Hint.MAX_IN_SET_HINTS) {
      throw in.errorAt(
          at,
          "BoundedVec<Hint>",
          count + " hints exceed HintNumVariants (" + Hint.MAX_IN_SET_HINTS + ")");
    }
    descend("BoundedVec<Hint>");
    final List<Hint> hints = new ArrayList<>((int) count);
    for (int i = 0; i < count; i++) {
      hints.add(readHint());
    }
    ascend();
    return hints;
  }

  public Hint readHint() {
    final int at = in.position();
    final int index = in.readVariantIndex("Hint");
    if (index != 0) {
      throw unknownVariant(at, "Hint", index);
    }
    return new Hint.AssetClaimer(readLocation());
  }

  // ---- small types ----

  public Weight readWeight() {
    return new Weight(in.readCompactU64(), in.readCompactU64());
  }

  public WeightLimit readWeightLimit() {
    final int at = in.position();
    final int index = in.readVariantIndex("WeightLimit");
    return switch (index) {
      case 0 -> WeightLimit.UNLIMITED;
      case 1 -> new WeightLimit.Limited(readWeight());
      default -> throw unknownVariant(at, "WeightLimit", index);
    };
  }

  public OriginKind readOriginKind() {
    final int at = in.position();
    final int index = in.readVariantIndex("OriginKind");
    if (index > 3) {
      throw unknownVariant(at, "OriginKind", index);
    }
    return OriginKind.values()[index];
  }

  public QueryResponseInfo readQueryResponseInfo() {
    return new QueryResponseInfo(readLocation(), in.readCompactU64(), readWeight());
  }

  public Response readResponse() {
    final int at = in.position();
    final int index = in.readVariantIndex("Response");
    return switch (index) {
      case 0 -> new Response.Null();
      case 1 -> new Response.AssetsResponse(readAssets());
      case 2 -> new Response.ExecutionResult(readOptionalExecutionError());
      case 3 -> new Response.Version(in.readU32());
      case 4 -> new Response.PalletsInfo(readPalletsInfo());
      case 5 -> new Response.DispatchResult(readMaybeErrorCode());
      default -> throw unknownVariant(at, "Response", index);
    };
  }

  private List<PalletInfo> readPalletsInfo() {
    final int at = in.position();
    final long count = in.readCompactU32();
    if (count > PalletInfo.MAX_IN_RESPONSE) {
      throw in.errorAt(
          at,
          "BoundedVec<PalletInfo>",
          count + " pallets exceed MaxPalletsInfo (" + PalletInfo.MAX_IN_RESPONSE + ")");
    }
    descend("BoundedVec<PalletInfo>");
    final List<PalletInfo> pallets = new ArrayList<>((int) count);
    for (int i = 0; i < count; i++) {
      pallets.add(readPalletInfo());
    }
    ascend();
    return pallets;
  }

  public PalletInfo readPalletInfo() {
    return new PalletInfo(
        in.readCompactU32(),
        readBoundedBytes(PalletInfo.MAX_NAME_LENGTH, "PalletInfo name"),
        readBoundedBytes(PalletInfo.MAX_NAME_LENGTH, "PalletInfo module_name"),
        in.readCompactU32(),
        in.readCompactU32(),
        in.readCompactU32());
  }

  private Optional<ExecutionError> readOptionalExecutionError() {
    if (!in.readOptionTag("Option<(u32, Error)>")) {
      return Optional.empty();
    }
    return Optional.of(new ExecutionError(in.readU32(), readError()));
  }

  public XcmError readError() {
    final int at = in.position();
    final int index = in.readVariantIndex("Error");
    final XcmError.Kind kind = XcmError.Kind.byIndex(index, v5);
    if (kind == null) {
      throw unknownVariant(at, "Error", index);
    }
    return switch (kind) {
      case TRAP -> new XcmError.Trap(in.readU64());
      case WEIGHT_LIMIT_REACHED -> new XcmError.WeightLimitReached(readWeight());
      default -> new XcmError.Simple(kind);
    };
  }

  public SendError readSendError() {
    final int at = in.position();
    final int index = in.readVariantIndex("SendError");
    if (index >= SendError.values().length) {
      throw unknownVariant(at, "SendError", index);
    }
    return SendError.values()[index];
  }

  public MaybeErrorCode readMaybeErrorCode() {
    final int at = in.position();
    final int index = in.readVariantIndex("MaybeErrorCode");
    return switch (index) {
      case 0 -> new MaybeErrorCode.Success();
      case 1, 2 ->
          new MaybeErrorCode.Failure(
              index == 2, readBoundedBytes(MaybeErrorCode.MAX_LENGTH, "MaybeErrorCode"));
      default -> throw unknownVariant(at, "MaybeErrorCode", index);
    };
  }

  /**
   * An {@code Outcome} as events carry it, in this reader's version, with the failing instruction's
   * index in the V5 layout of current runtimes.
   */
  public Outcome readOutcome() {
    return readOutcome(v5);
  }

  /**
   * An {@code Outcome}; {@code withInstructionIndex} selects the layout that wraps the error in
   * {@code InstructionError { index: u8, error }} (V5 on current runtimes; V3, V4 and the first V5
   * runtimes carry the bare error).
   */
  public Outcome readOutcome(final boolean withInstructionIndex) {
    final int at = in.position();
    final int index = in.readVariantIndex("Outcome");
    return switch (index) {
      case 0 -> new Outcome.Complete(readWeight());
      case 1 -> new Outcome.Incomplete(readWeight(), readInstructionError(withInstructionIndex));
      case 2 -> new Outcome.Error(readInstructionError(withInstructionIndex));
      default -> throw unknownVariant(at, "Outcome", index);
    };
  }

  public Outcome.InstructionError readInstructionError() {
    return readInstructionError(true);
  }

  private Outcome.InstructionError readInstructionError(final boolean withIndex) {
    final OptionalInt index = withIndex ? OptionalInt.of(in.readU8()) : OptionalInt.empty();
    return new Outcome.InstructionError(index, readError());
  }

  // ---- numbers and bytes ----

  private BigInteger readCompactU128(final String typeName) {
    final int at = in.position();
    final BigInteger value = in.readCompact();
    if (value.bitLength() > MAX_COMPACT_U128_BITS) {
      throw in.errorAt(at, typeName, "compact value exceeds u128");
    }
    return value;
  }

  private Bytes readBoundedBytes(final int max, final String typeName) {
    final int at = in.position();
    final byte[] bytes = in.readByteVec();
    if (bytes.length > max) {
      throw in.errorAt(at, typeName, bytes.length + " bytes exceed the bound of " + max);
    }
    return Bytes.wrap(bytes);
  }
}
