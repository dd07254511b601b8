package io.xrelay.xcm.codec;

import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.scale.ScaleReader;
import io.xrelay.xcm.model.BodyPart;
import io.xrelay.xcm.model.Bytes;
import io.xrelay.xcm.model.OriginKind;
import io.xrelay.xcm.model.WildFungibility;
import io.xrelay.xcm.v2.V2Asset;
import io.xrelay.xcm.v2.V2AssetFilter;
import io.xrelay.xcm.v2.V2BodyId;
import io.xrelay.xcm.v2.V2Instruction;
import io.xrelay.xcm.v2.V2Junction;
import io.xrelay.xcm.v2.V2Location;
import io.xrelay.xcm.v2.V2NetworkId;
import io.xrelay.xcm.v2.V2Response;
import io.xrelay.xcm.v2.V2Xcm;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decodes legacy V2 messages (read-only support for old data), with the same depth and instruction
 * limits as v3+. Asset order is not checked: V2 data is history, not input to act on.
 */
public final class V2Reader {
  private final ScaleReader in;
  private int depth;
  private int declaredInstructions;

  public V2Reader(final ScaleReader in) {
    this.in = in;
  }

  private void descend(final String typeName) {
    if (++depth > XcmLimits.MAX_DECODE_DEPTH) {
      throw in.error(
          typeName,
          "nesting deeper than MAX_XCM_DECODE_DEPTH (" + XcmLimits.MAX_DECODE_DEPTH + ")");
    }
  }

  private ScaleDecodeException unknownVariant(
      final int at, final String typeName, final int index) {
    return in.errorAt(at, typeName, "unknown variant " + index + " in V2");
  }

  public V2Xcm readXcm() {
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
    final V2Instruction[] instructions = new V2Instruction[(int) length];
    for (int i = 0; i < instructions.length; i++) {
      final int start = in.position();
      final int index = in.readVariantIndex("Instruction");
      try {
        instructions[i] = readInstruction(index, start);
      } catch (ScaleDecodeException e) {
        throw e.within(
            "instructions["
                + i
                + "]"
                + (index < V2Instruction.NAMES.size() ? " " + V2Instruction.NAMES.get(index) : ""));
      }
    }
    depth--;
    return new V2Xcm(Arrays.asList(instructions));
  }

  public V2Instruction readInstruction() {
    final int at = in.position();
    return readInstruction(in.readVariantIndex("Instruction"), at);
  }

  private V2Instruction readInstruction(final int index, final int at) {
    return switch (index) {
      case 0 -> new V2Instruction.WithdrawAsset(readAssets());
      case 1 -> new V2Instruction.ReserveAssetDeposited(readAssets());
      case 2 -> new V2Instruction.ReceiveTeleportedAsset(readAssets());
      case 3 ->
          new V2Instruction.QueryResponse(in.readCompactU64(), readResponse(), in.readCompactU64());
      case 4 -> new V2Instruction.TransferAsset(readAssets(), readLocation());
      case 5 -> new V2Instruction.TransferReserveAsset(readAssets(), readLocation(), readXcm());
      case 6 ->
          new V2Instruction.Transact(
              readOriginKind(), in.readCompactU64(), Bytes.wrap(in.readByteVec()));
      case 7 ->
          new V2Instruction.HrmpNewChannelOpenRequest(
              in.readCompactU32(), in.readCompactU32(), in.readCompactU32());
      case 8 -> new V2Instruction.HrmpChannelAccepted(in.readCompactU32());
      case 9 ->
          new V2Instruction.HrmpChannelClosing(
              in.readCompactU32(), in.readCompactU32(), in.readCompactU32());
      case 10 -> new V2Instruction.ClearOrigin();
      case 11 -> new V2Instruction.DescendOrigin(readJunctions());
      case 12 ->
          new V2Instruction.ReportError(in.readCompactU64(), readLocation(), in.readCompactU64());
      case 13 ->
          new V2Instruction.DepositAsset(readAssetFilter(), in.readCompactU32(), readLocation());
      case 14 ->
          new V2Instruction.DepositReserveAsset(
              readAssetFilter(), in.readCompactU32(), readLocation(), readXcm());
      case 15 -> new V2Instruction.ExchangeAsset(readAssetFilter(), readAssets());
      case 16 ->
          new V2Instruction.InitiateReserveWithdraw(readAssetFilter(), readLocation(), readXcm());
      case 17 -> new V2Instruction.InitiateTeleport(readAssetFilter(), readLocation(), readXcm());
      case 18 ->
          new V2Instruction.QueryHolding(
              in.readCompactU64(), readLocation(), readAssetFilter(), in.readCompactU64());
      case 19 -> new V2Instruction.BuyExecution(readAsset(), readWeightLimit());
      case 20 -> new V2Instruction.RefundSurplus();
      case 21 -> new V2Instruction.SetErrorHandler(readXcm());
      case 22 -> new V2Instruction.SetAppendix(readXcm());
      case 23 -> new V2Instruction.ClearError();
      case 24 -> new V2Instruction.ClaimAsset(readAssets(), readLocation());
      case 25 -> new V2Instruction.Trap(in.readCompactU64());
      case 26 -> new V2Instruction.SubscribeVersion(in.readCompactU64(), in.readCompactU64());
      case 27 -> new V2Instruction.UnsubscribeVersion();
      default -> throw unknownVariant(at, "Instruction", index);
    };
  }

