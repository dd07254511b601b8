package io.xrelay.xcm.codec;

import io.xrelay.scale.ScaleWriter;
import io.xrelay.xcm.XcmConversionException;
import io.xrelay.xcm.XcmEncodeException;
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
import io.xrelay.xcm.model.ExecutionError;
import io.xrelay.xcm.model.Fungibility;
import io.xrelay.xcm.model.Hint;
import io.xrelay.xcm.model.Instruction;
import io.xrelay.xcm.model.Junction;
import io.xrelay.xcm.model.Junctions;
import io.xrelay.xcm.model.Location;
import io.xrelay.xcm.model.MaybeErrorCode;
import io.xrelay.xcm.model.NetworkId;
import io.xrelay.xcm.model.Outcome;
import io.xrelay.xcm.model.PalletInfo;
import io.xrelay.xcm.model.QueryResponseInfo;
import io.xrelay.xcm.model.Response;
import io.xrelay.xcm.model.Weight;
import io.xrelay.xcm.model.WeightLimit;
import io.xrelay.xcm.model.WildAsset;
import io.xrelay.xcm.model.Xcm;
import io.xrelay.xcm.model.XcmError;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Encodes the model as V3, V4 or V5. It refuses what the version cannot express ({@link
 * XcmConversionException}) and what the runtimes would refuse to decode ({@link
 * XcmEncodeException}: unsorted or too many assets, too many instructions, nesting too deep), so
 * whatever it writes decodes again. One writer encodes one top-level value.
 */
public final class XcmWriter {
  private final ScaleWriter out;
  private final XcmVersion version;
  private final boolean v3;
  private final boolean v5;
  private int depth;
  private int instructions;

  public XcmWriter(final ScaleWriter out, final XcmVersion version) {
    if (version.isLegacy()) {
      throw new XcmConversionException(version, "anything: V2 is read-only");
    }
    this.out = out;
    this.version = version;
    this.v3 = version == XcmVersion.V3;
    this.v5 = version == XcmVersion.V5;
  }

  private void descend(final String what) {
    if (++depth > XcmLimits.MAX_DECODE_DEPTH) {
      throw new XcmEncodeException(
          what + " nests deeper than MAX_XCM_DECODE_DEPTH (" + XcmLimits.MAX_DECODE_DEPTH + ")");
    }
  }

  private void ascend() {
    depth--;
  }

  // ---- programs ----

  public void writeXcm(final Xcm xcm) {
    instructions += xcm.size();
    if (instructions > XcmLimits.MAX_INSTRUCTIONS) {
      throw new XcmEncodeException(
          "the message holds more than MAX_INSTRUCTIONS_TO_DECODE ("
              + XcmLimits.MAX_INSTRUCTIONS
              + ") instructions");
    }
    out.writeCompact(xcm.size());
    descend("Xcm");
    for (final Instruction instruction : xcm.instructions()) {
      writeInstruction(instruction);
    }
    ascend();
  }

