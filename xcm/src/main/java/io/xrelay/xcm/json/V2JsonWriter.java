package io.xrelay.xcm.json;

import static io.xrelay.xcm.json.XcmJsonWriter.array;
import static io.xrelay.xcm.json.XcmJsonWriter.hex;
import static io.xrelay.xcm.json.XcmJsonWriter.number;
import static io.xrelay.xcm.json.XcmJsonWriter.object;
import static io.xrelay.xcm.json.XcmJsonWriter.u128;
import static io.xrelay.xcm.json.XcmJsonWriter.u64;
import static io.xrelay.xcm.json.XcmJsonWriter.unit;
import static io.xrelay.xcm.json.XcmJsonWriter.variant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** Renders legacy V2 messages in the same shape as V3+ (names and fields of the V2 metadata). */
final class V2JsonWriter {

  JsonNode xcm(final V2Xcm xcm) {
    final ArrayNode out = array();
    xcm.instructions().forEach(i -> out.add(instruction(i)));
    return out;
  }

  private JsonNode instruction(final V2Instruction instruction) {
    final String name = instruction.variantName();
    if (instruction instanceof V2Instruction.WithdrawAsset i) {
      return variant(name, assets(i.assets()));
    }
    if (instruction instanceof V2Instruction.ReserveAssetDeposited i) {
      return variant(name, assets(i.assets()));
    }
    if (instruction instanceof V2Instruction.ReceiveTeleportedAsset i) {
      return variant(name, assets(i.assets()));
    }
    if (instruction instanceof V2Instruction.QueryResponse i) {
      final ObjectNode value = object();
      value.set("query_id", u64(i.queryId()));
      value.set("response", response(i.response()));
      value.set("max_weight", u64(i.maxWeight()));
      return variant(name, value);
    }
    if (instruction instanceof V2Instruction.TransferAsset i) {
      final ObjectNode value = object();
      value.set("assets", assets(i.assets()));
      value.set("beneficiary", location(i.beneficiary()));
      return variant(name, value);
    }
    if (instruction instanceof V2Instruction.TransferReserveAsset i) {
      final ObjectNode value = object();
      value.set("assets", assets(i.assets()));
      value.set("dest", location(i.dest()));
      value.set("xcm", xcm(i.xcm()));
      return variant(name, value);
    }
    if (instruction instanceof V2Instruction.Transact i) {
      final ObjectNode value = object();
      value.set("origin_type", unit(i.originType().variantName()));
      value.set("require_weight_at_most", u64(i.requireWeightAtMost()));
      value.set("call", hex(i.call()));
      return variant(name, value);
    }
    if (instruction instanceof V2Instruction.HrmpNewChannelOpenRequest i) {
      final ObjectNode value = object();
      value.put("sender", i.sender());
      value.put("max_message_size", i.maxMessageSize());
      value.put("max_capacity", i.maxCapacity());
      return variant(name, value);
    }
    if (instruction instanceof V2Instruction.HrmpChannelAccepted i) {
      final ObjectNode value = object();
      value.put("recipient", i.recipient());
      return variant(name, value);
    }
    if (instruction instanceof V2Instruction.HrmpChannelClosing i) {
      final ObjectNode value = object();
      value.put("initiator", i.initiator());
      value.put("sender", i.sender());
      value.put("recipient", i.recipient());
      return variant(name, value);
    }
    if (instruction instanceof V2Instruction.DescendOrigin i) {
      return variant(name, junctions(i.interior()));
    }
    if (instruction instanceof V2Instruction.ReportError i) {
      final ObjectNode value = object();
      value.set("query_id", u64(i.queryId()));
      value.set("dest", location(i.dest()));
      value.set("max_response_weight", u64(i.maxResponseWeight()));
      return variant(name, value);
    }
    if (instruction instanceof V2Instruction.DepositAsset i) {
      final ObjectNode value = object();
      value.set("assets", assetFilter(i.assets()));
      value.put("max_assets", i.maxAssets());
      value.set("beneficiary", location(i.beneficiary()));
      return variant(name, value);
    }
    if (instruction instanceof V2Instruction.DepositReserveAsset i) {
      final ObjectNode value = object();
      value.set("assets", assetFilter(i.assets()));
      value.put("max_assets", i.maxAssets());
      value.set("dest", location(i.dest()));
      value.set("xcm", xcm(i.xcm()));
      return variant(name, value);
    }
    if (instruction instanceof V2Instruction.ExchangeAsset i) {
      final ObjectNode value = object();
      value.set("give", assetFilter(i.give()));
      value.set("receive", assets(i.receive()));
      return variant(name, value);
    }
    if (instruction instanceof V2Instruction.InitiateReserveWithdraw i) {
      final ObjectNode value = object();
      value.set("assets", assetFilter(i.assets()));
      value.set("reserve", location(i.reserve()));
      value.set("xcm", xcm(i.xcm()));
      return variant(name, value);
    }
    if (instruction instanceof V2Instruction.InitiateTeleport i) {
      final ObjectNode value = object();
      value.set("assets", assetFilter(i.assets()));
      value.set("dest", location(i.dest()));
      value.set("xcm", xcm(i.xcm()));
      return variant(name, value);
    }
    if (instruction instanceof V2Instruction.QueryHolding i) {
      final ObjectNode value = object();
      value.set("query_id", u64(i.queryId()));
      value.set("dest", location(i.dest()));
      value.set("assets", assetFilter(i.assets()));
      value.set("max_response_weight", u64(i.maxResponseWeight()));
      return variant(name, value);
    }
    if (instruction instanceof V2Instruction.BuyExecution i) {
      final ObjectNode value = object();
      value.set("fees", asset(i.fees()));
      value.set(
          "weight_limit",
          i.weightLimit().isPresent()
              ? variant("Limited", u64(i.weightLimit().getAsLong()))
              : unit("Unlimited"));
      return variant(name, value);
    }
    if (instruction instanceof V2Instruction.SetErrorHandler i) {
      return variant(name, xcm(i.xcm()));
    }
    if (instruction instanceof V2Instruction.SetAppendix i) {
      return variant(name, xcm(i.xcm()));
    }
    if (instruction instanceof V2Instruction.ClaimAsset i) {
      final ObjectNode value = object();
      value.set("assets", assets(i.assets()));
      value.set("ticket", location(i.ticket()));
      return variant(name, value);
    }
    if (instruction instanceof V2Instruction.Trap i) {
      return variant(name, u64(i.code()));
    }
    if (instruction instanceof V2Instruction.SubscribeVersion i) {
      final ObjectNode value = object();
      value.set("query_id", u64(i.queryId()));
      value.set("max_response_weight", u64(i.maxResponseWeight()));
      return variant(name, value);
    }
    return unit(name);
  }

