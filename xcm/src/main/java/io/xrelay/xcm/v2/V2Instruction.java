package io.xrelay.xcm.v2;

import io.xrelay.xcm.model.Bytes;
import io.xrelay.xcm.model.OriginKind;
import java.util.List;
import java.util.OptionalLong;

/**
 * One V2 instruction (indices 0..27). Weights are single {@code Compact<u64>} numbers; {@code
 * BuyExecution}'s weight limit is empty for {@code Unlimited}. Read-only legacy: kept to decode and
 * re-encode old messages faithfully.
 */
public sealed interface V2Instruction {
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
          "QueryHolding",
          "BuyExecution",
          "RefundSurplus",
          "SetErrorHandler",
          "SetAppendix",
          "ClearError",
          "ClaimAsset",
          "Trap",
          "SubscribeVersion",
          "UnsubscribeVersion");

  int variantIndex();

  default String variantName() {
    return NAMES.get(variantIndex());
  }

  record WithdrawAsset(List<V2Asset> assets) implements V2Instruction {
    @Override
    public int variantIndex() {
      return 0;
    }
  }

  record ReserveAssetDeposited(List<V2Asset> assets) implements V2Instruction {
    @Override
    public int variantIndex() {
      return 1;
    }
  }

  record ReceiveTeleportedAsset(List<V2Asset> assets) implements V2Instruction {
    @Override
    public int variantIndex() {
      return 2;
    }
  }

  record QueryResponse(long queryId, V2Response response, long maxWeight) implements V2Instruction {
    @Override
    public int variantIndex() {
      return 3;
    }
  }

  record TransferAsset(List<V2Asset> assets, V2Location beneficiary) implements V2Instruction {
    @Override
    public int variantIndex() {
      return 4;
    }
  }

  record TransferReserveAsset(List<V2Asset> assets, V2Location dest, V2Xcm xcm)
      implements V2Instruction {
    @Override
    public int variantIndex() {
      return 5;
    }
  }

  record Transact(OriginKind originType, long requireWeightAtMost, Bytes call)
      implements V2Instruction {
    @Override
    public int variantIndex() {
      return 6;
    }
  }

  record HrmpNewChannelOpenRequest(long sender, long maxMessageSize, long maxCapacity)
      implements V2Instruction {
    @Override
    public int variantIndex() {
      return 7;
    }
  }

  record HrmpChannelAccepted(long recipient) implements V2Instruction {
    @Override
    public int variantIndex() {
      return 8;
    }
  }

  record HrmpChannelClosing(long initiator, long sender, long recipient) implements V2Instruction {
    @Override
    public int variantIndex() {
      return 9;
    }
  }

  record ClearOrigin() implements V2Instruction {
    @Override
    public int variantIndex() {
      return 10;
    }
  }

  record DescendOrigin(List<V2Junction> interior) implements V2Instruction {
    @Override
    public int variantIndex() {
      return 11;
    }
  }

  record ReportError(long queryId, V2Location dest, long maxResponseWeight)
      implements V2Instruction {
    @Override
    public int variantIndex() {
      return 12;
    }
  }

  record DepositAsset(V2AssetFilter assets, long maxAssets, V2Location beneficiary)
      implements V2Instruction {
    @Override
    public int variantIndex() {
      return 13;
    }
  }

  record DepositReserveAsset(V2AssetFilter assets, long maxAssets, V2Location dest, V2Xcm xcm)
      implements V2Instruction {
    @Override
    public int variantIndex() {
      return 14;
    }
  }

  record ExchangeAsset(V2AssetFilter give, List<V2Asset> receive) implements V2Instruction {
    @Override
    public int variantIndex() {
      return 15;
    }
  }

  record InitiateReserveWithdraw(V2AssetFilter assets, V2Location reserve, V2Xcm xcm)
      implements V2Instruction {
    @Override
    public int variantIndex() {
      return 16;
    }
  }

  record InitiateTeleport(V2AssetFilter assets, V2Location dest, V2Xcm xcm)
      implements V2Instruction {
    @Override
    public int variantIndex() {
      return 17;
    }
  }

  record QueryHolding(long queryId, V2Location dest, V2AssetFilter assets, long maxResponseWeight)
      implements V2Instruction {
    @Override
    public int variantIndex() {
      return 18;
    }
  }

  record BuyExecution(V2Asset fees, OptionalLong weightLimit) implements V2Instruction {
    @Override
    public int variantIndex() {
      return 19;
    }
  }

  record RefundSurplus() implements V2Instruction {
    @Override
    public int variantIndex() {
      return 20;
    }
  }

  record SetErrorHandler(V2Xcm xcm) implements V2Instruction {
    @Override
    public int variantIndex() {
      return 21;
    }
  }

  record SetAppendix(V2Xcm xcm) implements V2Instruction {
    @Override
    public int variantIndex() {
      return 22;
    }
  }

  record ClearError() implements V2Instruction {
    @Override
    public int variantIndex() {
      return 23;
    }
  }

  record ClaimAsset(List<V2Asset> assets, V2Location ticket) implements V2Instruction {
    @Override
    public int variantIndex() {
      return 24;
    }
  }

  record Trap(long code) implements V2Instruction {
    @Override
    public int variantIndex() {
      return 25;
    }
  }

  record SubscribeVersion(long queryId, long maxResponseWeight) implements V2Instruction {
    @Override
    public int variantIndex() {
      return 26;
    }
  }

  record UnsubscribeVersion() implements V2Instruction {
    @Override
    public int variantIndex() {
      return 27;
    }
  }
}
