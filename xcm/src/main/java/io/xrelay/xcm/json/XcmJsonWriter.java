package io.xrelay.xcm.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xrelay.xcm.XcmVersion;
import io.xrelay.xcm.model.Asset;
import io.xrelay.xcm.model.AssetFilter;
import io.xrelay.xcm.model.AssetId;
import io.xrelay.xcm.model.AssetInstance;
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
import io.xrelay.xcm.model.PalletInfo;
import io.xrelay.xcm.model.QueryResponseInfo;
import io.xrelay.xcm.model.Response;
import io.xrelay.xcm.model.Weight;
import io.xrelay.xcm.model.WeightLimit;
import io.xrelay.xcm.model.WildAsset;
import io.xrelay.xcm.model.Xcm;
import io.xrelay.xcm.model.XcmError;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Function;

/** Renders the V3, V4 and V5 model in the shape documented in {@link XcmJson}. */
final class XcmJsonWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final boolean v3;
  private final boolean v5;

  XcmJsonWriter(final XcmVersion version) {
    this.v3 = version == XcmVersion.V3;
    this.v5 = version == XcmVersion.V5;
  }

  // ---- shape helpers ----

  static ObjectNode unit(final String name) {
    final ObjectNode node = NODES.objectNode();
    node.put("type", name);
    return node;
  }

  static ObjectNode variant(final String name, final JsonNode value) {
    final ObjectNode node = unit(name);
    node.set("value", value);
    return node;
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  static JsonNode hex(final Bytes bytes) {
    return NODES.textNode(bytes.toHex());
  }

  /** u64 and u128 are decimal strings: JavaScript numbers lose precision above 2^53. */
  static JsonNode u64(final long value) {
    return NODES.textNode(Long.toUnsignedString(value));
  }

  static JsonNode u128(final BigInteger value) {
    return NODES.textNode(value.toString());
  }

  static JsonNode number(final long value) {
    return NODES.numberNode(value);
  }

  static <T> JsonNode optional(final Optional<T> value, final Function<T, JsonNode> render) {
    return value.map(render).orElse(NODES.nullNode());
  }

  // ---- programs ----

  JsonNode xcm(final Xcm xcm) {
    final ArrayNode out = array();
    for (final Instruction instruction : xcm.instructions()) {
      out.add(instruction(instruction));
    }
    return out;
  }

  JsonNode instruction(final Instruction instruction) {
    final String name = instruction.variantName();
    return switch (instruction.variantIndex()) {
      case 0 -> variant(name, assets(((Instruction.WithdrawAsset) instruction).assets()));
      case 1 -> variant(name, assets(((Instruction.ReserveAssetDeposited) instruction).assets()));
      case 2 -> variant(name, assets(((Instruction.ReceiveTeleportedAsset) instruction).assets()));
      case 3 -> {
        final Instruction.QueryResponse i = (Instruction.QueryResponse) instruction;
        final ObjectNode value = object();
        value.set("query_id", u64(i.queryId()));
        value.set("response", response(i.response()));
        value.set("max_weight", weight(i.maxWeight()));
        value.set("querier", optional(i.querier(), this::location));
        yield variant(name, value);
      }
      case 4 -> {
        final Instruction.TransferAsset i = (Instruction.TransferAsset) instruction;
        final ObjectNode value = object();
        value.set("assets", assets(i.assets()));
        value.set("beneficiary", location(i.beneficiary()));
        yield variant(name, value);
      }
      case 5 -> {
        final Instruction.TransferReserveAsset i = (Instruction.TransferReserveAsset) instruction;
        final ObjectNode value = object();
        value.set("assets", assets(i.assets()));
        value.set("dest", location(i.dest()));
        value.set("xcm", xcm(i.xcm()));
        yield variant(name, value);
      }
      case 6 -> {
        final Instruction.Transact i = (Instruction.Transact) instruction;
        final ObjectNode value = object();
        value.set("origin_kind", unit(i.originKind().variantName()));
        if (v5) {
          value.set("fallback_max_weight", optional(i.maxWeight(), this::weight));
        } else {
          value.set("require_weight_at_most", optional(i.maxWeight(), this::weight));
        }
        value.set("call", hex(i.call()));
        yield variant(name, value);
      }
      case 7 -> {
        final Instruction.HrmpNewChannelOpenRequest i =
            (Instruction.HrmpNewChannelOpenRequest) instruction;
        final ObjectNode value = object();
        value.set("sender", number(i.sender()));
        value.set("max_message_size", number(i.maxMessageSize()));
        value.set("max_capacity", number(i.maxCapacity()));
        yield variant(name, value);
      }
      case 8 -> {
        final ObjectNode value = object();
        value.set("recipient", number(((Instruction.HrmpChannelAccepted) instruction).recipient()));
        yield variant(name, value);
      }
      case 9 -> {
        final Instruction.HrmpChannelClosing i = (Instruction.HrmpChannelClosing) instruction;
        final ObjectNode value = object();
        value.set("initiator", number(i.initiator()));
        value.set("sender", number(i.sender()));
        value.set("recipient", number(i.recipient()));
        yield variant(name, value);
      }
      case 11 -> variant(name, junctions(((Instruction.DescendOrigin) instruction).interior()));
      case 12 ->
          variant(name, queryResponseInfo(((Instruction.ReportError) instruction).responseInfo()));
      case 13 -> {
        final Instruction.DepositAsset i = (Instruction.DepositAsset) instruction;
        final ObjectNode value = object();
        value.set("assets", assetFilter(i.assets()));
        value.set("beneficiary", location(i.beneficiary()));
        yield variant(name, value);
      }
      case 14 -> {
        final Instruction.DepositReserveAsset i = (Instruction.DepositReserveAsset) instruction;
        yield variant(name, filterDestXcm(i.assets(), "dest", i.dest(), i.xcm()));
      }
      case 15 -> {
        final Instruction.ExchangeAsset i = (Instruction.ExchangeAsset) instruction;
        final ObjectNode value = object();
        value.set("give", assetFilter(i.give()));
        value.set("want", assets(i.want()));
        value.put("maximal", i.maximal());
        yield variant(name, value);
      }
      case 16 -> {
        final Instruction.InitiateReserveWithdraw i =
            (Instruction.InitiateReserveWithdraw) instruction;
        yield variant(name, filterDestXcm(i.assets(), "reserve", i.reserve(), i.xcm()));
      }
      case 17 -> {
        final Instruction.InitiateTeleport i = (Instruction.InitiateTeleport) instruction;
        yield variant(name, filterDestXcm(i.assets(), "dest", i.dest(), i.xcm()));
      }
      case 18 -> {
        final Instruction.ReportHolding i = (Instruction.ReportHolding) instruction;
        final ObjectNode value = object();
        value.set("response_info", queryResponseInfo(i.responseInfo()));
        value.set("assets", assetFilter(i.assets()));
        yield variant(name, value);
      }
      case 19 -> {
        final Instruction.BuyExecution i = (Instruction.BuyExecution) instruction;
        final ObjectNode value = object();
        value.set("fees", asset(i.fees()));
        value.set("weight_limit", weightLimit(i.weightLimit()));
        yield variant(name, value);
      }
      case 21 -> variant(name, xcm(((Instruction.SetErrorHandler) instruction).xcm()));
      case 22 -> variant(name, xcm(((Instruction.SetAppendix) instruction).xcm()));
      case 24 -> {
        final Instruction.ClaimAsset i = (Instruction.ClaimAsset) instruction;
        final ObjectNode value = object();
        value.set("assets", assets(i.assets()));
        value.set("ticket", location(i.ticket()));
        yield variant(name, value);
      }
      case 25 -> variant(name, u64(((Instruction.Trap) instruction).code()));
      case 26 -> {
        final Instruction.SubscribeVersion i = (Instruction.SubscribeVersion) instruction;
        final ObjectNode value = object();
        value.set("query_id", u64(i.queryId()));
        value.set("max_response_weight", weight(i.maxResponseWeight()));
        yield variant(name, value);
      }
      case 28 -> variant(name, assets(((Instruction.BurnAsset) instruction).assets()));
      case 29 -> variant(name, assets(((Instruction.ExpectAsset) instruction).assets()));
      case 30 ->
          variant(
              name, optional(((Instruction.ExpectOrigin) instruction).origin(), this::location));
      case 31 ->
          variant(
              name,
              optional(((Instruction.ExpectError) instruction).error(), this::executionError));
      case 32 ->
          variant(name, maybeErrorCode(((Instruction.ExpectTransactStatus) instruction).status()));
      case 33 -> {
        final Instruction.QueryPallet i = (Instruction.QueryPallet) instruction;
        final ObjectNode value = object();
        value.set("module_name", hex(i.moduleName()));
        value.set("response_info", queryResponseInfo(i.responseInfo()));
        yield variant(name, value);
      }
      case 34 -> {
        final Instruction.ExpectPallet i = (Instruction.ExpectPallet) instruction;
        final ObjectNode value = object();
        value.set("index", number(i.index()));
        value.set("name", hex(i.name()));
        value.set("module_name", hex(i.moduleName()));
        value.set("crate_major", number(i.crateMajor()));
        value.set("min_crate_minor", number(i.minCrateMinor()));
        yield variant(name, value);
      }
      case 35 ->
          variant(
              name,
              queryResponseInfo(((Instruction.ReportTransactStatus) instruction).responseInfo()));
      case 37 -> variant(name, junction(((Instruction.UniversalOrigin) instruction).junction()));
      case 38 -> {
        final Instruction.ExportMessage i = (Instruction.ExportMessage) instruction;
        final ObjectNode value = object();
        value.set("network", networkId(i.network()));
        value.set("destination", junctions(i.destination()));
        value.set("xcm", xcm(i.xcm()));
        yield variant(name, value);
      }
      case 39 -> {
        final Instruction.LockAsset i = (Instruction.LockAsset) instruction;
        yield variant(name, assetAnd(i.asset(), "unlocker", i.unlocker()));
      }
      case 40 -> {
        final Instruction.UnlockAsset i = (Instruction.UnlockAsset) instruction;
        yield variant(name, assetAnd(i.asset(), "target", i.target()));
      }
      case 41 -> {
        final Instruction.NoteUnlockable i = (Instruction.NoteUnlockable) instruction;
        yield variant(name, assetAnd(i.asset(), "owner", i.owner()));
      }
      case 42 -> {
        final Instruction.RequestUnlock i = (Instruction.RequestUnlock) instruction;
        yield variant(name, assetAnd(i.asset(), "locker", i.locker()));
      }
      case 43 -> {
        final ObjectNode value = object();
        value.put("jit_withdraw", ((Instruction.SetFeesMode) instruction).jitWithdraw());
        yield variant(name, value);
      }
      case 44 -> variant(name, hex(((Instruction.SetTopic) instruction).topic()));
      case 46 -> variant(name, location(((Instruction.AliasOrigin) instruction).origin()));
      case 47 -> {
        final Instruction.UnpaidExecution i = (Instruction.UnpaidExecution) instruction;
        final ObjectNode value = object();
        value.set("weight_limit", weightLimit(i.weightLimit()));
        value.set("check_origin", optional(i.checkOrigin(), this::location));
        yield variant(name, value);
      }
      case 48 -> {
        final ObjectNode value = object();
        value.set("asset", asset(((Instruction.PayFees) instruction).asset()));
        yield variant(name, value);
      }
      case 49 -> {
        final Instruction.InitiateTransfer i = (Instruction.InitiateTransfer) instruction;
        final ObjectNode value = object();
        value.set("destination", location(i.destination()));
        value.set("remote_fees", optional(i.remoteFees(), this::assetTransferFilter));
        value.put("preserve_origin", i.preserveOrigin());
        final ArrayNode filters = array();
        i.assets().forEach(filter -> filters.add(assetTransferFilter(filter)));
        value.set("assets", filters);
        value.set("remote_xcm", xcm(i.remoteXcm()));
        yield variant(name, value);
      }
      case 50 -> {
        final Instruction.ExecuteWithOrigin i = (Instruction.ExecuteWithOrigin) instruction;
        final ObjectNode value = object();
        value.set("descendant_origin", optional(i.descendantOrigin(), this::junctions));
        value.set("xcm", xcm(i.xcm()));
        yield variant(name, value);
      }
      case 51 -> {
        final ArrayNode hints = array();
        for (final Hint hint : ((Instruction.SetHints) instruction).hints()) {
          final ObjectNode claimer = object();
          claimer.set("location", location(((Hint.AssetClaimer) hint).location()));
          hints.add(variant(hint.variantName(), claimer));
        }
        final ObjectNode value = object();
        value.set("hints", hints);
        yield variant(name, value);
      }
      default -> unit(name);
    };
  }

  private ObjectNode filterDestXcm(
      final AssetFilter assets, final String destName, final Location dest, final Xcm xcm) {
    final ObjectNode value = object();
    value.set("assets", assetFilter(assets));
    value.set(destName, location(dest));
    value.set("xcm", xcm(xcm));
    return value;
  }

  private ObjectNode assetAnd(final Asset asset, final String locationName, final Location where) {
    final ObjectNode value = object();
    value.set("asset", asset(asset));
    value.set(locationName, location(where));
    return value;
  }

  // ---- locations ----

  JsonNode location(final Location location) {
    final ObjectNode out = object();
    out.put("parents", location.parents());
    out.set("interior", junctions(location.interior()));
    return out;
  }

  /** V3 writes {@code X1(J)} (the junction itself), v4/v5 {@code X1([J; 1])} (an array). */
  JsonNode junctions(final Junctions junctions) {
    if (junctions.isHere()) {
      return unit("Here");
    }
    if (v3 && junctions.size() == 1) {
      return variant("X1", junction(junctions.get(0)));
    }
    final ArrayNode items = array();
    junctions.items().forEach(j -> items.add(junction(j)));
    return variant(junctions.variantName(), items);
  }

  JsonNode junction(final Junction junction) {
    final String name = junction.variantName();
    if (junction instanceof Junction.Parachain j) {
      return variant(name, number(j.id()));
    }
    if (junction instanceof Junction.AccountId32 j) {
      final ObjectNode value = object();
      value.set("network", optional(j.network(), this::networkId));
      value.set("id", hex(j.id()));
      return variant(name, value);
    }
    if (junction instanceof Junction.AccountIndex64 j) {
      final ObjectNode value = object();
      value.set("network", optional(j.network(), this::networkId));
      value.set("index", u64(j.index()));
      return variant(name, value);
    }
    if (junction instanceof Junction.AccountKey20 j) {
      final ObjectNode value = object();
      value.set("network", optional(j.network(), this::networkId));
      value.set("key", hex(j.key()));
      return variant(name, value);
    }
    if (junction instanceof Junction.PalletInstance j) {
      return variant(name, number(j.instance()));
    }
    if (junction instanceof Junction.GeneralIndex j) {
      return variant(name, u128(j.value()));
    }
    if (junction instanceof Junction.GeneralKey j) {
      final ObjectNode value = object();
      value.put("length", j.length());
      value.set("data", hex(j.data()));
      return variant(name, value);
    }
    if (junction instanceof Junction.Plurality j) {
      final ObjectNode value = object();
      value.set("id", bodyId(j.id()));
      value.set("part", bodyPart(j.part()));
      return variant(name, value);
    }
    if (junction instanceof Junction.GlobalConsensus j) {
      return variant(name, networkId(j.network()));
    }
    return unit(name);
  }

  JsonNode networkId(final NetworkId network) {
    final String name = network.variantName();
    if (network instanceof NetworkId.ByGenesis n) {
      return variant(name, hex(n.genesisHash()));
    }
    if (network instanceof NetworkId.ByFork n) {
      final ObjectNode value = object();
      value.set("block_number", u64(n.blockNumber()));
      value.set("block_hash", hex(n.blockHash()));
      return variant(name, value);
    }
    if (network instanceof NetworkId.Ethereum n) {
      final ObjectNode value = object();
      value.set("chain_id", u64(n.chainId()));
      return variant(name, value);
    }
    return unit(name);
  }

  private JsonNode bodyId(final BodyId id) {
    if (id instanceof BodyId.Moniker m) {
      return variant(id.variantName(), hex(m.name()));
    }
    if (id instanceof BodyId.Index i) {
      return variant(id.variantName(), number(i.value()));
    }
    return unit(id.variantName());
  }

  private JsonNode bodyPart(final BodyPart part) {
    if (part instanceof BodyPart.Members m) {
      final ObjectNode value = object();
      value.put("count", m.count());
      return variant(part.variantName(), value);
    }
    if (part instanceof BodyPart.Proportion p) {
      final ObjectNode value = object();
      value.put("nom", p.nom());
      value.put("denom", p.denom());
      return variant(part.variantName(), value);
    }
    return unit(part.variantName());
  }

  // ---- assets ----

  JsonNode assets(final Assets assets) {
    final ArrayNode out = array();
    assets.items().forEach(asset -> out.add(asset(asset)));
    return out;
  }

  JsonNode asset(final Asset asset) {
    final ObjectNode out = object();
    out.set("id", assetId(asset.id()));
    out.set("fun", fungibility(asset.fun()));
    return out;
  }

  /** V3 tags the id ({@code Concrete}/{@code Abstract}); v4/v5 write the location itself. */
  JsonNode assetId(final AssetId id) {
    if (!v3) {
      return location(((AssetId.Concrete) id).location());
    }
    if (id instanceof AssetId.Concrete c) {
      return variant("Concrete", location(c.location()));
    }
    return variant("Abstract", hex(((AssetId.Abstract) id).name()));
  }

  private JsonNode fungibility(final Fungibility fun) {
    if (fun instanceof Fungibility.Fungible f) {
      return variant("Fungible", u128(f.amount()));
    }
    final AssetInstance instance = ((Fungibility.NonFungible) fun).instance();
    final JsonNode rendered;
    if (instance instanceof AssetInstance.Index i) {
      rendered = variant(instance.variantName(), u128(i.value()));
    } else if (instance instanceof AssetInstance.Array a) {
      rendered = variant(instance.variantName(), hex(a.data()));
    } else {
      rendered = unit(instance.variantName());
    }
    return variant("NonFungible", rendered);
  }

  JsonNode assetFilter(final AssetFilter filter) {
    if (filter instanceof AssetFilter.Definite d) {
      return variant("Definite", assets(d.assets()));
    }
    final WildAsset wild = ((AssetFilter.Wild) filter).wild();
    final JsonNode rendered;
    if (wild instanceof WildAsset.AllOf w) {
      final ObjectNode value = object();
      value.set("id", assetId(w.id()));
      value.set("fun", unit(w.fun().variantName()));
      rendered = variant(wild.variantName(), value);
    } else if (wild instanceof WildAsset.AllCounted w) {
      rendered = variant(wild.variantName(), number(w.count()));
    } else if (wild instanceof WildAsset.AllOfCounted w) {
      final ObjectNode value = object();
      value.set("id", assetId(w.id()));
      value.set("fun", unit(w.fun().variantName()));
      value.put("count", w.count());
      rendered = variant(wild.variantName(), value);
    } else {
      rendered = unit(wild.variantName());
    }
    return variant("Wild", rendered);
  }

  private JsonNode assetTransferFilter(final AssetTransferFilter filter) {
    return variant(filter.kind().variantName(), assetFilter(filter.filter()));
  }

  // ---- small types ----

  JsonNode weight(final Weight weight) {
    final ObjectNode out = object();
    out.set("ref_time", u64(weight.refTime()));
    out.set("proof_size", u64(weight.proofSize()));
    return out;
  }

  private JsonNode weightLimit(final WeightLimit limit) {
    if (limit instanceof WeightLimit.Limited l) {
      return variant("Limited", weight(l.weight()));
    }
    return unit("Unlimited");
  }

  private JsonNode queryResponseInfo(final QueryResponseInfo info) {
    final ObjectNode out = object();
    out.set("destination", location(info.destination()));
    out.set("query_id", u64(info.queryId()));
    out.set("max_weight", weight(info.maxWeight()));
    return out;
  }

  JsonNode response(final Response response) {
    final String name = response.variantName();
    if (response instanceof Response.AssetsResponse r) {
      return variant(name, assets(r.assets()));
    }
    if (response instanceof Response.ExecutionResult r) {
      return variant(name, optional(r.error(), this::executionError));
    }
    if (response instanceof Response.Version r) {
      return variant(name, number(r.version()));
    }
    if (response instanceof Response.PalletsInfo r) {
      final ArrayNode pallets = array();
      for (final PalletInfo pallet : r.pallets()) {
        final ObjectNode info = object();
        info.put("index", pallet.index());
        info.set("name", hex(pallet.name()));
        info.set("module_name", hex(pallet.moduleName()));
        info.put("major", pallet.major());
        info.put("minor", pallet.minor());
        info.put("patch", pallet.patch());
        pallets.add(info);
      }
      return variant(name, pallets);
    }
    if (response instanceof Response.DispatchResult r) {
      return variant(name, maybeErrorCode(r.result()));
    }
    return unit(name);
  }

  private JsonNode executionError(final ExecutionError error) {
    final ArrayNode pair = array();
    pair.add(error.instructionIndex());
    pair.add(error(error.error()));
    return pair;
  }

  JsonNode error(final XcmError error) {
    final String name = error.kind().variantName();
    if (error instanceof XcmError.Trap t) {
      return variant(name, u64(t.code()));
    }
    if (error instanceof XcmError.WeightLimitReached w) {
      return variant(name, weight(w.weight()));
    }
    return unit(name);
  }

  private JsonNode maybeErrorCode(final MaybeErrorCode code) {
    if (code instanceof MaybeErrorCode.Failure f) {
      return variant(code.variantName(), hex(f.code()));
    }
    return unit(code.variantName());
  }
}