  public void writeInstruction(final Instruction instruction) {
    final int index = instruction.variantIndex();
    if (index >= Instruction.FIRST_V5_ONLY && !v5) {
      throw new XcmConversionException(version, instruction.variantName() + " (V5 only)");
    }
    out.writeVariantIndex(index);
    switch (index) {
      case 0 -> {
        final Instruction.WithdrawAsset i = (Instruction.WithdrawAsset) instruction;
        writeAssets(i.assets());
      }
      case 1 -> {
        final Instruction.ReserveAssetDeposited i = (Instruction.ReserveAssetDeposited) instruction;
        writeAssets(i.assets());
      }
      case 2 -> {
        final Instruction.ReceiveTeleportedAsset i =
            (Instruction.ReceiveTeleportedAsset) instruction;
        writeAssets(i.assets());
      }
      case 3 -> {
        final Instruction.QueryResponse i = (Instruction.QueryResponse) instruction;
        out.writeCompact(i.queryId());
        writeResponse(i.response());
        writeWeight(i.maxWeight());
        writeOptionalLocation(i.querier());
      }
      case 4 -> {
        final Instruction.TransferAsset i = (Instruction.TransferAsset) instruction;
        writeAssets(i.assets());
        writeLocation(i.beneficiary());
      }
      case 5 -> {
        final Instruction.TransferReserveAsset i = (Instruction.TransferReserveAsset) instruction;
        writeAssets(i.assets());
        writeLocation(i.dest());
        writeXcm(i.xcm());
      }
      case 6 -> {
        final Instruction.Transact i = (Instruction.Transact) instruction;
        out.writeVariantIndex(i.originKind().variantIndex());
        if (v5) {
          writeOption(i.maxWeight(), this::writeWeight);
        } else {
          writeWeight(
              i.maxWeight()
                  .orElseThrow(
                      () ->
                          new XcmConversionException(
                              version, "Transact without require_weight_at_most")));
        }
        out.writeByteVec(i.call().toArray());
      }
      case 7 -> {
        final Instruction.HrmpNewChannelOpenRequest i =
            (Instruction.HrmpNewChannelOpenRequest) instruction;
        out.writeCompact(i.sender()).writeCompact(i.maxMessageSize()).writeCompact(i.maxCapacity());
      }
      case 8 -> {
        final Instruction.HrmpChannelAccepted i = (Instruction.HrmpChannelAccepted) instruction;
        out.writeCompact(i.recipient());
      }
      case 9 -> {
        final Instruction.HrmpChannelClosing i = (Instruction.HrmpChannelClosing) instruction;
        out.writeCompact(i.initiator()).writeCompact(i.sender()).writeCompact(i.recipient());
      }
      case 11 -> {
        final Instruction.DescendOrigin i = (Instruction.DescendOrigin) instruction;
        writeJunctions(i.interior());
      }
      case 12 -> {
        final Instruction.ReportError i = (Instruction.ReportError) instruction;
        writeQueryResponseInfo(i.responseInfo());
      }
      case 13 -> {
        final Instruction.DepositAsset i = (Instruction.DepositAsset) instruction;
        writeAssetFilter(i.assets());
        writeLocation(i.beneficiary());
      }
      case 14 -> {
        final Instruction.DepositReserveAsset i = (Instruction.DepositReserveAsset) instruction;
        writeAssetFilter(i.assets());
        writeLocation(i.dest());
        writeXcm(i.xcm());
      }
      case 15 -> {
        final Instruction.ExchangeAsset i = (Instruction.ExchangeAsset) instruction;
        writeAssetFilter(i.give());
        writeAssets(i.want());
        out.writeBool(i.maximal());
      }
      case 16 -> {
        final Instruction.InitiateReserveWithdraw i =
            (Instruction.InitiateReserveWithdraw) instruction;
        writeAssetFilter(i.assets());
        writeLocation(i.reserve());
        writeXcm(i.xcm());
      }
      case 17 -> {
        final Instruction.InitiateTeleport i = (Instruction.InitiateTeleport) instruction;
        writeAssetFilter(i.assets());
        writeLocation(i.dest());
        writeXcm(i.xcm());
      }
      case 18 -> {
        final Instruction.ReportHolding i = (Instruction.ReportHolding) instruction;
        writeQueryResponseInfo(i.responseInfo());
        writeAssetFilter(i.assets());
      }
      case 19 -> {
        final Instruction.BuyExecution i = (Instruction.BuyExecution) instruction;
        writeAsset(i.fees());
        writeWeightLimit(i.weightLimit());
      }
      case 21 -> {
        final Instruction.SetErrorHandler i = (Instruction.SetErrorHandler) instruction;
        writeXcm(i.xcm());
      }
      case 22 -> {
        final Instruction.SetAppendix i = (Instruction.SetAppendix) instruction;
        writeXcm(i.xcm());
      }
      case 24 -> {
        final Instruction.ClaimAsset i = (Instruction.ClaimAsset) instruction;
        writeAssets(i.assets());
        writeLocation(i.ticket());
      }
      case 25 -> {
        final Instruction.Trap i = (Instruction.Trap) instruction;
        out.writeCompact(i.code());
      }
      case 26 -> {
        final Instruction.SubscribeVersion i = (Instruction.SubscribeVersion) instruction;
        out.writeCompact(i.queryId());
        writeWeight(i.maxResponseWeight());
      }
      case 28 -> {
        final Instruction.BurnAsset i = (Instruction.BurnAsset) instruction;
        writeAssets(i.assets());
      }
      case 29 -> {
        final Instruction.ExpectAsset i = (Instruction.ExpectAsset) instruction;
        writeAssets(i.assets());
      }
      case 30 -> {
        final Instruction.ExpectOrigin i = (Instruction.ExpectOrigin) instruction;
        writeOptionalLocation(i.origin());
      }
      case 31 -> {
        final Instruction.ExpectError i = (Instruction.ExpectError) instruction;
        writeOptionalExecutionError(i.error());
      }
      case 32 -> {
        final Instruction.ExpectTransactStatus i = (Instruction.ExpectTransactStatus) instruction;
        writeMaybeErrorCode(i.status());
      }
      case 33 -> {
        final Instruction.QueryPallet i = (Instruction.QueryPallet) instruction;
        out.writeByteVec(i.moduleName().toArray());
        writeQueryResponseInfo(i.responseInfo());
      }
      case 34 -> {
        final Instruction.ExpectPallet i = (Instruction.ExpectPallet) instruction;
        out.writeCompact(i.index());
        out.writeByteVec(i.name().toArray());
        out.writeByteVec(i.moduleName().toArray());
        out.writeCompact(i.crateMajor()).writeCompact(i.minCrateMinor());
      }
      case 35 -> {
        final Instruction.ReportTransactStatus i = (Instruction.ReportTransactStatus) instruction;
        writeQueryResponseInfo(i.responseInfo());
      }
      case 37 -> {
        final Instruction.UniversalOrigin i = (Instruction.UniversalOrigin) instruction;
        writeJunction(i.junction());
      }
      case 38 -> {
        final Instruction.ExportMessage i = (Instruction.ExportMessage) instruction;
        writeNetworkId(i.network());
        writeJunctions(i.destination());
        writeXcm(i.xcm());
      }
      case 39 -> {
        final Instruction.LockAsset i = (Instruction.LockAsset) instruction;
        writeAsset(i.asset());
        writeLocation(i.unlocker());
      }
      case 40 -> {
        final Instruction.UnlockAsset i = (Instruction.UnlockAsset) instruction;
        writeAsset(i.asset());
        writeLocation(i.target());
      }
      case 41 -> {
        final Instruction.NoteUnlockable i = (Instruction.NoteUnlockable) instruction;
        writeAsset(i.asset());
        writeLocation(i.owner());
      }
      case 42 -> {
        final Instruction.RequestUnlock i = (Instruction.RequestUnlock) instruction;
        writeAsset(i.asset());
        writeLocation(i.locker());
      }
      case 43 -> {
        final Instruction.SetFeesMode i = (Instruction.SetFeesMode) instruction;
        out.writeBool(i.jitWithdraw());
      }
      case 44 -> {
        final Instruction.SetTopic i = (Instruction.SetTopic) instruction;
        out.writeBytes(i.topic().toArray());
      }
      case 46 -> {
        final Instruction.AliasOrigin i = (Instruction.AliasOrigin) instruction;
        writeLocation(i.origin());
      }
      case 47 -> {
        final Instruction.UnpaidExecution i = (Instruction.UnpaidExecution) instruction;
        writeWeightLimit(i.weightLimit());
        writeOptionalLocation(i.checkOrigin());
      }
      case 48 -> {
        final Instruction.PayFees i = (Instruction.PayFees) instruction;
        writeAsset(i.asset());
      }
      case 49 -> {
        final Instruction.InitiateTransfer i = (Instruction.InitiateTransfer) instruction;
        writeLocation(i.destination());
        writeOption(i.remoteFees(), this::writeAssetTransferFilter);
        out.writeBool(i.preserveOrigin());
        out.writeCompact(i.assets().size());
        descend("InitiateTransfer assets");
        for (final AssetTransferFilter filter : i.assets()) {
          writeAssetTransferFilter(filter);
        }
        ascend();
        writeXcm(i.remoteXcm());
      }
      case 50 -> {
        final Instruction.ExecuteWithOrigin i = (Instruction.ExecuteWithOrigin) instruction;
        writeOption(i.descendantOrigin(), this::writeJunctions);
        writeXcm(i.xcm());
      }
      case 51 -> {
        final Instruction.SetHints i = (Instruction.SetHints) instruction;
        out.writeCompact(i.hints().size());
        descend("SetHints");
        for (final Hint hint : i.hints()) {
          out.writeVariantIndex(hint.variantIndex());
          writeLocation(((Hint.AssetClaimer) hint).location());
        }
        ascend();
      }
      default -> {
        // ClearOrigin, RefundSurplus and the other unit instructions carry no fields.
      }
    }
  }

