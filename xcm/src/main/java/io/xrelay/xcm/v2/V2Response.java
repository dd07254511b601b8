package io.xrelay.xcm.v2;

import java.util.List;
import java.util.Optional;

/**
 * V2 {@code Response}: {@code Null = 0}, {@code Assets = 1}, {@code ExecutionResult(Option<(u32,
 * Error)>) = 2}, {@code Version(u32) = 3}.
 */
public sealed interface V2Response {
  List<String> NAMES = List.of("Null", "Assets", "ExecutionResult", "Version");

  int variantIndex();

  default String variantName() {
    return NAMES.get(variantIndex());
  }

  record Null() implements V2Response {
    @Override
    public int variantIndex() {
      return 0;
    }
  }

  record AssetsResponse(List<V2Asset> assets) implements V2Response {
    public AssetsResponse {
      assets = List.copyOf(assets);
    }

    @Override
    public int variantIndex() {
      return 1;
    }
  }

  record ExecutionResult(Optional<Failure> failure) implements V2Response {
    @Override
    public int variantIndex() {
      return 2;
    }
  }

  record Version(long version) implements V2Response {
    @Override
    public int variantIndex() {
      return 3;
    }
  }

  /**
   * The failing instruction's index and the v2 error: its variant index (0..25, names in {@link
   * #ERROR_NAMES}) and the u64 that {@code Trap = 21} and {@code WeightLimitReached = 23} carry.
   */
  record Failure(long instructionIndex, int errorIndex, long errorValue) {
    public String errorName() {
      return ERROR_NAMES.get(errorIndex);
    }

    public boolean errorCarriesValue() {
      return errorIndex == 21 || errorIndex == 23;
    }
  }

  List<String> ERROR_NAMES =
      List.of(
          "Overflow",
          "Unimplemented",
          "UntrustedReserveLocation",
          "UntrustedTeleportLocation",
          "MultiLocationFull",
          "MultiLocationNotInvertible",
          "BadOrigin",
          "InvalidLocation",
          "AssetNotFound",
          "FailedToTransactAsset",
          "NotWithdrawable",
          "LocationCannotHold",
          "ExceedsMaxMessageSize",
          "DestinationUnsupported",
          "Transport",
          "Unroutable",
          "UnknownClaim",
          "FailedToDecode",
          "MaxWeightInvalid",
          "NotHoldingFees",
          "TooExpensive",
          "Trap",
          "UnhandledXcmVersion",
          "WeightLimitReached",
          "Barrier",
          "WeightNotComputable");
}