  JsonNode location(final V2Location location) {
    final ObjectNode out = object();
    out.put("parents", location.parents());
    out.set("interior", junctions(location.interior()));
    return out;
  }

  /** V2 junctions are {@code X1(J)}, {@code X2(J, J)}, ...: X1 holds the junction itself. */
  private JsonNode junctions(final List<V2Junction> junctions) {
    if (junctions.isEmpty()) {
      return unit("Here");
    }
    if (junctions.size() == 1) {
      return variant("X1", junction(junctions.get(0)));
    }
    final ArrayNode items = array();
    junctions.forEach(j -> items.add(junction(j)));
    return variant("X" + junctions.size(), items);
  }

  private JsonNode junction(final V2Junction junction) {
    final String name = junction.variantName();
    if (junction instanceof V2Junction.Parachain j) {
      return variant(name, number(j.id()));
    }
    if (junction instanceof V2Junction.AccountId32 j) {
      final ObjectNode value = object();
      value.set("network", networkId(j.network()));
      value.set("id", hex(j.id()));
      return variant(name, value);
    }
    if (junction instanceof V2Junction.AccountIndex64 j) {
      final ObjectNode value = object();
      value.set("network", networkId(j.network()));
      value.set("index", u64(j.index()));
      return variant(name, value);
    }
    if (junction instanceof V2Junction.AccountKey20 j) {
      final ObjectNode value = object();
      value.set("network", networkId(j.network()));
      value.set("key", hex(j.key()));
      return variant(name, value);
    }
    if (junction instanceof V2Junction.PalletInstance j) {
      return variant(name, number(j.instance()));
    }
    if (junction instanceof V2Junction.GeneralIndex j) {
      return variant(name, u128(j.value()));
    }
    if (junction instanceof V2Junction.GeneralKey j) {
      return variant(name, hex(j.key()));
    }
    if (junction instanceof V2Junction.Plurality j) {
      final ObjectNode value = object();
      value.set("id", bodyId(j.id()));
      value.set("part", bodyPart(j.part()));
      return variant(name, value);
    }
    return unit(name);
  }