  // ---- locations ----

  public void writeLocation(final Location location) {
    out.writeU8(location.parents());
    writeJunctions(location.interior());
  }

  private void writeOptionalLocation(final Optional<Location> location) {
    writeOption(location, this::writeLocation);
  }

  public void writeJunctions(final Junctions junctions) {
    out.writeVariantIndex(junctions.size());
    if (junctions.isHere()) {
      return;
    }
    if (!v3) {
      descend("Junctions");
    }
    for (final Junction junction : junctions.items()) {
      writeJunction(junction);
    }
    if (!v3) {
      ascend();
    }
  }

  public void writeJunction(final Junction junction) {
    out.writeVariantIndex(junction.variantIndex());
    if (junction instanceof Junction.Parachain j) {
      out.writeCompact(j.id());
    } else if (junction instanceof Junction.AccountId32 j) {
      writeOption(j.network(), this::writeNetworkId);
      out.writeBytes(j.id().toArray());
    } else if (junction instanceof Junction.AccountIndex64 j) {
      writeOption(j.network(), this::writeNetworkId);
      out.writeCompact(j.index());
    } else if (junction instanceof Junction.AccountKey20 j) {
      writeOption(j.network(), this::writeNetworkId);
      out.writeBytes(j.key().toArray());
    } else if (junction instanceof Junction.PalletInstance j) {
      out.writeU8(j.instance());
    } else if (junction instanceof Junction.GeneralIndex j) {
      out.writeCompact(j.value());
    } else if (junction instanceof Junction.GeneralKey j) {
      out.writeU8(j.length());
      out.writeBytes(j.data().toArray());
    } else if (junction instanceof Junction.Plurality j) {
      writeBodyId(j.id());
      writeBodyPart(j.part());
    } else if (junction instanceof Junction.GlobalConsensus j) {
      writeNetworkId(j.network());
    }
  }

