package io.xrelay.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one set of names shared by the file, the environment and the flags. A key path is the file's
 * keys joined by dots ({@code chains.asset-hub-kusama.endpoints}); its environment variable is
 * {@code RELAYER_} and the same segments upper-cased, hyphens and dots turned into underscores
 * ({@code RELAYER_CHAINS_ASSET_HUB_KUSAMA_ENDPOINTS}).
 */
public final class ConfigKeys {
  /** The prefix of every environment variable the configuration reads. */
  public static final String ENVIRONMENT_PREFIX = "RELAYER_";

  /**
   * What a chain, signer or route may be called: lower-case letters and digits in words joined by
   * single hyphens, at most 63 characters. This keeps the environment mapping reversible and the
   * names usable as metric labels and Kubernetes lease names.
   */
  static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  static final int MAX_NAME_LENGTH = 63;

  static final String NAME_RULE =
      "lower-case letters and digits, words joined by single hyphens, at most "
          + MAX_NAME_LENGTH
          + " characters";

  private ConfigKeys() {}

  /** {@code http.port} is {@code RELAYER_HTTP_PORT}. */
  public static String environmentVariable(final String keyPath) {
    return ENVIRONMENT_PREFIX + environmentForm(List.of(keyPath.split("\\.")));
  }

  static String environmentForm(final List<String> segments) {
    return String.join("_", segments).replace('-', '_').toUpperCase(Locale.ROOT);
  }

  static boolean isValidName(final String name) {
    return name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches();
  }
}