  public V2Location readLocation() {
    return new V2Location(in.readU8(), readJunctions());
  }

  public List<V2Junction> readJunctions() {
    final int at = in.position();
    final int count = in.readVariantIndex("Junctions");
    if (count > 8) {
      throw unknownVariant(at, "Junctions", count);
    }
    final V2Junction[] junctions = new V2Junction[count];
    for (int i = 0; i < count; i++) {
      junctions[i] = readJunction();
    }
    return Arrays.asList(junctions);
  }

  public V2Junction readJunction() {
    final int at = in.position();
    final int index = in.readVariantIndex("Junction");
    return switch (index) {
      case 0 -> new V2Junction.Parachain(in.readCompactU32());
      case 1 -> new V2Junction.AccountId32(readNetworkId(), Bytes.wrap(in.readBytes(32)));
      case 2 -> new V2Junction.AccountIndex64(readNetworkId(), in.readCompactU64());
      case 3 -> new V2Junction.AccountKey20(readNetworkId(), Bytes.wrap(in.readBytes(20)));
      case 4 -> new V2Junction.PalletInstance(in.readU8());
      case 5 -> new V2Junction.GeneralIndex(readCompactU128("GeneralIndex"));
      case 6 -> new V2Junction.GeneralKey(Bytes.wrap(in.readByteVec()));
      case 7 -> new V2Junction.OnlyChild();
      case 8 -> new V2Junction.Plurality(readBodyId(), readBodyPart());
      default -> throw unknownVariant(at, "Junction", index);
    };
  }

  public V2NetworkId readNetworkId() {
    final int at = in.position();
    final int index = in.readVariantIndex("NetworkId");
    return switch (index) {
      case 0, 2, 3 -> new V2NetworkId(index, Bytes.empty());
      case 1 -> new V2NetworkId(1, Bytes.wrap(in.readByteVec()));
      default -> throw unknownVariant(at, "NetworkId", index);
    };
  }

