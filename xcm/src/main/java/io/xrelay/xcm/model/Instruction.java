package io.xrelay.xcm.model;

import java.util.List;
import java.util.Optional;

/**
 * One XCM instruction of v3, v4 or v5. The variant index is the same in all three; {@code PayFees},
 * {@code InitiateTransfer}, {@code ExecuteWithOrigin} and {@code SetHints} (48..51) exist only in
 * v5. Numbers follow the wire widths: {@code Compact<u32>} fields are {@code long}s checked to fit
 * u32, {@code Compact<u64>} fields hold a u64 in a {@code long}'s bits.
 */
public sealed interface Instruction {
  /** Variant names by index, as in the runtime metadata. */
  List<String> NAMES =
      List.of(
          "WithdrawAsset",
          "ReserveAssetDeposited",
          "ReceiveTeleportedAsset",
          "QueryResponse",
          "TransferAsset",
          "TransferReserveAsset",
          "Transact",
          "HrmpNewChannelOpenRequest",
          "HrmpChannelAccepted",
          "HrmpChannelClosing",
          "ClearOrigin",
          "DescendOrigin",
          "ReportError",
          "DepositAsset",
          "DepositReserveAsset",
          "ExchangeAsset",
          "InitiateReserveWithdraw",
          "InitiateTeleport",
          "ReportHolding",
          "BuyExecution",
          "RefundSurplus",
          "SetErrorHandler",
          "SetAppendix",
          "ClearError",
          "ClaimAsset",
          "Trap",
          "SubscribeVersion",
          "UnsubscribeVersion",
          "BurnAsset",
          "ExpectAsset",
          "ExpectOrigin",
          "ExpectError",
          "ExpectTransactStatus",
          "QueryPallet",
          "ExpectPallet",
          "ReportTransactStatus",
          "ClearTransactStatus",
          "UniversalOrigin",
          "ExportMessage",
          "LockAsset",
          "UnlockAsset",
          "NoteUnlockable",
          "RequestUnlock",
          "SetFeesMode",
          "SetTopic",
          "ClearTopic",
          "AliasOrigin",
          "UnpaidExecution",
          "PayFees",
          "InitiateTransfer",
          "ExecuteWithOrigin",
          "SetHints");

  /** The first index that only v5 knows. */
  int FIRST_V5_ONLY = 48;

  int variantIndex();

  default String variantName() {
    return NAMES.get(variantIndex());
  }

  /** The program this instruction carries (to run here or to send on), if any. */
  default Optional<Xcm> nestedProgram() {
    return Optional.empty();
  }

  record WithdrawAsset(Assets assets) implements Instruction {
    @Override
    public int variantIndex() {
      return 0;
    }
  }

  record ReserveAssetDeposited(Assets assets) implements Instruction {
    @Override
    public int variantIndex() {
      return 1;
    }
  }

  record ReceiveTeleportedAsset(Assets assets) implements Instruction {
    @Override
    public int variantIndex() {
      return 2;
    }
  }

  /** {@code queryId} is a {@code Compact<u64>} in a long. */
  record QueryResponse(
      long queryId, Response response, Weight maxWeight, Optional<Location> querier)
      implements Instruction {
    @Override
    public int variantIndex() {
      return 3;
    }
  }

  record TransferAsset(Assets assets, Location beneficiary) implements Instruction {
    @Override
    public int variantIndex() {
      return 4;
    }
  }

  record TransferReserveAsset(Assets assets, Location dest, Xcm xcm) implements Instruction {
    @Override
    public Optional<Xcm> nestedProgram() {
      return Optional.of(xcm);
    }

    @Override
    public int variantIndex() {
      return 5;
    }
  }

  /**
   * V3 and V4 require {@code require_weight_at_most}; v5 has an optional {@code
   * fallback_max_weight} (RFC 101). {@code call} is the encoded runtime call of the destination
   * ({@code DoubleEncoded}).
   */
  record Transact(OriginKind originKind, Optional<Weight> maxWeight, Bytes call)
      implements Instruction {
    @Override
    public int variantIndex() {
      return 6;
    }
  }

  record HrmpNewChannelOpenRequest(long sender, long maxMessageSize, long maxCapacity)
      implements Instruction {
    public HrmpNewChannelOpenRequest {
      Unsigned.u32(sender, "sender");
      Unsigned.u32(maxMessageSize, "max_message_size");
      Unsigned.u32(maxCapacity, "max_capacity");
    }

    @Override
    public int variantIndex() {
      return 7;
    }
  }

