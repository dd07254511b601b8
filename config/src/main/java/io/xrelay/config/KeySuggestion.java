package io.xrelay.config;

import java.util.Collection;
import java.util.Optional;

/** The known key an unknown one was most likely meant to be, by edit distance. */
final class KeySuggestion {
  private KeySuggestion() {}

  /** The closest of {@code known} within two edits (three for long keys), if any. */
  static Optional<String> closest(final String unknown, final Collection<String> known) {
    final int limit = unknown.length() > 10 ? 3 : 2;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (final String candidate : known) {
      final int distance = distance(unknown, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance, ignoring case and treating '_' as '-' (env-style keys in a file). */
  static int distance(final String a, final String b) {
    final String left = normalize(a);
    final String right = normalize(b);
    int[] previous = new int[right.length() + 1];
    int[] current = new int[right.length() + 1];
    for (int j = 0; j <= right.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= left.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= right.length(); j++) {
        final int substitution = left.charAt(i - 1) == right.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + substitution);
      }
      final int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[right.length()];
  }

  private static String normalize(final String key) {
    return key.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