  public V2BodyId readBodyId() {
    final int at = in.position();
    final int index = in.readVariantIndex("BodyId");
    return switch (index) {
      case 0, 3, 4, 5, 6, 7, 8, 9 -> new V2BodyId(index, Bytes.empty(), 0);
      case 1 -> new V2BodyId(1, Bytes.wrap(in.readByteVec()), 0);
      case 2 -> new V2BodyId(2, Bytes.empty(), in.readCompactU32());
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

  public List<V2Asset> readAssets() {
    final int count = in.readLength("MultiAssets", 2);
    descend("MultiAssets");
    final List<V2Asset> assets = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      assets.add(readAsset());
    }
    depth--;
    return assets;
  }

  public V2Asset readAsset() {
    return new V2Asset(readAssetId(), readFungibility());
  }

  public V2Asset.Id readAssetId() {
    final int at = in.position();
    final int index = in.readVariantIndex("AssetId");
    return switch (index) {
      case 0 -> new V2Asset.Concrete(readLocation());
      case 1 -> new V2Asset.Abstract(Bytes.wrap(in.readByteVec()));
      default -> throw unknownVariant(at, "AssetId", index);
    };
  }

  public V2Asset.Fun readFungibility() {
    final int at = in.position();
    final int index = in.readVariantIndex("Fungibility");
    return switch (index) {
      case 0 -> new V2Asset.Fungible(readCompactU128("Fungible"));
      case 1 -> new V2Asset.NonFungible(readAssetInstance());
      default -> throw unknownVariant(at, "Fungibility", index);
    };
  }

  public V2Asset.Instance readAssetInstance() {
    final int at = in.position();
    final int index = in.readVariantIndex("AssetInstance");
    return switch (index) {
      case 0 -> new V2Asset.Instance(0, BigInteger.ZERO, Bytes.empty());
      case 1 -> new V2Asset.Instance(1, readCompactU128("AssetInstance"), Bytes.empty());
      case 2 -> new V2Asset.Instance(2, BigInteger.ZERO, Bytes.wrap(in.readBytes(4)));
      case 3 -> new V2Asset.Instance(3, BigInteger.ZERO, Bytes.wrap(in.readBytes(8)));
      case 4 -> new V2Asset.Instance(4, BigInteger.ZERO, Bytes.wrap(in.readBytes(16)));
      case 5 -> new V2Asset.Instance(5, BigInteger.ZERO, Bytes.wrap(in.readBytes(32)));
      case 6 -> new V2Asset.Instance(6, BigInteger.ZERO, Bytes.wrap(in.readByteVec()));
      default -> throw unknownVariant(at, "AssetInstance", index);
    };
  }

  public V2AssetFilter readAssetFilter() {
    final int at = in.position();
    final int index = in.readVariantIndex("MultiAssetFilter");
    if (index == 0) {
      return new V2AssetFilter.Definite(readAssets());
    }
    if (index != 1) {
      throw unknownVariant(at, "MultiAssetFilter", index);
    }
    return readWildAsset();
  }

  /** A {@code WildMultiAsset}, as the {@code Wild} variant of a filter. */
  public V2AssetFilter readWildAsset() {
    final int at = in.position();
    final int wild = in.readVariantIndex("WildMultiAsset");
    return switch (wild) {
      case 0 -> new V2AssetFilter.WildAll();
      case 1 -> new V2AssetFilter.WildAllOf(readAssetId(), readWildFungibility());
      default -> throw unknownVariant(at, "WildMultiAsset", wild);
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

  public OptionalLong readWeightLimit() {
    final int at = in.position();
    final int index = in.readVariantIndex("WeightLimit");
    return switch (index) {
      case 0 -> OptionalLong.empty();
      case 1 -> OptionalLong.of(in.readCompactU64());
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

  public V2Response readResponse() {
    final int at = in.position();
    final int index = in.readVariantIndex("Response");
    return switch (index) {
      case 0 -> new V2Response.Null();
      case 1 -> new V2Response.AssetsResponse(readAssets());
      case 2 ->
          new V2Response.ExecutionResult(
              in.readOptionTag("Option<(u32, Error)>")
                  ? Optional.of(readFailure())
                  : Optional.empty());
      case 3 -> new V2Response.Version(in.readU32());
      default -> throw unknownVariant(at, "Response", index);
    };
  }

  private V2Response.Failure readFailure() {
    return new V2Response.Failure(in.readU32(), readError());
  }

  public V2Response.V2Error readError() {
    final int at = in.position();
    final int index = in.readVariantIndex("Error");
    if (index >= V2Response.ERROR_NAMES.size()) {
      throw unknownVariant(at, "Error", index);
    }
    final boolean carriesValue = index == 21 || index == 23;
    return new V2Response.V2Error(index, carriesValue ? in.readU64() : 0);
  }

  private BigInteger readCompactU128(final String typeName) {
    final int at = in.position();
    final BigInteger value = in.readCompact();
    if (value.bitLength() > 128) {
      throw in.errorAt(at, typeName, "compact value exceeds u128");
    }
    return value;
  }
}