  record HrmpChannelAccepted(long recipient) implements Instruction {
    public HrmpChannelAccepted {
      Unsigned.u32(recipient, "recipient");
    }

    @Override
    public int variantIndex() {
      return 8;
    }
  }

  record HrmpChannelClosing(long initiator, long sender, long recipient) implements Instruction {
    public HrmpChannelClosing {
      Unsigned.u32(initiator, "initiator");
      Unsigned.u32(sender, "sender");
      Unsigned.u32(recipient, "recipient");
    }

    @Override
    public int variantIndex() {
      return 9;
    }
  }

  record ClearOrigin() implements Instruction {
    @Override
    public int variantIndex() {
      return 10;
    }
  }

  record DescendOrigin(Junctions interior) implements Instruction {
    @Override
    public int variantIndex() {
      return 11;
    }
  }

  record ReportError(QueryResponseInfo responseInfo) implements Instruction {
    @Override
    public int variantIndex() {
      return 12;
    }
  }

  record DepositAsset(AssetFilter assets, Location beneficiary) implements Instruction {
    @Override
    public int variantIndex() {
      return 13;
    }
  }

  record DepositReserveAsset(AssetFilter assets, Location dest, Xcm xcm) implements Instruction {
    @Override
    public Optional<Xcm> nestedProgram() {
      return Optional.of(xcm);
    }

    @Override
    public int variantIndex() {
      return 14;
    }
  }

  record ExchangeAsset(AssetFilter give, Assets want, boolean maximal) implements Instruction {
    @Override
    public int variantIndex() {
      return 15;
    }
  }

  record InitiateReserveWithdraw(AssetFilter assets, Location reserve, Xcm xcm)
      implements Instruction {
    @Override
    public Optional<Xcm> nestedProgram() {
      return Optional.of(xcm);
    }

    @Override
    public int variantIndex() {
      return 16;
    }
  }

  record InitiateTeleport(AssetFilter assets, Location dest, Xcm xcm) implements Instruction {
    @Override
    public Optional<Xcm> nestedProgram() {
      return Optional.of(xcm);
    }

    @Override
    public int variantIndex() {
      return 17;
    }
  }

  record ReportHolding(QueryResponseInfo responseInfo, AssetFilter assets) implements Instruction {
    @Override
    public int variantIndex() {
      return 18;
    }
  }

  record BuyExecution(Asset fees, WeightLimit weightLimit) implements Instruction {
    @Override
    public int variantIndex() {
      return 19;
    }
  }

  record RefundSurplus() implements Instruction {
    @Override
    public int variantIndex() {
      return 20;
    }
  }

  record SetErrorHandler(Xcm xcm) implements Instruction {
    @Override
    public Optional<Xcm> nestedProgram() {
      return Optional.of(xcm);
    }

    @Override
    public int variantIndex() {
      return 21;
    }
  }

  record SetAppendix(Xcm xcm) implements Instruction {
    @Override
    public Optional<Xcm> nestedProgram() {
      return Optional.of(xcm);
    }

    @Override
    public int variantIndex() {
      return 22;
    }
  }

  record ClearError() implements Instruction {
    @Override
    public int variantIndex() {
      return 23;
    }
  }

  record ClaimAsset(Assets assets, Location ticket) implements Instruction {
    @Override
    public int variantIndex() {
      return 24;
    }
  }

  /** {@code Trap(Compact<u64>)}. */
  record Trap(long code) implements Instruction {
    @Override
    public int variantIndex() {
      return 25;
    }
  }

  record SubscribeVersion(long queryId, Weight maxResponseWeight) implements Instruction {
    @Override
    public int variantIndex() {
      return 26;
    }
  }

  record UnsubscribeVersion() implements Instruction {
    @Override
    public int variantIndex() {
      return 27;
    }
  }

  record BurnAsset(Assets assets) implements Instruction {
    @Override
    public int variantIndex() {
      return 28;
    }
  }

  record ExpectAsset(Assets assets) implements Instruction {
    @Override
    public int variantIndex() {
      return 29;
    }
  }

  record ExpectOrigin(Optional<Location> origin) implements Instruction {
    @Override
    public int variantIndex() {
      return 30;
    }
  }

  record ExpectError(Optional<ExecutionError> error) implements Instruction {
    @Override
    public int variantIndex() {
      return 31;
    }
  }

  record ExpectTransactStatus(MaybeErrorCode status) implements Instruction {
    @Override
    public int variantIndex() {
      return 32;
    }
  }