  public void writeNetworkId(final NetworkId network) {
    if (v5 && !network.existsInV5()) {
      throw new XcmConversionException(
          version, "NetworkId " + network.variantName() + " (removed in V5, RFC 108)");
    }
    out.writeVariantIndex(network.variantIndex());
    if (network instanceof NetworkId.ByGenesis n) {
      out.writeBytes(n.genesisHash().toArray());
    } else if (network instanceof NetworkId.ByFork n) {
      out.writeU64(n.blockNumber());
      out.writeBytes(n.blockHash().toArray());
    } else if (network instanceof NetworkId.Ethereum n) {
      out.writeCompact(n.chainId());
    }
  }

  private void writeBodyId(final BodyId id) {
    out.writeVariantIndex(id.variantIndex());
    if (id instanceof BodyId.Moniker m) {
      out.writeBytes(m.name().toArray());
    } else if (id instanceof BodyId.Index i) {
      out.writeCompact(i.value());
    }
  }

  private void writeBodyPart(final BodyPart part) {
    out.writeVariantIndex(part.variantIndex());
    if (part instanceof BodyPart.Members m) {
      out.writeCompact(m.count());
    } else if (part instanceof BodyPart.Proportion p) {
      out.writeCompact(p.nom()).writeCompact(p.denom());
    }
  }

  // ---- assets ----

  public void writeAssets(final Assets assets) {
    if (assets.size() > Assets.MAX_ITEMS) {
      throw new XcmEncodeException(
          assets.size() + " assets exceed MAX_ITEMS_IN_ASSETS (" + Assets.MAX_ITEMS + ")");
    }
    final int outOfOrder = AssetOrder.firstOutOfOrder(assets.items());
    if (outOfOrder >= 0) {
      throw new XcmEncodeException(
          "asset "
              + outOfOrder
              + " is out of order or a duplicate; sort with AssetOrder.normalize");
    }
    out.writeCompact(assets.size());
    descend("Assets");
    for (final Asset asset : assets.items()) {
      writeAsset(asset);
    }
    ascend();
  }

  public void writeAsset(final Asset asset) {
    writeAssetId(asset.id());
    final Fungibility fun = asset.fun();
    out.writeVariantIndex(fun.variantIndex());
    if (fun instanceof Fungibility.Fungible f) {
      out.writeCompact(f.amount());
    } else {
      writeAssetInstance(((Fungibility.NonFungible) fun).instance());
    }
  }

  public void writeAssetId(final AssetId id) {
    if (v3) {
      out.writeVariantIndex(id.variantIndex());
    }
    if (id instanceof AssetId.Concrete c) {
      writeLocation(c.location());
    } else if (v3) {
      out.writeBytes(((AssetId.Abstract) id).name().toArray());
    } else {
      throw new XcmConversionException(version, "an abstract asset id (V3 only)");
    }
  }

  private void writeAssetInstance(final AssetInstance instance) {
    out.writeVariantIndex(instance.variantIndex());
    if (instance instanceof AssetInstance.Index i) {
      out.writeCompact(i.value());
    } else if (instance instanceof AssetInstance.Array a) {
      out.writeBytes(a.data().toArray());
    }
  }

  private void writeAssetFilter(final AssetFilter filter) {
    out.writeVariantIndex(filter.variantIndex());
    if (filter instanceof AssetFilter.Definite d) {
      writeAssets(d.assets());
    } else {
      writeWildAsset(((AssetFilter.Wild) filter).wild());
    }
  }

