package io.xrelay.xcm.json;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Parses the JSON shape of {@link XcmJson} back into the V3, V4 or V5 model. Strict about shape
 * (unknown variants and unknown or missing fields fail), lenient about numbers (a JSON number or a
 * decimal string is accepted for every integer). Every failure names the JSON pointer.
 */
final class XcmJsonReader {
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  private final boolean v3;
  private final boolean v5;
  private final XcmVersion version;

  XcmJsonReader(final XcmVersion version) {
    this.version = version;
    this.v3 = version == XcmVersion.V3;
    this.v5 = version == XcmVersion.V5;
  }

  // ---- shape helpers ----

  static XcmJsonException fail(final String path, final String reason) {
    return new XcmJsonException(path, reason);
  }

  /** The {@code type} of an enum value; {@code value} must be present exactly when expected. */
  static String type(final JsonNode node, final String path) {
    if (node == null || !node.isObject()) {
      throw fail(path, "expected an enum value {\"type\": ..., \"value\": ...}");
    }
    final JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      throw fail(path + "/type", "expected the variant name as a string");
    }
    final Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      final String field = names.next();
      if (!field.equals("type") && !field.equals("value")) {
        throw fail(path + "/" + field, "unexpected field in an enum value");
      }
    }
    return type.asText();
  }

  static JsonNode value(final JsonNode node, final String path) {
    final JsonNode value = node.get("value");
    if (value == null) {
      throw fail(path + "/value", "variant " + node.get("type").asText() + " needs a value");
    }
    return value;
  }

  static void noValue(final JsonNode node, final String path) {
    final JsonNode value = node.get("value");
    if (value != null && !value.isNull()) {
      throw fail(path + "/value", "variant " + node.get("type").asText() + " carries no value");
    }
  }

  static JsonNode field(final JsonNode object, final String name, final String path) {
    final JsonNode value = object.get(name);
    if (value == null) {
      throw fail(path + "/" + name, "missing field");
    }
    return value;
  }

  static void fields(final JsonNode object, final String path, final String... names) {
    if (object == null || !object.isObject()) {
      throw fail(path, "expected an object with fields " + String.join(", ", names));
    }
    final Set<String> allowed = Set.of(names);
    final Iterator<String> present = object.fieldNames();
    while (present.hasNext()) {
      final String name = present.next();
      if (!allowed.contains(name)) {
        throw fail(path + "/" + name, "unexpected field");
      }
    }
    for (final String name : names) {
      field(object, name, path);
    }
  }

  static List<JsonNode> array(final JsonNode node, final String path) {
    if (node == null || !node.isArray()) {
      throw fail(path, "expected an array");
    }
    final List<JsonNode> out = new ArrayList<>(node.size());
    node.forEach(out::add);
    return out;
  }

  static <T> List<T> list(
      final JsonNode node, final String path, final BiFunction<JsonNode, String, T> item) {
    final List<JsonNode> items = array(node, path);
    final List<T> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(item.apply(items.get(i), path + "/" + i));
    }
    return out;
  }

  static <T> Optional<T> optional(
      final JsonNode node, final String path, final BiFunction<JsonNode, String, T> present) {
    return node == null || node.isNull()
        ? Optional.empty()
        : Optional.of(present.apply(node, path));
  }

  static BigInteger unsigned(final JsonNode node, final String path, final BigInteger max) {
    final BigInteger value;
    if (node != null && node.isIntegralNumber()) {
      value = node.bigIntegerValue();
    } else if (node != null && node.isTextual() && node.asText().matches("[0-9]{1,40}")) {
      value = new BigInteger(node.asText());
    } else {
      throw fail(path, "expected an unsigned integer (a number or a decimal string)");
    }
    if (value.signum() < 0 || value.compareTo(max) > 0) {
      throw fail(path, value + " is out of range 0.." + max);
    }
    return value;
  }

  static int u8(final JsonNode node, final String path) {
    return unsigned(node, path, BigInteger.valueOf(0xff)).intValue();
  }

  static long u32(final JsonNode node, final String path) {
    return unsigned(node, path, BigInteger.valueOf(0xffff_ffffL)).longValue();
  }

  /** A u64 in a {@code long}'s bits. */
  static long u64(final JsonNode node, final String path) {
    return unsigned(node, path, U64_MAX).longValue();
  }

  static BigInteger u128(final JsonNode node, final String path) {
    return unsigned(node, path, U128_MAX);
  }

  static boolean bool(final JsonNode node, final String path) {
    if (node == null || !node.isBoolean()) {
      throw fail(path, "expected true or false");
    }
    return node.booleanValue();
  }

  static Bytes bytes(final JsonNode node, final String path) {
    if (node == null || !node.isTextual() || !node.asText().startsWith("0x")) {
      throw fail(path, "expected 0x-prefixed hex");
    }
    try {
      return Bytes.fromHex(node.asText());
    } catch (IllegalArgumentException e) {
      throw fail(path, e.getMessage());
    }
  }

  static Bytes bytes(final JsonNode node, final String path, final int length) {
    final Bytes bytes = bytes(node, path);
    if (bytes.length() != length) {
      throw fail(path, "expected " + length + " bytes, got " + bytes.length());
    }
    return bytes;
  }

  static int variantIndex(final List<String> names, final String name, final String path) {
    final int index = names.indexOf(name);
    if (index < 0) {
      throw fail(path + "/type", "unknown variant " + name);
    }
    return index;
  }

  /** Runs a model constructor, turning its range checks into path-named errors. */
  static <T> T build(final String path, final Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw fail(path, e.getMessage());
    }
  }

  // ---- programs ----

  Xcm xcm(final JsonNode node, final String path) {
    return new Xcm(list(node, path, this::instruction));
  }

  Instruction instruction(final JsonNode node, final String path) {
    final String name = type(node, path);
    final int index = variantIndex(Instruction.NAMES, name, path);
    if (index >= Instruction.FIRST_V5_ONLY && !v5) {
      throw fail(path + "/type", name + " exists only in V5, this message is " + version);
    }
    final String at = path + "/value";
    return build(path, () -> instructionBody(index, node, path, at));
  }

  private Instruction instructionBody(
      final int index, final JsonNode node, final String path, final String at) {
    switch (index) {
      case 10, 20, 23, 27, 36, 45 -> {
        noValue(node, path);
        return switch (index) {
          case 10 -> new Instruction.ClearOrigin();
          case 20 -> new Instruction.RefundSurplus();
          case 23 -> new Instruction.ClearError();
          case 27 -> new Instruction.UnsubscribeVersion();
          case 36 -> new Instruction.ClearTransactStatus();
          default -> new Instruction.ClearTopic();
        };
      }
      default -> {
        // every other instruction carries a value
      }
    }
    final JsonNode v = value(node, path);
    return switch (index) {
      case 0 -> new Instruction.WithdrawAsset(assets(v, at));
      case 1 -> new Instruction.ReserveAssetDeposited(assets(v, at));
      case 2 -> new Instruction.ReceiveTeleportedAsset(assets(v, at));
      case 3 -> {
        fields(v, at, "query_id", "response", "max_weight", "querier");
        yield new Instruction.QueryResponse(
            u64(v.get("query_id"), at + "/query_id"),
            response(v.get("response"), at + "/response"),
            weight(v.get("max_weight"), at + "/max_weight"),
            optional(v.get("querier"), at + "/querier", this::location));
      }
      case 4 -> {
        fields(v, at, "assets", "beneficiary");
        yield new Instruction.TransferAsset(
            assets(v.get("assets"), at + "/assets"),
            location(v.get("beneficiary"), at + "/beneficiary"));
      }
      case 5 -> {
        fields(v, at, "assets", "dest", "xcm");
        yield new Instruction.TransferReserveAsset(
            assets(v.get("assets"), at + "/assets"),
            location(v.get("dest"), at + "/dest"),
            xcm(v.get("xcm"), at + "/xcm"));
      }
      case 6 -> {
        final String weightField = v5 ? "fallback_max_weight" : "require_weight_at_most";
        fields(v, at, "origin_kind", weightField, "call");
        final Optional<Weight> weight =
            v5
                ? optional(v.get(weightField), at + "/" + weightField, this::weight)
                : Optional.of(weight(v.get(weightField), at + "/" + weightField));
        yield new Instruction.Transact(
            originKind(v.get("origin_kind"), at + "/origin_kind"),
            weight,
            bytes(v.get("call"), at + "/call"));
      }
      case 7 -> {
        fields(v, at, "sender", "max_message_size", "max_capacity");
        yield new Instruction.HrmpNewChannelOpenRequest(
            u32(v.get("sender"), at + "/sender"),
            u32(v.get("max_message_size"), at + "/max_message_size"),
            u32(v.get("max_capacity"), at + "/max_capacity"));
      }
      case 8 -> {
        fields(v, at, "recipient");
        yield new Instruction.HrmpChannelAccepted(u32(v.get("recipient"), at + "/recipient"));
      }
      case 9 -> {
        fields(v, at, "initiator", "sender", "recipient");
        yield new Instruction.HrmpChannelClosing(
            u32(v.get("initiator"), at + "/initiator"),
            u32(v.get("sender"), at + "/sender"),
            u32(v.get("recipient"), at + "/recipient"));
      }
      case 11 -> new Instruction.DescendOrigin(junctions(v, at));
      case 12 -> new Instruction.ReportError(queryResponseInfo(v, at));
      case 13 -> {
        fields(v, at, "assets", "beneficiary");
        yield new Instruction.DepositAsset(
            assetFilter(v.get("assets"), at + "/assets"),
            location(v.get("beneficiary"), at + "/beneficiary"));
      }
      case 14 -> {
        fields(v, at, "assets", "dest", "xcm");
        yield new Instruction.DepositReserveAsset(
            assetFilter(v.get("assets"), at + "/assets"),
            location(v.get("dest"), at + "/dest"),
            xcm(v.get("xcm"), at + "/xcm"));
      }
      case 15 -> {
        fields(v, at, "give", "want", "maximal");
        yield new Instruction.ExchangeAsset(
            assetFilter(v.get("give"), at + "/give"),
            assets(v.get("want"), at + "/want"),
            bool(v.get("maximal"), at + "/maximal"));
      }
      case 16 -> {
        fields(v, at, "assets", "reserve", "xcm");
        yield new Instruction.InitiateReserveWithdraw(
            assetFilter(v.get("assets"), at + "/assets"),
            location(v.get("reserve"), at + "/reserve"),
            xcm(v.get("xcm"), at + "/xcm"));
      }
      case 17 -> {
        fields(v, at, "assets", "dest", "xcm");
        yield new Instruction.InitiateTeleport(
            assetFilter(v.get("assets"), at + "/assets"),
            location(v.get("dest"), at + "/dest"),
            xcm(v.get("xcm"), at + "/xcm"));
      }
      case 18 -> {
        fields(v, at, "response_info", "assets");
        yield new Instruction.ReportHolding(
            queryResponseInfo(v.get("response_info"), at + "/response_info"),
            assetFilter(v.get("assets"), at + "/assets"));
      }
      case 19 -> {
        fields(v, at, "fees", "weight_limit");
        yield new Instruction.BuyExecution(
            asset(v.get("fees"), at + "/fees"),
            weightLimit(v.get("weight_limit"), at + "/weight_limit"));
      }
      case 21 -> new Instruction.SetErrorHandler(xcm(v, at));
      case 22 -> new Instruction.SetAppendix(xcm(v, at));
      case 24 -> {
        fields(v, at, "assets", "ticket");
        yield new Instruction.ClaimAsset(
            assets(v.get("assets"), at + "/assets"), location(v.get("ticket"), at + "/ticket"));
      }
      case 25 -> new Instruction.Trap(u64(v, at));
      case 26 -> {
        fields(v, at, "query_id", "max_response_weight");
        yield new Instruction.SubscribeVersion(
            u64(v.get("query_id"), at + "/query_id"),
            weight(v.get("max_response_weight"), at + "/max_response_weight"));
      }
      case 28 -> new Instruction.BurnAsset(assets(v, at));
      case 29 -> new Instruction.ExpectAsset(assets(v, at));
      case 30 -> new Instruction.ExpectOrigin(optional(v, at, this::location));
      case 31 -> new Instruction.ExpectError(optional(v, at, this::executionError));
      case 32 -> new Instruction.ExpectTransactStatus(maybeErrorCode(v, at));
      case 33 -> {
        fields(v, at, "module_name", "response_info");
        yield new Instruction.QueryPallet(
            bytes(v.get("module_name"), at + "/module_name"),
            queryResponseInfo(v.get("response_info"), at + "/response_info"));
      }
      case 34 -> {
        fields(v, at, "index", "name", "module_name", "crate_major", "min_crate_minor");
        yield new Instruction.ExpectPallet(
            u32(v.get("index"), at + "/index"),
            bytes(v.get("name"), at + "/name"),
            bytes(v.get("module_name"), at + "/module_name"),
            u32(v.get("crate_major"), at + "/crate_major"),
            u32(v.get("min_crate_minor"), at + "/min_crate_minor"));
      }
      case 35 -> new Instruction.ReportTransactStatus(queryResponseInfo(v, at));
      case 37 -> new Instruction.UniversalOrigin(junction(v, at));
      case 38 -> {
        fields(v, at, "network", "destination", "xcm");
        yield new Instruction.ExportMessage(
            networkId(v.get("network"), at + "/network"),
            junctions(v.get("destination"), at + "/destination"),
            xcm(v.get("xcm"), at + "/xcm"));
      }
      case 39 -> {
        fields(v, at, "asset", "unlocker");
        yield new Instruction.LockAsset(
            asset(v.get("asset"), at + "/asset"), location(v.get("unlocker"), at + "/unlocker"));
      }
      case 40 -> {
        fields(v, at, "asset", "target");
        yield new Instruction.UnlockAsset(
            asset(v.get("asset"), at + "/asset"), location(v.get("target"), at + "/target"));
      }
      case 41 -> {
        fields(v, at, "asset", "owner");
        yield new Instruction.NoteUnlockable(
            asset(v.get("asset"), at + "/asset"), location(v.get("owner"), at + "/owner"));
      }
      case 42 -> {
        fields(v, at, "asset", "locker");
        yield new Instruction.RequestUnlock(
            asset(v.get("asset"), at + "/asset"), location(v.get("locker"), at + "/locker"));
      }
      case 43 -> {
        fields(v, at, "jit_withdraw");
        yield new Instruction.SetFeesMode(bool(v.get("jit_withdraw"), at + "/jit_withdraw"));
      }
      case 44 -> new Instruction.SetTopic(bytes(v, at, 32));
      case 46 -> new Instruction.AliasOrigin(location(v, at));
      case 47 -> {
        fields(v, at, "weight_limit", "check_origin");
        yield new Instruction.UnpaidExecution(
            weightLimit(v.get("weight_limit"), at + "/weight_limit"),
            optional(v.get("check_origin"), at + "/check_origin", this::location));
      }
      case 48 -> {
        fields(v, at, "asset");
        yield new Instruction.PayFees(asset(v.get("asset"), at + "/asset"));
      }
      case 49 -> {
        fields(v, at, "destination", "remote_fees", "preserve_origin", "assets", "remote_xcm");
        yield new Instruction.InitiateTransfer(
            location(v.get("destination"), at + "/destination"),
            optional(v.get("remote_fees"), at + "/remote_fees", this::assetTransferFilter),
            bool(v.get("preserve_origin"), at + "/preserve_origin"),
            list(v.get("assets"), at + "/assets", this::assetTransferFilter),
            xcm(v.get("remote_xcm"), at + "/remote_xcm"));
      }
      case 50 -> {
        fields(v, at, "descendant_origin", "xcm");
        yield new Instruction.ExecuteWithOrigin(
            optional(v.get("descendant_origin"), at + "/descendant_origin", this::junctions),
            xcm(v.get("xcm"), at + "/xcm"));
      }
      default -> {
        fields(v, at, "hints");
        yield new Instruction.SetHints(list(v.get("hints"), at + "/hints", this::hint));
      }
    };
  }

  private Hint hint(final JsonNode node, final String path) {
    final String name = type(node, path);
    if (!name.equals("AssetClaimer")) {
      throw fail(path + "/type", "unknown variant " + name);
    }
    final JsonNode v = value(node, path);
    fields(v, path + "/value", "location");
    return new Hint.AssetClaimer(location(v.get("location"), path + "/value/location"));
  }

  // ---- locations ----

  Location location(final JsonNode node, final String path) {
    fields(node, path, "parents", "interior");
    final int parents = u8(node.get("parents"), path + "/parents");
    return new Location(parents, junctions(node.get("interior"), path + "/interior"));
  }

  Junctions junctions(final JsonNode node, final String path) {
    final String name = type(node, path);
    if (name.equals("Here")) {
      noValue(node, path);
      return Junctions.HERE;
    }
    if (name.length() != 2
        || name.charAt(0) != 'X'
        || name.charAt(1) < '1'
        || name.charAt(1) > '8') {
      throw fail(path + "/type", "unknown variant " + name + " (expected Here or X1..X8)");
    }
    final int count = name.charAt(1) - '0';
    final JsonNode v = value(node, path);
    final List<Junction> items;
    if (v3 && count == 1) {
      items = List.of(junction(v, path + "/value"));
    } else {
      items = list(v, path + "/value", this::junction);
    }
    if (items.size() != count) {
      throw fail(path + "/value", name + " needs " + count + " junctions, got " + items.size());
    }
    return new Junctions(items);
  }

  Junction junction(final JsonNode node, final String path) {
    final String name = type(node, path);
    final int index = variantIndex(Junction.NAMES, name, path);
    final String at = path + "/value";
    if (index == 7) {
      noValue(node, path);
      return new Junction.OnlyChild();
    }
    final JsonNode v = value(node, path);
    return build(
        path,
        () ->
            switch (index) {
              case 0 -> new Junction.Parachain(u32(v, at));
              case 1 -> {
                fields(v, at, "network", "id");
                yield new Junction.AccountId32(
                    optional(v.get("network"), at + "/network", this::networkId),
                    bytes(v.get("id"), at + "/id", 32));
              }
              case 2 -> {
                fields(v, at, "network", "index");
                yield new Junction.AccountIndex64(
                    optional(v.get("network"), at + "/network", this::networkId),
                    u64(v.get("index"), at + "/index"));
              }
              case 3 -> {
                fields(v, at, "network", "key");
                yield new Junction.AccountKey20(
                    optional(v.get("network"), at + "/network", this::networkId),
                    bytes(v.get("key"), at + "/key", 20));
              }
              case 4 -> new Junction.PalletInstance(u8(v, at));
              case 5 -> new Junction.GeneralIndex(u128(v, at));
              case 6 -> {
                fields(v, at, "length", "data");
                yield new Junction.GeneralKey(
                    u8(v.get("length"), at + "/length"), bytes(v.get("data"), at + "/data", 32));
              }
              case 8 -> {
                fields(v, at, "id", "part");
                yield new Junction.Plurality(
                    bodyId(v.get("id"), at + "/id"), bodyPart(v.get("part"), at + "/part"));
              }
              default -> new Junction.GlobalConsensus(networkId(v, at));
            });
  }

  NetworkId networkId(final JsonNode node, final String path) {
    final String name = type(node, path);
    final int index = variantIndex(NetworkId.NAMES, name, path);
    if (v5 && index >= 4 && index <= 6) {
      throw fail(path + "/type", name + " does not exist in V5 (use ByGenesis)");
    }
    final String at = path + "/value";
    switch (index) {
      case 0 -> {
        return new NetworkId.ByGenesis(bytes(value(node, path), at, 32));
      }
      case 1 -> {
        final JsonNode v = value(node, path);
        fields(v, at, "block_number", "block_hash");
        return new NetworkId.ByFork(
            u64(v.get("block_number"), at + "/block_number"),
            bytes(v.get("block_hash"), at + "/block_hash", 32));
      }
      case 7 -> {
        final JsonNode v = value(node, path);
        fields(v, at, "chain_id");
        return new NetworkId.Ethereum(u64(v.get("chain_id"), at + "/chain_id"));
      }
      default -> {
        noValue(node, path);
        return switch (index) {
          case 2 -> NetworkId.POLKADOT;
          case 3 -> NetworkId.KUSAMA;
          case 4 -> NetworkId.WESTEND;
          case 5 -> NetworkId.ROCOCO;
          case 6 -> NetworkId.WOCOCO;
          case 8 -> NetworkId.BITCOIN_CORE;
          case 9 -> NetworkId.BITCOIN_CASH;
          default -> NetworkId.POLKADOT_BULLETIN;
        };
      }
    }
  }

  private BodyId bodyId(final JsonNode node, final String path) {
    final int index = variantIndex(BodyId.NAMES, type(node, path), path);
    return switch (index) {
      case 1 -> new BodyId.Moniker(bytes(value(node, path), path + "/value", 4));
      case 2 -> new BodyId.Index(u32(value(node, path), path + "/value"));
      default -> {
        noValue(node, path);
        yield new BodyId.Simple(index);
      }
    };
  }

  private BodyPart bodyPart(final JsonNode node, final String path) {
    final int index = variantIndex(BodyPart.NAMES, type(node, path), path);
    final String at = path + "/value";
    return switch (index) {
      case 0 -> {
        noValue(node, path);
        yield new BodyPart.Voice();
      }
      case 1 -> {
        final JsonNode v = value(node, path);
        fields(v, at, "count");
        yield new BodyPart.Members(u32(v.get("count"), at + "/count"));
      }
      default -> {
        final JsonNode v = value(node, path);
        fields(v, at, "nom", "denom");
        yield new BodyPart.Proportion(
            index, u32(v.get("nom"), at + "/nom"), u32(v.get("denom"), at + "/denom"));
      }
    };
  }

  // ---- assets ----

  Assets assets(final JsonNode node, final String path) {
    return new Assets(list(node, path, this::asset));
  }

  Asset asset(final JsonNode node, final String path) {
    fields(node, path, "id", "fun");
    return new Asset(
        assetId(node.get("id"), path + "/id"), fungibility(node.get("fun"), path + "/fun"));
  }

  AssetId assetId(final JsonNode node, final String path) {
    if (!v3) {
      return new AssetId.Concrete(location(node, path));
    }
    final String name = type(node, path);
    return switch (name) {
      case "Concrete" -> new AssetId.Concrete(location(value(node, path), path + "/value"));
      case "Abstract" -> new AssetId.Abstract(bytes(value(node, path), path + "/value", 32));
      default -> throw fail(path + "/type", "unknown variant " + name);
    };
  }

  private Fungibility fungibility(final JsonNode node, final String path) {
    final String name = type(node, path);
    final String at = path + "/value";
    return switch (name) {
      case "Fungible" -> build(path, () -> new Fungibility.Fungible(u128(value(node, path), at)));
      case "NonFungible" -> new Fungibility.NonFungible(assetInstance(value(node, path), at));
      default -> throw fail(path + "/type", "unknown variant " + name);
    };
  }

  private AssetInstance assetInstance(final JsonNode node, final String path) {
    final int index = variantIndex(AssetInstance.NAMES, type(node, path), path);
    final String at = path + "/value";
    return switch (index) {
      case 0 -> {
        noValue(node, path);
        yield new AssetInstance.Undefined();
      }
      case 1 -> new AssetInstance.Index(u128(value(node, path), at));
      default -> new AssetInstance.Array(bytes(value(node, path), at, 1 << index));
    };
  }

  AssetFilter assetFilter(final JsonNode node, final String path) {
    final String name = type(node, path);
    final String at = path + "/value";
    return switch (name) {
      case "Definite" -> new AssetFilter.Definite(assets(value(node, path), at));
      case "Wild" -> new AssetFilter.Wild(wildAsset(value(node, path), at));
      default -> throw fail(path + "/type", "unknown variant " + name);
    };
  }

  private WildAsset wildAsset(final JsonNode node, final String path) {
    final int index = variantIndex(WildAsset.NAMES, type(node, path), path);
    final String at = path + "/value";
    return switch (index) {
      case 0 -> {
        noValue(node, path);
        yield new WildAsset.All();
      }
      case 1 -> {
        final JsonNode v = value(node, path);
        fields(v, at, "id", "fun");
        yield new WildAsset.AllOf(
            assetId(v.get("id"), at + "/id"), wildFungibility(v.get("fun"), at + "/fun"));
      }
      case 2 -> new WildAsset.AllCounted(u32(value(node, path), at));
      default -> {
        final JsonNode v = value(node, path);
        fields(v, at, "id", "fun", "count");
        yield new WildAsset.AllOfCounted(
            assetId(v.get("id"), at + "/id"),
            wildFungibility(v.get("fun"), at + "/fun"),
            u32(v.get("count"), at + "/count"));
      }
    };
  }

  private WildFungibility wildFungibility(final JsonNode node, final String path) {
    final String name = type(node, path);
    noValue(node, path);
    for (final WildFungibility fun : WildFungibility.values()) {
      if (fun.variantName().equals(name)) {
        return fun;
      }
    }
    throw fail(path + "/type", "unknown variant " + name);
  }

  private AssetTransferFilter assetTransferFilter(final JsonNode node, final String path) {
    final String name = type(node, path);
    for (final AssetTransferFilter.Kind kind : AssetTransferFilter.Kind.values()) {
      if (kind.variantName().equals(name)) {
        return new AssetTransferFilter(kind, assetFilter(value(node, path), path + "/value"));
      }
    }
    throw fail(path + "/type", "unknown variant " + name);
  }

  // ---- small types ----

  Weight weight(final JsonNode node, final String path) {
    fields(node, path, "ref_time", "proof_size");
    return new Weight(
        u64(node.get("ref_time"), path + "/ref_time"),
        u64(node.get("proof_size"), path + "/proof_size"));
  }

  private WeightLimit weightLimit(final JsonNode node, final String path) {
    final String name = type(node, path);
    return switch (name) {
      case "Unlimited" -> {
        noValue(node, path);
        yield WeightLimit.UNLIMITED;
      }
      case "Limited" -> new WeightLimit.Limited(weight(value(node, path), path + "/value"));
      default -> throw fail(path + "/type", "unknown variant " + name);
    };
  }

  private OriginKind originKind(final JsonNode node, final String path) {
    final String name = type(node, path);
    noValue(node, path);
    for (final OriginKind kind : OriginKind.values()) {
      if (kind.variantName().equals(name)) {
        return kind;
      }
    }
    throw fail(path + "/type", "unknown variant " + name);
  }

  private QueryResponseInfo queryResponseInfo(final JsonNode node, final String path) {
    fields(node, path, "destination", "query_id", "max_weight");
    return new QueryResponseInfo(
        location(node.get("destination"), path + "/destination"),
        u64(node.get("query_id"), path + "/query_id"),
        weight(node.get("max_weight"), path + "/max_weight"));
  }

  Response response(final JsonNode node, final String path) {
    final int index = variantIndex(Response.NAMES, type(node, path), path);
    final String at = path + "/value";
    return switch (index) {
      case 0 -> {
        noValue(node, path);
        yield new Response.Null();
      }
      case 1 -> new Response.AssetsResponse(assets(value(node, path), at));
      case 2 -> new Response.ExecutionResult(optional(value(node, path), at, this::executionError));
      case 3 -> new Response.Version(u32(value(node, path), at));
      case 4 ->
          build(
              path, () -> new Response.PalletsInfo(list(value(node, path), at, this::palletInfo)));
      default -> new Response.DispatchResult(maybeErrorCode(value(node, path), at));
    };
  }

  private PalletInfo palletInfo(final JsonNode node, final String path) {
    fields(node, path, "index", "name", "module_name", "major", "minor", "patch");
    return build(
        path,
        () ->
            new PalletInfo(
                u32(node.get("index"), path + "/index"),
                bytes(node.get("name"), path + "/name"),
                bytes(node.get("module_name"), path + "/module_name"),
                u32(node.get("major"), path + "/major"),
                u32(node.get("minor"), path + "/minor"),
                u32(node.get("patch"), path + "/patch")));
  }

  private ExecutionError executionError(final JsonNode node, final String path) {
    final List<JsonNode> pair = array(node, path);
    if (pair.size() != 2) {
      throw fail(path, "expected [instruction index, error]");
    }
    return new ExecutionError(u32(pair.get(0), path + "/0"), error(pair.get(1), path + "/1"));
  }

  XcmError error(final JsonNode node, final String path) {
    final String name = type(node, path);
    final XcmError.Kind kind = XcmError.Kind.byName(name);
    if (kind == null || (!v5 && kind.v3Index() < 0)) {
      throw fail(path + "/type", "unknown variant " + name + " in " + version);
    }
    return switch (kind) {
      case TRAP -> new XcmError.Trap(u64(value(node, path), path + "/value"));
      case WEIGHT_LIMIT_REACHED ->
          new XcmError.WeightLimitReached(weight(value(node, path), path + "/value"));
      default -> {
        noValue(node, path);
        yield new XcmError.Simple(kind);
      }
    };
  }

  private MaybeErrorCode maybeErrorCode(final JsonNode node, final String path) {
    final int index = variantIndex(MaybeErrorCode.NAMES, type(node, path), path);
    if (index == 0) {
      noValue(node, path);
      return new MaybeErrorCode.Success();
    }
    final Bytes code = bytes(value(node, path), path + "/value");
    return build(path, () -> new MaybeErrorCode.Failure(index == 2, code));
  }
}