  record QueryPallet(Bytes moduleName, QueryResponseInfo responseInfo) implements Instruction {
    @Override
    public int variantIndex() {
      return 33;
    }
  }

  record ExpectPallet(long index, Bytes name, Bytes moduleName, long crateMajor, long minCrateMinor)
      implements Instruction {
    public ExpectPallet {
      Unsigned.u32(index, "index");
      Unsigned.u32(crateMajor, "crate_major");
      Unsigned.u32(minCrateMinor, "min_crate_minor");
    }

    @Override
    public int variantIndex() {
      return 34;
    }
  }

  record ReportTransactStatus(QueryResponseInfo responseInfo) implements Instruction {
    @Override
    public int variantIndex() {
      return 35;
    }
  }

  record ClearTransactStatus() implements Instruction {
    @Override
    public int variantIndex() {
      return 36;
    }
  }

  record UniversalOrigin(Junction junction) implements Instruction {
    @Override
    public int variantIndex() {
      return 37;
    }
  }

  record ExportMessage(NetworkId network, Junctions destination, Xcm xcm) implements Instruction {
    @Override
    public Optional<Xcm> nestedProgram() {
      return Optional.of(xcm);
    }

    @Override
    public int variantIndex() {
      return 38;
    }
  }

  record LockAsset(Asset asset, Location unlocker) implements Instruction {
    @Override
    public int variantIndex() {
      return 39;
    }
  }

  record UnlockAsset(Asset asset, Location target) implements Instruction {
    @Override
    public int variantIndex() {
      return 40;
    }
  }

  record NoteUnlockable(Asset asset, Location owner) implements Instruction {
    @Override
    public int variantIndex() {
      return 41;
    }
  }

  record RequestUnlock(Asset asset, Location locker) implements Instruction {
    @Override
    public int variantIndex() {
      return 42;
    }
  }

  record SetFeesMode(boolean jitWithdraw) implements Instruction {
    @Override
    public int variantIndex() {
      return 43;
    }
  }

  record SetTopic(Bytes topic) implements Instruction {
    public SetTopic {
      topic.requireLength(32, "SetTopic");
    }

    @Override
    public int variantIndex() {
      return 44;
    }
  }

  record ClearTopic() implements Instruction {
    @Override
    public int variantIndex() {
      return 45;
    }
  }

  record AliasOrigin(Location origin) implements Instruction {
    @Override
    public int variantIndex() {
      return 46;
    }
  }

  record UnpaidExecution(WeightLimit weightLimit, Optional<Location> checkOrigin)
      implements Instruction {
    @Override
    public int variantIndex() {
      return 47;
    }
  }

  /** V5 only (RFC 105). */
  record PayFees(Asset asset) implements Instruction {
    @Override
    public int variantIndex() {
      return 48;
    }
  }

  /** V5 only (RFC 100, 122); at most {@value AssetTransferFilter#MAX_IN_TRANSFER} asset filters. */
  record InitiateTransfer(
      Location destination,
      Optional<AssetTransferFilter> remoteFees,
      boolean preserveOrigin,
      List<AssetTransferFilter> assets,
      Xcm remoteXcm)
      implements Instruction {
    @Override
    public Optional<Xcm> nestedProgram() {
      return Optional.of(remoteXcm);
    }

    public InitiateTransfer {
      if (assets.size() > AssetTransferFilter.MAX_IN_TRANSFER) {
        throw new IllegalArgumentException(
            "at most "
                + AssetTransferFilter.MAX_IN_TRANSFER
                + " asset filters, got "
                + assets.size());
      }
      assets = List.copyOf(assets);
    }

    @Override
    public int variantIndex() {
      return 49;
    }
  }

  /** V5 only. */
  record ExecuteWithOrigin(Optional<Junctions> descendantOrigin, Xcm xcm) implements Instruction {
    @Override
    public Optional<Xcm> nestedProgram() {
      return Optional.of(xcm);
    }

    @Override
    public int variantIndex() {
      return 50;
    }
  }

  /** V5 only (RFC 107); at most {@value Hint#MAX_IN_SET_HINTS} hint. */
  record SetHints(List<Hint> hints) implements Instruction {
    public SetHints {
      if (hints.size() > Hint.MAX_IN_SET_HINTS) {
        throw new IllegalArgumentException(
            "at most " + Hint.MAX_IN_SET_HINTS + " hint, got " + hints.size());
      }
      hints = List.copyOf(hints);
    }

    @Override
    public int variantIndex() {
      return 51;
    }
  }
}
