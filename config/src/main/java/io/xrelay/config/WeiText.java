package io.xrelay.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ether amounts as operators write gas prices: {@code 50gwei}, {@code 1.5 gwei}, {@code
 * 1000000000wei}, {@code 0.001ether}, or a bare whole number of wei.
 */
public final class WeiText {
  private static final Pattern AMOUNT =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(wei|gwei|ether)?", Pattern.CASE_INSENSITIVE);
  private static final BigDecimal GWEI = BigDecimal.TEN.pow(9);
  private static final BigDecimal ETHER = BigDecimal.TEN.pow(18);

  private WeiText() {}

  /**
   * @return the amount in wei
   * @throws IllegalArgumentException for other text or an amount that is not a whole number of wei
   */
  public static BigInteger parse(final String text) {
    final Matcher matcher = AMOUNT.matcher(text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an amount (a number of wei, or with a unit: 50gwei, 0.1ether)");
    }
    final String unit =
        matcher.group(2) == null ? "wei" : matcher.group(2).toLowerCase(Locale.ROOT);
    final BigDecimal number = new BigDecimal(matcher.group(1));
    final BigDecimal wei =
        switch (unit) {
          case "gwei" -> number.multiply(GWEI);
          case "ether" -> number.multiply(ETHER);
          default -> number;
        };
    try {
      return wei.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number of wei");
    }
  }

  /** {@code 50gwei} when the amount is whole gwei, else {@code <n>wei}. */
  public static String format(final BigInteger wei) {
    final BigInteger[] gwei = wei.divideAndRemainder(GWEI.toBigIntegerExact());
    return gwei[1].signum() == 0 && gwei[0].signum() > 0 ? gwei[0] + "gwei" : wei + "wei";
  }
}