  private void writeWildAsset(final WildAsset wild) {
    out.writeVariantIndex(wild.variantIndex());
    if (wild instanceof WildAsset.AllOf w) {
      writeAssetId(w.id());
      out.writeVariantIndex(w.fun().variantIndex());
    } else if (wild instanceof WildAsset.AllCounted w) {
      out.writeCompact(w.count());
    } else if (wild instanceof WildAsset.AllOfCounted w) {
      writeAssetId(w.id());
      out.writeVariantIndex(w.fun().variantIndex());
      out.writeCompact(w.count());
    }
  }

  private void writeAssetTransferFilter(final AssetTransferFilter filter) {
    out.writeVariantIndex(filter.kind().variantIndex());
    writeAssetFilter(filter.filter());
  }

  // ---- small types ----

  public void writeWeight(final Weight weight) {
    out.writeCompact(weight.refTime()).writeCompact(weight.proofSize());
  }

  public void writeWeightLimit(final WeightLimit limit) {
    out.writeVariantIndex(limit.variantIndex());
    if (limit instanceof WeightLimit.Limited l) {
      writeWeight(l.weight());
    }
  }

  private void writeQueryResponseInfo(final QueryResponseInfo info) {
    writeLocation(info.destination());
    out.writeCompact(info.queryId());
    writeWeight(info.maxWeight());
  }

  public void writeResponse(final Response response) {
    out.writeVariantIndex(response.variantIndex());
    if (response instanceof Response.AssetsResponse r) {
      writeAssets(r.assets());
    } else if (response instanceof Response.ExecutionResult r) {
      writeOptionalExecutionError(r.error());
    } else if (response instanceof Response.Version r) {
      out.writeU32(r.version());
    } else if (response instanceof Response.PalletsInfo r) {
      out.writeCompact(r.pallets().size());
      descend("PalletsInfo");
      for (final PalletInfo pallet : r.pallets()) {
        out.writeCompact(pallet.index());
        out.writeByteVec(pallet.name().toArray());
        out.writeByteVec(pallet.moduleName().toArray());
        out.writeCompact(pallet.major()).writeCompact(pallet.minor()).writeCompact(pallet.patch());
      }
      ascend();
    } else if (response instanceof Response.DispatchResult r) {
      writeMaybeErrorCode(r.result());
    }
  }

  private void writeOptionalExecutionError(final Optional<ExecutionError> error) {
    writeOption(
        error,
        e -> {
          out.writeU32(e.instructionIndex());
          writeError(e.error());
        });
  }

  public void writeError(final XcmError error) {
    final int index = v5 ? error.kind().v5Index() : error.kind().v3Index();
    if (index < 0) {
      throw new XcmConversionException(version, "the error " + error.kind().variantName());
    }
    out.writeVariantIndex(index);
    if (error instanceof XcmError.Trap t) {
      out.writeU64(t.code());
    } else if (error instanceof XcmError.WeightLimitReached w) {
      writeWeight(w.weight());
    }
  }

  private void writeMaybeErrorCode(final MaybeErrorCode code) {
    out.writeVariantIndex(code.variantIndex());
    if (code instanceof MaybeErrorCode.Failure f) {
      out.writeByteVec(f.code().toArray());
    }
  }

  /**
   * An {@code Outcome}: the failing instruction's index is written when present (V5 layout of
   * current runtimes), and must be present in V5 and absent in V3/V4.
   */
  public void writeOutcome(final Outcome outcome) {
    out.writeVariantIndex(outcome.variantIndex());
    if (outcome instanceof Outcome.Complete c) {
      writeWeight(c.used());
    } else if (outcome instanceof Outcome.Incomplete i) {
      writeWeight(i.used());
      writeInstructionError(i.error());
    } else {
      writeInstructionError(((Outcome.Error) outcome).error());
    }
  }

  private void writeInstructionError(final Outcome.InstructionError error) {
    if (v5) {
      out.writeU8(
          error
              .index()
              .orElseThrow(
                  () ->
                      new XcmConversionException(version, "an outcome without instruction index")));
    } else if (error.index().isPresent()) {
      throw new XcmConversionException(version, "the failing instruction's index of an outcome");
    }
    writeError(error.error());
  }

  private <T> void writeOption(final Optional<T> value, final Consumer<T> body) {
    if (value.isPresent()) {
      out.writeU8(1);
      body.accept(value.get());
    } else {
      out.writeU8(0);
    }
  }
}