  private JsonNode networkId(final V2NetworkId network) {
    return network.variantIndex() == 1
        ? variant(network.variantName(), hex(network.name()))
        : unit(network.variantName());
  }

  private JsonNode bodyId(final V2BodyId id) {
    if (id.variantIndex() == 1) {
      return variant(id.variantName(), hex(id.name()));
    }
    if (id.variantIndex() == 2) {
      return variant(id.variantName(), number(id.index()));
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

  JsonNode assets(final List<V2Asset> assets) {
    final ArrayNode out = array();
    assets.forEach(a -> out.add(asset(a)));
    return out;
  }

  private JsonNode asset(final V2Asset asset) {
    final ObjectNode out = object();
    out.set("id", assetId(asset.id()));
    if (asset.fun() instanceof V2Asset.Fungible f) {
      out.set("fun", variant("Fungible", u128(f.amount())));
    } else {
      final V2Asset.Instance instance = ((V2Asset.NonFungible) asset.fun()).instance();
      final JsonNode rendered =
          switch (instance.variantIndex()) {
            case 0 -> unit(instance.variantName());
            case 1 -> variant(instance.variantName(), u128(instance.index()));
            default -> variant(instance.variantName(), hex(instance.data()));
          };
      out.set("fun", variant("NonFungible", rendered));
    }
    return out;
  }

  private JsonNode assetId(final V2Asset.Id id) {
    if (id instanceof V2Asset.Concrete c) {
      return variant("Concrete", location(c.location()));
    }
    return variant("Abstract", hex(((V2Asset.Abstract) id).name()));
  }

  private JsonNode assetFilter(final V2AssetFilter filter) {
    if (filter instanceof V2AssetFilter.Definite d) {
      return variant("Definite", assets(d.assets()));
    }
    if (filter instanceof V2AssetFilter.WildAllOf w) {
      final ObjectNode value = object();
      value.set("id", assetId(w.id()));
      value.set("fun", unit(w.fun().variantName()));
      return variant("Wild", variant("AllOf", value));
    }
    return variant("Wild", unit("All"));
  }

  private JsonNode response(final V2Response response) {
    final String name = response.variantName();
    if (response instanceof V2Response.AssetsResponse r) {
      return variant(name, assets(r.assets()));
    }
    if (response instanceof V2Response.ExecutionResult r) {
      if (r.failure().isEmpty()) {
        return variant(name, XcmJsonWriter.object().nullNode());
      }
      final V2Response.Failure failure = r.failure().get();
      final ArrayNode pair = array();
      pair.add(failure.instructionIndex());
      pair.add(
          failure.error().carriesValue()
              ? variant(failure.error().variantName(), u64(failure.error().value()))
              : unit(failure.error().variantName()));
      return variant(name, pair);
    }
    if (response instanceof V2Response.Version r) {
      return variant(name, number(r.version()));
    }
    return unit(name);
  }
}
