package io.xrelay.xcm.builder;

import io.xrelay.xcm.VersionedLocation;

/**
 * How assets move ({@code staging_xcm_executor::traits::asset_transfer::TransferType}): {@code
 * Teleport = 0}, {@code LocalReserve = 1} (this chain is the reserve), {@code DestinationReserve =
 * 2}, {@code RemoteReserve(VersionedLocation) = 3} (a third chain is the reserve).
 */
public sealed interface TransferType {
  int variantIndex();

  record Teleport() implements TransferType {
    @Override
    public int variantIndex() {
      return 0;
    }
  }

  record LocalReserve() implements TransferType {
    @Override
    public int variantIndex() {
      return 1;
    }
  }

  record DestinationReserve() implements TransferType {
    @Override
    public int variantIndex() {
      return 2;
    }
  }

  /** {@code reserve} is seen from the sending chain. */
  record RemoteReserve(VersionedLocation reserve) implements TransferType {
    @Override
    public int variantIndex() {
      return 3;
    }
  }
}
