package io.xrelay.store.journey;

import java.util.Locale;

/** Where a journey stands. */
public enum JourneyOutcome {
  PENDING,
  SUCCESS,
  FAIL,
  TIMEOUT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static JourneyOutcome ofLabel(final String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }

  public boolean isFinal() {
    return this != PENDING;
  }
}
