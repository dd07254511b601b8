package io.xrelay.xcm.model;

/**
 * {@code PalletInfo} of a {@code PalletsInfo} response. Names are raw bytes (ASCII in practice),
 * bounded to {@value #MAX_NAME_LENGTH}; all numbers are {@code Compact<u32>}.
 */
public record PalletInfo(
    long index, Bytes name, Bytes moduleName, long major, long minor, long patch) {
  /** {@code MaxPalletNameLen} of polkadot-sdk. */
  public static final int MAX_NAME_LENGTH = 48;

  /** {@code MaxPalletsInfo} of polkadot-sdk. */
  public static final int MAX_IN_RESPONSE = 64;

  public PalletInfo {
    Unsigned.u32(index, "PalletInfo index");
    name.requireAtMost(MAX_NAME_LENGTH, "PalletInfo name");
    moduleName.requireAtMost(MAX_NAME_LENGTH, "PalletInfo module_name");
    Unsigned.u32(major, "PalletInfo major");
    Unsigned.u32(minor, "PalletInfo minor");
    Unsigned.u32(patch, "PalletInfo patch");
  }
}
