package io.xrelay.xcm.model;

/**
 * {@code AssetTransferFilter} (v5 only): how {@code InitiateTransfer} moves each group of assets.
 * The three variants share one shape: {@code Teleport = 0}, {@code ReserveDeposit = 1}, {@code
 * ReserveWithdraw = 2}.
 */
public record AssetTransferFilter(Kind kind, AssetFilter filter) {
  public enum Kind {
    TELEPORT("Teleport"),
    RESERVE_DEPOSIT("ReserveDeposit"),
    RESERVE_WITHDRAW("ReserveWithdraw");

    private final String variantName;

    Kind(final String variantName) {
      this.variantName = variantName;
    }

    public String variantName() {
      return variantName;
    }

    public int variantIndex() {
      return ordinal();
    }
  }

  /**
   * {@code MaxAssetTransferFilters} of polkadot-sdk: the bound of {@code InitiateTransfer.assets}.
   */
  public static final int MAX_IN_TRANSFER = 6;
}
