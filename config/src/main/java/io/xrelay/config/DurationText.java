package io.xrelay.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as operators write them: a whole number and a unit ({@code 500ms}, {@code 30s}, {@code
 * 5m}, {@code 1h}, {@code 2d}), or several in decreasing order ({@code 1h30m}). A bare number is
 * refused: {@code timeout: 30} could mean seconds or milliseconds.
 */
public final class DurationText {
  private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final String UNITS = "d h m s ms";

  private DurationText() {}

  /**
   * @throws IllegalArgumentException naming the text and the accepted form
   */
  public static Duration parse(final String text) {
    final String trimmed = text.strip().toLowerCase(Locale.ROOT);
    if (!WHOLE.matcher(trimmed).matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a duration (a number and a unit: 500ms, 30s, 5m, 1h, 2d, or 1h30m)");
    }
    Duration total = Duration.ZERO;
    int previousRank = Integer.MAX_VALUE;
    final Matcher part = PART.matcher(trimmed);
    while (part.find()) {
      final String unit = part.group(2);
      final int rank = rank(unit);
      if (rank >= previousRank) {
        throw new IllegalArgumentException(
            "'" + text + "' is not a duration (units must decrease: d, h, m, s, ms)");
      }
      previousRank = rank;
      final long amount;
      try {
        amount = Long.parseLong(part.group(1));
        total = total.plus(of(amount, unit));
      } catch (NumberFormatException | ArithmeticException e) {
        throw new IllegalArgumentException("'" + text + "' is too long a duration");
      }
    }
    return total;
  }

  /** The shortest text that {@link #parse} reads back as {@code duration}: 90s is {@code 1m30s}. */
  public static String format(final Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative durations have no text form");
    }
    if (duration.isZero()) {
      return "0s";
    }
    final StringBuilder text = new StringBuilder();
    long rest = duration.toMillis();
    final long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    final String[] units = UNITS.split(" ");
    for (int i = 0; i < sizes.length; i++) {
      if (rest >= sizes[i]) {
        text.append(rest / sizes[i]).append(units[i]);
        rest %= sizes[i];
      }
    }
    return text.toString();
  }

  private static int rank(final String unit) {
    return switch (unit) {
      case "d" -> 4;
      case "h" -> 3;
      case "m" -> 2;
      case "s" -> 1;
      default -> 0;
    };
  }

  private static Duration of(final long amount, final String unit) {
    return switch (unit) {
      case "d" -> Duration.ofDays(amount);
      case "h" -> Duration.ofHours(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "s" -> Duration.ofSeconds(amount);
      default -> Duration.ofMillis(amount);
    };
  }
}
