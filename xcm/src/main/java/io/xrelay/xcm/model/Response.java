package io.xrelay.xcm.model;

import java.util.List;
import java.util.Optional;

/** {@code Response} of v3, v4 and v5 (same indices; v5 carries the v5 error list). */
public sealed interface Response {
  List<String> NAMES =
      List.of("Null", "Assets", "ExecutionResult", "Version", "PalletsInfo", "DispatchResult");

  int variantIndex();

  default String variantName() {
    return NAMES.get(variantIndex());
  }

  record Null() implements Response {
    @Override
    public int variantIndex() {
      return 0;
    }
  }

  record AssetsResponse(Assets assets) implements Response {
    @Override
    public int variantIndex() {
      return 1;
    }
  }

  record ExecutionResult(Optional<ExecutionError> error) implements Response {
    @Override
    public int variantIndex() {
      return 2;
    }
  }

  /** {@code Version(u32)}: a fixed-width u32. */
  record Version(long version) implements Response {
    public Version {
      Unsigned.u32(version, "Version");
    }

    @Override
    public int variantIndex() {
      return 3;
    }
  }

  record PalletsInfo(List<PalletInfo> pallets) implements Response {
    public PalletsInfo {
      if (pallets.size() > PalletInfo.MAX_IN_RESPONSE) {
        throw new IllegalArgumentException(
            "at most " + PalletInfo.MAX_IN_RESPONSE + " pallets, got " + pallets.size());
      }
      pallets = List.copyOf(pallets);
    }

    @Override
    public int variantIndex() {
      return 4;
    }
  }

  record DispatchResult(MaybeErrorCode result) implements Response {
    @Override
    public int variantIndex() {
      return 5;
    }
  }
}
