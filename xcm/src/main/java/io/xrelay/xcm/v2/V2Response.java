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

  /** The failing instruction's index and its error. */
  record Failure(long instructionIndex, V2Error error) {}

  /**
   * A v2 {@code Error}: its variant index (0..25, names in {@link #ERROR_NAMES}) and the u64 that
   * {@code Trap = 21} and {@code WeightLimitReached = 23} carry (0 for the others).
   */
  record V2Error(int variantIndex, long value) {
    public String variantName() {
      return ERROR_NAMES.get(variantIndex);
    }

    public boolean carriesValue() {
      return variantIndex == 21 || variantIndex == 23;
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
