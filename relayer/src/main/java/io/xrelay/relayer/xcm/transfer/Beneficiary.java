package io.xrelay.relayer.xcm.transfer;

import io.xrelay.scale.Hex;
import io.xrelay.substrate.keys.Ss58;
import io.xrelay.xcm.model.Bytes;
import io.xrelay.xcm.model.Junction;
import io.xrelay.xcm.model.Location;
import java.util.Optional;

/**
 * Who receives a transfer on the destination: a 32-byte account (SS58 or 0x-hex, {@code
 * AccountId32}) or a 20-byte one (0x-hex, {@code AccountKey20}, as on Ethereum-style chains).
 */
public record Beneficiary(byte[] account) {

  /**
   * @throws IllegalArgumentException for anything but an SS58 address or 0x-hex of 20 or 32 bytes
   */
  public static Beneficiary parse(final String text) {
    final String value = text.strip();
    if (value.startsWith("0x")) {
      final byte[] bytes;
      try {
        bytes = Hex.decode(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + text + "' is not valid hex: " + e.getMessage());
      }
      if (bytes.length != 32 && bytes.length != 20) {
        throw new IllegalArgumentException(
            "'" + text + "' has " + bytes.length + " bytes; an account has 32 (or 20)");
      }
      return new Beneficiary(bytes);
    }
    try {
      return new Beneficiary(Ss58.decode(value).accountId());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is neither an SS58 address nor 0x-hex (" + e.getMessage() + ")");
    }
  }

  public boolean isAccountId32() {
    return account.length == 32;
  }

  /** {@code {0, X1(AccountId32 | AccountKey20)}}, seen from the destination. */
  public Location location() {
    final Junction junction =
        isAccountId32()
            ? new Junction.AccountId32(Optional.empty(), Bytes.wrap(account))
            : new Junction.AccountKey20(Optional.empty(), Bytes.wrap(account));
    return Location.of(0, junction);
  }

  public String hex() {
    return Hex.encode(account);
  }
}
