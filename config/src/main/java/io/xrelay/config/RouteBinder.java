package io.xrelay.config;

import io.xrelay.crypto.Keccak256;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds and checks the routes: each kind's own keys, and the chains and signers they name, which
 * must exist and be of the kind the route needs.
 */
final class RouteBinder {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final List<String> BEEFY_TO_ETHEREUM_KEYS =
      List.of("contract", "protocol", "min-interval");
  private static final List<String> XCM_TRACKER_KEYS =
      List.of("timeout", "bridged-timeout", "webhooks");

  /** The chains and signers routes may name: every declared name, and those that bound. */
  record References(
      Set<String> chainNames,
      Map<String, ChainConfig> chains,
      Set<String> signerNames,
      Map<String, SignerConfig> signers) {}

  private final Problems problems;

  RouteBinder(final Problems problems) {
    this.problems = problems;
  }

  Optional<RouteConfig> route(
      final String name,
      final SectionReader route,
      final References references,
      final RetryPolicy globalRetry,
      final Set<String> usedSigners) {
    final Optional<String> signer = route.text("signer");
    signer.ifPresent(usedSigners::add);
    final Optional<RouteKind> kind = route.choice("kind", RouteKind.class);
    if (kind.isEmpty() && !route.has("kind")) {
      problems.error(
          route.path("kind"), "required (" + SectionReader.choices(RouteKind.values()) + ")");
    }
    final boolean enabled = route.bool("enabled").orElse(true);
    final RetryPolicy retry = ConfigBinder.retry(route.section("retry"), globalRetry);
    final Optional<String> source = chainReference(route, "source", references, true);
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    source
        .map(references.chains()::get)
        .ifPresent(chain -> requireKind(route, "source", chain, ChainKind.SUBSTRATE, kind.get()));
    switch (kind.get()) {
      case BEEFY_FINALITY -> {
        route.keysOnlyFor(BEEFY_TO_ETHEREUM_KEYS, "beefy-to-ethereum routes");
        route.keysOnlyFor(XCM_TRACKER_KEYS, "xcm-tracker routes");
        if (route.has("target")) {
          problems.error(
              route.path("target"),
              "beefy-finality routes have no target (they only watch the source)");
        }
        noSigner(route, kind.get());
        return source.map(s -> new BeefyFinalityRoute(name, s, enabled, retry));
      }
      case BEEFY_TO_ETHEREUM -> {
        route.keysOnlyFor(XCM_TRACKER_KEYS, "xcm-tracker routes");
        return beefyToEthereum(name, route, references, source, signer, enabled, retry);
      }
      default -> {
        route.keysOnlyFor(BEEFY_TO_ETHEREUM_KEYS, "beefy-to-ethereum routes");
        noSigner(route, kind.get());
        return xcmTracker(name, route, references, source, enabled, retry);
      }
    }
  }

  private Optional<RouteConfig> beefyToEthereum(
      final String name,
      final SectionReader route,
      final References references,
      final Optional<String> source,
      final Optional<String> signer,
      final boolean enabled,
      final RetryPolicy retry) {
    final Optional<String> target = chainReference(route, "target", references, true);
    target
        .map(references.chains()::get)
        .ifPresent(
            chain ->
                requireKind(
                    route, "target", chain, ChainKind.ETHEREUM, RouteKind.BEEFY_TO_ETHEREUM));
    if (signer.isEmpty() && !route.has("signer")) {
      problems.error(
          route.path("signer"), "required: the ethereum signer that submits to the target");
    }
    signer.ifPresent(
        s -> {
          final SignerConfig bound = references.signers().get(s);
          if (!references.signerNames().contains(s)) {
            problems.error(
                route.path("signer"), ConfigBinder.noSuch("signer", s, references.signerNames()));
          } else if (bound != null && target.isPresent() && !bound.chain().equals(target.get())) {
            problems.error(
                route.path("signer"),
                "signer '"
                    + s
                    + "' is for chain '"
                    + bound.chain()
                    + "', not the route's target '"
                    + target.get()
                    + "'");
          }
        });
    final Optional<String> contract = contract(route);
    final BeefyProtocol protocol =
        route.choice("protocol", BeefyProtocol.class).orElse(BeefyProtocol.INTERACTIVE);
    final long minInterval =
        route
            .integer("min-interval", 1, ConfigBinder.MAX_U32, "a number of blocks (1 or more)")
            .orElse(BeefyToEthereumRoute.DEFAULT_MIN_INTERVAL);
    if (source.isEmpty() || target.isEmpty() || signer.isEmpty() || contract.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new BeefyToEthereumRoute(
            name,
            source.get(),
            target.get(),
            signer.get(),
            enabled,
            retry,
            contract.get(),
            protocol,
            minInterval));
  }

