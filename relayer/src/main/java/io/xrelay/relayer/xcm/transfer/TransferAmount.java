package io.xrelay.relayer.xcm.transfer;

import java.math.BigDecimal;
import java.math.BigInteger;

/** A decimal amount of an asset ("1.5" KSM) as the integer number of its smallest units. */
public final class TransferAmount {
  private TransferAmount() {}

  /**
   * @throws IllegalArgumentException when {@code text} is not a positive decimal or has more
   *     fractional digits than the asset's {@code decimals}
   */
  public static BigInteger parse(final String text, final int decimals) {
    final BigDecimal amount;
    try {
      amount = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a decimal number");
    }
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("'" + text + "' is not a positive amount");
    }
    final BigDecimal units = amount.movePointRight(decimals);
    try {
      return units.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "'" + text + "' has more than " + decimals + " decimal places, the asset's precision");
    }
  }

  /** {@code units} with {@code decimals} places, trailing zeros dropped: 1500000000000 -> "1.5". */
  public static String format(final BigInteger units, final int decimals) {
    final BigDecimal value = new BigDecimal(units, decimals).stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
  }
}
