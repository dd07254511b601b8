package io.xrelay.xcm.codec;

import io.xrelay.scale.ScaleWriter;
import io.xrelay.xcm.model.BodyPart;
import io.xrelay.xcm.v2.V2Asset;
import io.xrelay.xcm.v2.V2AssetFilter;
import io.xrelay.xcm.v2.V2BodyId;
import io.xrelay.xcm.v2.V2Instruction;
import io.xrelay.xcm.v2.V2Junction;
import io.xrelay.xcm.v2.V2Location;
import io.xrelay.xcm.v2.V2NetworkId;
import io.xrelay.xcm.v2.V2Response;
import io.xrelay.xcm.v2.V2Xcm;
import java.util.List;

/**
 * Re-encodes a decoded V2 message byte for byte. V2 stays read-only otherwise: nothing converts to
 * it and no builder produces it.
 */
public final class V2Writer {
  private final ScaleWriter out;

  public V2Writer(final ScaleWriter out) {
    this.out = out;
  }

  public void writeXcm(final V2Xcm xcm) {
    out.writeCompact(xcm.instructions().size());
    for (final V2Instruction instruction : xcm.instructions()) {
      writeInstruction(instruction);
    }
  }

  private void writeInstruction(final V2Instruction instruction) {
    out.writeVariantIndex(instruction.variantIndex());
    if (instruction instanceof V2Instruction.WithdrawAsset i) {
      writeAssets(i.assets());
    } else if (instruction instanceof V2Instruction.ReserveAssetDeposited i) {
      writeAssets(i.assets());
    } else if (instruction instanceof V2Instruction.ReceiveTeleportedAsset i) {
      writeAssets(i.assets());
    } else if (instruction instanceof V2Instruction.QueryResponse i) {
      out.writeCompact(i.queryId());
      writeResponse(i.response());
      out.writeCompact(i.maxWeight());
    } else if (instruction instanceof V2Instruction.TransferAsset i) {
      writeAssets(i.assets());
      writeLocation(i.beneficiary());
    } else if (instruction instanceof V2Instruction.TransferReserveAsset i) {
      writeAssets(i.assets());
      writeLocation(i.dest());
      writeXcm(i.xcm());
    } else if (instruction instanceof V2Instruction.Transact i) {
      out.writeVariantIndex(i.originType().variantIndex());
      out.writeCompact(i.requireWeightAtMost());
      out.writeByteVec(i.call().toArray());
    } else if (instruction instanceof V2Instruction.HrmpNewChannelOpenRequest i) {
      out.writeCompact(i.sender()).writeCompact(i.maxMessageSize()).writeCompact(i.maxCapacity());
    } else if (instruction instanceof V2Instruction.HrmpChannelAccepted i) {
      out.writeCompact(i.recipient());
    } else if (instruction instanceof V2Instruction.HrmpChannelClosing i) {
      out.writeCompact(i.initiator()).writeCompact(i.sender()).writeCompact(i.recipient());
    } else if (instruction instanceof V2Instruction.DescendOrigin i) {
      writeJunctions(i.interior());
    } else if (instruction instanceof V2Instruction.ReportError i) {
      out.writeCompact(i.queryId());
      writeLocation(i.dest());
      out.writeCompact(i.maxResponseWeight());
    } else if (instruction instanceof V2Instruction.DepositAsset i) {
      writeAssetFilter(i.assets());
      out.writeCompact(i.maxAssets());
      writeLocation(i.beneficiary());
    } else if (instruction instanceof V2Instruction.DepositReserveAsset i) {
      writeAssetFilter(i.assets());
      out.writeCompact(i.maxAssets());
      writeLocation(i.dest());
      writeXcm(i.xcm());
    } else if (instruction instanceof V2Instruction.ExchangeAsset i) {
      writeAssetFilter(i.give());
      writeAssets(i.receive());
    } else if (instruction instanceof V2Instruction.InitiateReserveWithdraw i) {
      writeAssetFilter(i.assets());
      writeLocation(i.reserve());
      writeXcm(i.xcm());
    } else if (instruction instanceof V2Instruction.InitiateTeleport i) {
      writeAssetFilter(i.assets());
      writeLocation(i.dest());
      writeXcm(i.xcm());
    } else if (instruction instanceof V2Instruction.QueryHolding i) {
      out.writeCompact(i.queryId());
      writeLocation(i.dest());
      writeAssetFilter(i.assets());
      out.writeCompact(i.maxResponseWeight());
    } else if (instruction instanceof V2Instruction.BuyExecution i) {
      writeAsset(i.fees());
      if (i.weightLimit().isPresent()) {
        out.writeVariantIndex(1).writeCompact(i.weightLimit().getAsLong());
      } else {
        out.writeVariantIndex(0);
      }
    } else if (instruction instanceof V2Instruction.SetErrorHandler i) {
      writeXcm(i.xcm());
    } else if (instruction instanceof V2Instruction.SetAppendix i) {
      writeXcm(i.xcm());
    } else if (instruction instanceof V2Instruction.ClaimAsset i) {
      writeAssets(i.assets());
      writeLocation(i.ticket());
    } else if (instruction instanceof V2Instruction.Trap i) {
      out.writeCompact(i.code());
    } else if (instruction instanceof V2Instruction.SubscribeVersion i) {
      out.writeCompact(i.queryId()).writeCompact(i.maxResponseWeight());
    }
    // ClearOrigin, RefundSurplus, ClearError and UnsubscribeVersion carry no fields.
  }