  private Optional<RouteConfig> xcmTracker(
      final String name,
      final SectionReader route,
      final References references,
      final Optional<String> source,
      final boolean enabled,
      final RetryPolicy retry) {
    final Optional<String> target = chainReference(route, "target", references, false);
    target
        .map(references.chains()::get)
        .ifPresent(
            chain ->
                requireKind(route, "target", chain, ChainKind.SUBSTRATE, RouteKind.XCM_TRACKER));
    final Duration timeout =
        route.positiveDuration("timeout").orElse(XcmTrackerRoute.DEFAULT_TIMEOUT);
    final Duration bridged =
        route.positiveDuration("bridged-timeout").orElse(XcmTrackerRoute.DEFAULT_BRIDGED_TIMEOUT);
    if (bridged.compareTo(timeout) < 0) {
      problems.error(
          route.path(route.has("bridged-timeout") ? "bridged-timeout" : "timeout"),
          "bridged-timeout "
              + DurationText.format(bridged)
              + " is shorter than timeout "
              + DurationText.format(timeout));
    }
    final List<URI> webhooks =
        route
            .urls("webhooks", Set.of("http", "https"), "not an http:// or https:// URL")
            .orElse(List.of());
    return source.map(
        s -> new XcmTrackerRoute(name, s, target, enabled, retry, timeout, bridged, webhooks));
  }

  private Optional<String> chainReference(
      final SectionReader route,
      final String key,
      final References references,
      final boolean required) {
    final Optional<String> name = route.text(key);
    if (name.isEmpty()) {
      if (required && !route.has(key)) {
        problems.error(route.path(key), "required: the name of a chain");
      }
      return Optional.empty();
    }
    if (!references.chainNames().contains(name.get())) {
      problems.error(
          route.path(key), ConfigBinder.noSuch("chain", name.get(), references.chainNames()));
      return Optional.empty();
    }
    return name;
  }

  private void requireKind(
      final SectionReader route,
      final String key,
      final ChainConfig chain,
      final ChainKind expected,
      final RouteKind routeKind) {
    if (chain.kind() != expected) {
      problems.error(
          route.path(key),
          "chain '"
              + chain.name()
              + "' is "
              + withArticle(chain.kind())
              + " chain; "
              + routeKind
              + " routes need "
              + withArticle(expected)
              + " "
              + key);
    }
  }

  private static String withArticle(final ChainKind kind) {
    return (kind == ChainKind.ETHEREUM ? "an " : "a ") + kind.configName();
  }

  private void noSigner(final SectionReader route, final RouteKind kind) {
    if (route.has("signer")) {
      problems.error(route.path("signer"), kind + " routes do not sign anything");
    }
  }

  private Optional<String> contract(final SectionReader route) {
    final Optional<String> text = route.text("contract");
    if (text.isEmpty()) {
      if (!route.has("contract")) {
        problems.error(route.path("contract"), "required: the address of the BeefyClient contract");
      }
      return Optional.empty();
    }
    final String address = text.get();
    if (!ADDRESS.matcher(address).matches()) {
      problems.error(
          route.path("contract"), "'" + address + "' is not an address (0x and 40 hex digits)");
      return Optional.empty();
    }
    final String digits = address.substring(2);
    if (digits.chars().allMatch(c -> c == '0')) {
      problems.error(route.path("contract"), "is the zero address");
      return Optional.empty();
    }
    final boolean mixedCase =
        !digits.equals(digits.toLowerCase(Locale.ROOT))
            && !digits.equals(digits.toUpperCase(Locale.ROOT));
    if (mixedCase && !address.equals(checksummed(digits))) {
      problems.error(
          route.path("contract"),
          "'"
              + address
              + "' fails its EIP-55 checksum (mistyped?); write it in lower case to skip the check");
      return Optional.empty();
    }
    return Optional.of("0x" + digits.toLowerCase(Locale.ROOT));
  }

  /**
   * EIP-55: a letter is upper-case where the keccak-256 of the lower-case hex has a nibble >= 8.
   */
  static String checksummed(final String hexDigits) {
    final String lower = hexDigits.toLowerCase(Locale.ROOT);
    final byte[] hash = Keccak256.hash(lower.getBytes(StandardCharsets.US_ASCII));
    final StringBuilder out = new StringBuilder("0x");
    for (int i = 0; i < lower.length(); i++) {
      final int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      out.append(nibble >= 8 ? Character.toUpperCase(lower.charAt(i)) : lower.charAt(i));
    }
    return out.toString();
  }
}
