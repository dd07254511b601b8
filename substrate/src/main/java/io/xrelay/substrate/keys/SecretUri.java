package io.xrelay.substrate.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secret in Substrate's URI form: {@code <phrase or 0x-seed>[//hard][/soft]...[///password]}.
 * With no phrase or seed ({@code //Alice}) it uses Substrate's well-known development phrase.
 * {@link #toString()} never shows the secret.
 */
public final class SecretUri {
  public static final String DEV_PHRASE =
      "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

  private static final Pattern FORM = Pattern.compile("^([^/]*)((?://?[^/]+)*)(?:///(.*))?$");
  private static final Pattern JUNCTION = Pattern.compile("/(/?)([^/]+)");

  /** One derivation step; {@code hard} for {@code //name}, soft for {@code /name}. */
  public record Junction(String name, boolean hard) {}

  private final String phrase;
  private final byte[] seed;
  private final List<Junction> junctions;
  private final String password;

  private SecretUri(
      final String phrase,
      final byte[] seed,
      final List<Junction> junctions,
      final String password) {
    this.phrase = phrase;
    this.seed = seed;
    this.junctions = junctions;
    this.password = password;
  }

  /**
   * @throws IllegalArgumentException when the URI is not of that form (the message never repeats
   *     the secret)
   */
  public static SecretUri parse(final String uri) {
    final Matcher matcher = FORM.matcher(uri.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "not a secret URI of the form <phrase|0xseed>//hard/soft///password");
    }
    final String base = matcher.group(1).strip();
    final List<Junction> junctions = new ArrayList<>();
    final Matcher junction = JUNCTION.matcher(matcher.group(2));
    while (junction.find()) {
      junctions.add(new Junction(junction.group(2), !junction.group(1).isEmpty()));
    }
    final String password = matcher.group(3) == null ? "" : matcher.group(3);
    if (base.startsWith("0x")) {
      final byte[] seed;
      try {
        seed = io.xrelay.scale.Hex.decode(base);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the seed of the secret URI is not hex");
      }
      if (seed.length != 32) {
        throw new IllegalArgumentException("a hex seed is 32 bytes, this one " + seed.length);
      }
      return new SecretUri(null, seed, List.copyOf(junctions), password);
    }
    return new SecretUri(
        base.isEmpty() ? DEV_PHRASE : base, null, List.copyOf(junctions), password);
  }

  /** The 32-byte mini secret before derivation: the hex seed, or the one the phrase gives. */
  byte[] miniSecret() {
    return seed != null ? seed.clone() : Mnemonic.miniSecret(phrase, password);
  }

  public List<Junction> junctions() {
    return junctions;
  }

  @Override
  public String toString() {
    return "SecretUri["
        + (seed != null ? "seed" : "phrase")
        + ", "
        + junctions.size()
        + " junctions]";
  }
}