  public void writeLocation(final V2Location location) {
    out.writeU8(location.parents());
    writeJunctions(location.interior());
  }

  private void writeJunctions(final List<V2Junction> junctions) {
    out.writeVariantIndex(junctions.size());
    for (final V2Junction junction : junctions) {
      out.writeVariantIndex(junction.variantIndex());
      if (junction instanceof V2Junction.Parachain j) {
        out.writeCompact(j.id());
      } else if (junction instanceof V2Junction.AccountId32 j) {
        writeNetworkId(j.network());
        out.writeBytes(j.id().toArray());
      } else if (junction instanceof V2Junction.AccountIndex64 j) {
        writeNetworkId(j.network());
        out.writeCompact(j.index());
      } else if (junction instanceof V2Junction.AccountKey20 j) {
        writeNetworkId(j.network());
        out.writeBytes(j.key().toArray());
      } else if (junction instanceof V2Junction.PalletInstance j) {
        out.writeU8(j.instance());
      } else if (junction instanceof V2Junction.GeneralIndex j) {
        out.writeCompact(j.value());
      } else if (junction instanceof V2Junction.GeneralKey j) {
        out.writeByteVec(j.key().toArray());
      } else if (junction instanceof V2Junction.Plurality j) {
        writeBodyId(j.id());
        writeBodyPart(j.part());
      }
    }
  }

  private void writeNetworkId(final V2NetworkId network) {
    out.writeVariantIndex(network.variantIndex());
    if (network.variantIndex() == 1) {
      out.writeByteVec(network.name().toArray());
    }
  }

  private void writeBodyId(final V2BodyId id) {
    out.writeVariantIndex(id.variantIndex());
    if (id.variantIndex() == 1) {
      out.writeByteVec(id.name().toArray());
    } else if (id.variantIndex() == 2) {
      out.writeCompact(id.index());
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

  public void writeAssets(final List<V2Asset> assets) {
    out.writeCompact(assets.size());
    for (final V2Asset asset : assets) {
      writeAsset(asset);
    }
  }

  private void writeAsset(final V2Asset asset) {
    writeAssetId(asset.id());
    out.writeVariantIndex(asset.fun().variantIndex());
    if (asset.fun() instanceof V2Asset.Fungible f) {
      out.writeCompact(f.amount());
    } else {
      final V2Asset.Instance instance = ((V2Asset.NonFungible) asset.fun()).instance();
      out.writeVariantIndex(instance.variantIndex());
      if (instance.variantIndex() == 1) {
        out.writeCompact(instance.index());
      } else if (instance.variantIndex() == 6) {
        out.writeByteVec(instance.data().toArray());
      } else if (instance.variantIndex() > 1) {
        out.writeBytes(instance.data().toArray());
      }
    }
  }

  private void writeAssetId(final V2Asset.Id id) {
    out.writeVariantIndex(id.variantIndex());
    if (id instanceof V2Asset.Concrete c) {
      writeLocation(c.location());
    } else {
      out.writeByteVec(((V2Asset.Abstract) id).name().toArray());
    }
  }

  private void writeAssetFilter(final V2AssetFilter filter) {
    out.writeVariantIndex(filter.variantIndex());
    if (filter instanceof V2AssetFilter.Definite d) {
      writeAssets(d.assets());
    } else if (filter instanceof V2AssetFilter.WildAll) {
      out.writeVariantIndex(0);
    } else {
      final V2AssetFilter.WildAllOf all = (V2AssetFilter.WildAllOf) filter;
      out.writeVariantIndex(1);
      writeAssetId(all.id());
      out.writeVariantIndex(all.fun().variantIndex());
    }
  }

  private void writeResponse(final V2Response response) {
    out.writeVariantIndex(response.variantIndex());
    if (response instanceof V2Response.AssetsResponse r) {
      writeAssets(r.assets());
    } else if (response instanceof V2Response.ExecutionResult r) {
      if (r.failure().isPresent()) {
        final V2Response.Failure failure = r.failure().get();
        out.writeU8(1)
            .writeU32(failure.instructionIndex())
            .writeVariantIndex(failure.error().variantIndex());
        if (failure.error().carriesValue()) {
          out.writeU64(failure.error().value());
        }
      } else {
        out.writeU8(0);
      }
    } else if (response instanceof V2Response.Version r) {
      out.writeU32(r.version());
    }
  }
}
