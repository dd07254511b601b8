package io.xrelay.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.crypto.Keccak256;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the merged tree into typed config objects, applying presets and defaults and checking every
 * rule: types, ranges, URLs, references between chains, signers and routes, and that every named
 * key file and environment variable is there. It never stops at the first error; when it has found
 * any, the objects it returns are incomplete and must be dropped.
 */
final class ConfigBinder {
  private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern HOST_NAME =
      Pattern.compile(
          "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern LEASE_PREFIX = Pattern.compile("[a-z0-9][-a-z0-9.]*");
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final long MAX_U32 = 0xffff_ffffL;

  private final Problems problems;
  private final Map<String, String> environment;
  private final String defaultInstanceId;

  /** Environment variables the configuration names for secrets, which are not config keys. */
  private final Set<String> secretVariables = new LinkedHashSet<>();

  ConfigBinder(
      final Problems problems,
      final Map<String, String> environment,
      final String defaultInstanceId) {
    this.problems = problems;
    this.environment = environment;
    this.defaultInstanceId = defaultInstanceId;
  }

  Set<String> secretVariables() {
    return Set.copyOf(secretVariables);
  }

  RelayerConfig bind(final JsonNode tree) {
    final SectionReader root = SectionReader.root(tree, problems);
    final Path dataDir = path(root, "data-dir").orElse(RelayerConfig.DEFAULT_DATA_DIR);
    final LogFormat logFormat = root.choice("log-format", LogFormat.class).orElse(LogFormat.TEXT);
    final Duration grace =
        root.positiveDuration("shutdown-grace-period")
            .orElse(RelayerConfig.DEFAULT_SHUTDOWN_GRACE_PERIOD);
    final HttpConfig http = http(root.section("http"));
    final RetryPolicy retry = retry(root.section("retry"), RetryPolicy.DEFAULT);
    final StoreConfig store = store(root.section("store"), dataDir);

    final Map<String, SectionReader> chainEntries = root.entries("chains");
    final Map<String, ChainConfig> chains = new LinkedHashMap<>();
    chainEntries.forEach((name, entry) -> chain(name, entry).ifPresent(c -> chains.put(name, c)));

    final Map<String, SectionReader> signerEntries = root.entries("signers");
    final Map<String, SignerConfig> signers = new LinkedHashMap<>();
    signerEntries.forEach(
        (name, entry) ->
            signer(name, entry, chainEntries.keySet(), chains)
                .ifPresent(s -> signers.put(name, s)));

    final Map<String, RouteConfig> routes = new LinkedHashMap<>();
    final Set<String> usedSigners = new HashSet<>();
    root.entries("routes")
        .forEach(
            (name, entry) ->
                route(
                        name,
                        entry,
                        chainEntries.keySet(),
                        chains,
                        signerEntries.keySet(),
                        signers,
                        retry,
                        usedSigners)
                    .ifPresent(r -> routes.put(name, r)));
    for (final String signer : signerEntries.keySet()) {
      if (!usedSigners.contains(signer)) {
        problems.warning("signers." + signer, "no route uses this signer");
      }
    }
    return new RelayerConfig(
        dataDir, logFormat, grace, http, store, chains, signers, routes, retry);
  }

  private HttpConfig http(final SectionReader http) {
    final String host =
        http.text("host").filter(h -> isHost(http, h)).orElse(HttpConfig.DEFAULT_HOST);
    final int port =
        http.integer("port", 1, 65_535, "a port (1-65535)")
            .map(Long::intValue)
            .orElse(HttpConfig.DEFAULT_PORT);
    final Optional<SecretSource> token =
        secret(http, "admin-token-file", "admin-token-env", "an admin token", false);
    return new HttpConfig(host, port, token);
  }

  private boolean isHost(final SectionReader section, final String host) {
    final boolean valid =
        HOST_NAME.matcher(host).matches() || (host.contains(":") && IPV6.matcher(host).matches());
    if (!valid) {
      section
          .problems()
          .error(section.path("host"), "'" + host + "' is not a host name or IP address");
    }
    return valid;
  }

  private RetryPolicy retry(final SectionReader retry, final RetryPolicy base) {
    final Duration initial =
        retry.positiveDuration("initial-backoff").orElse(base.initialBackoff());
    final Duration max = retry.positiveDuration("max-backoff").orElse(base.maxBackoff());
    final int attempts =
        retry
            .integer("max-attempts", 1, 1_000_000, "a number of attempts (1-1000000)")
            .map(Long::intValue)
            .orElse(base.maxAttempts());
    // Only where this section sets a backoff: an inherited conflict is reported where it is
    // written.
    if (max.compareTo(initial) < 0 && (retry.has("initial-backoff") || retry.has("max-backoff"))) {
      problems.error(
          retry.path(retry.has("max-backoff") ? "max-backoff" : "initial-backoff"),
          "max-backoff "
              + DurationText.format(max)
              + " is shorter than initial-backoff "
              + DurationText.format(initial));
    }
    return new RetryPolicy(initial, max, attempts);
  }

  private StoreConfig store(final SectionReader store, final Path dataDir) {
    final StoreKind kind = store.choice("kind", StoreKind.class).orElse(StoreKind.SQLITE);
    final String instanceId = store.text("instance-id").orElse(defaultInstanceId);
    final OwnershipConfig ownership = ownership(store.section("ownership"), kind);
    if (kind == StoreKind.SQLITE) {
      for (final String key :
          List.of("url", "user", "password-env", "password-file", "pool-size")) {
        if (store.has(key)) {
          problems.error(store.path(key), "only for postgres stores (store.kind is sqlite)");
        }
      }
      final Path file = path(store, "path").orElse(dataDir.resolve("relayer.db"));
      return new SqliteStoreConfig(file, instanceId, ownership);
    }
    if (store.has("path")) {
      problems.error(store.path("path"), "only for sqlite stores (store.kind is postgres)");
    }
    final URI url = store.text("url").flatMap(text -> postgresUrl(store, text)).orElse(null);
    if (url == null && !store.has("url")) {
      problems.error(
          store.path("url"), "required for a postgres store (postgresql://host[:port]/database)");
    }
    final Optional<String> user = store.text("user");
    final Optional<SecretSource> password =
        secret(store, "password-file", "password-env", "a database password", false);
    final int poolSize =
        store
            .integer("pool-size", 1, 1_000, "a pool size (1-1000)")
            .map(Long::intValue)
            .orElse(PostgresStoreConfig.DEFAULT_POOL_SIZE);
    return new PostgresStoreConfig(
        url == null ? URI.create("postgresql://invalid/") : url,
        user,
        password,
        poolSize,
        instanceId,
        ownership);
  }

  /** Never repeats the URL in an error: it may carry a password by mistake. */
  private Optional<URI> postgresUrl(final SectionReader store, final String text) {
    final String path = store.path("url");
    final URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      problems.error(path, "not a postgresql://host[:port]/database URL");
      return Optional.empty();
    }
    final String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("jdbc")) {
      problems.error(path, "write postgresql://host[:port]/database, without the jdbc: prefix");
      return Optional.empty();
    }
    if (!(scheme.equals("postgresql") || scheme.equals("postgres")) || url.getHost() == null) {
      problems.error(path, "not a postgresql://host[:port]/database URL");
      return Optional.empty();
    }
    if ((url.getRawUserInfo() != null && url.getRawUserInfo().contains(":"))
        || (url.getRawQuery() != null
            && url.getRawQuery().toLowerCase(Locale.ROOT).contains("password="))) {
      problems.error(
          path, "must not contain a password; use store.password-file or store.password-env");
      return Optional.empty();
    }
    return Optional.of(url);
  }

  private OwnershipConfig ownership(final SectionReader ownership, final StoreKind store) {
    final OwnershipKind fallback =
        store == StoreKind.SQLITE ? OwnershipKind.SINGLE : OwnershipKind.ADVISORY_LOCK;
    final OwnershipKind kind = ownership.choice("kind", OwnershipKind.class).orElse(fallback);
    if (store == StoreKind.SQLITE && kind != OwnershipKind.SINGLE) {
      problems.error(
          ownership.path("kind"),
          kind + " needs a store that several instances share (store.kind: postgres)");
    }
    Optional<String> namespace = ownership.text("namespace");
    String leasePrefix = OwnershipConfig.DEFAULT_LEASE_PREFIX;
    if (kind == OwnershipKind.KUBERNETES_LEASE) {
      namespace =
          namespace.filter(
              ns -> {
                if (ns.length() > 63 || !DNS_LABEL.matcher(ns).matches()) {
                  problems.error(
                      ownership.path("namespace"),
                      "'" + ns + "' is not a Kubernetes namespace name");
                  return false;
                }
                return true;
              });
      leasePrefix =
          ownership
              .text("lease-prefix")
              .filter(
                  prefix -> {
                    if (prefix.length() > 190 || !LEASE_PREFIX.matcher(prefix).matches()) {
                      problems.error(
                          ownership.path("lease-prefix"),
                          "'"
                              + prefix
                              + "' cannot start a Kubernetes lease name (lower-case letters, digits, '-' and '.')");
                      return false;
                    }
                    return true;
                  })
              .orElse(leasePrefix);
    } else {
      for (final String key : List.of("namespace", "lease-prefix")) {
        if (ownership.has(key)) {
          problems.error(ownership.path(key), "only for kubernetes-lease ownership");
        }
      }
    }
    return new OwnershipConfig(kind, namespace, leasePrefix);
  }

  private Optional<ChainConfig> chain(final String name, final SectionReader chain) {
    final Optional<NetworkPreset> preset =
        chain
            .text("preset")
            .flatMap(
                text -> {
                  try {
                    return Optional.of(NetworkPreset.resolve(text, name));
                  } catch (IllegalArgumentException e) {
                    problems.error(chain.path("preset"), e.getMessage());
                    return Optional.empty();
                  }
                });
    final Optional<ChainKind> written = chain.choice("kind", ChainKind.class);
    if (written.isPresent() && preset.isPresent() && written.get() != preset.get().kind()) {
      problems.error(
          chain.path("kind"),
          "'"
              + written.get()
              + "' contradicts preset '"
              + preset.get().presetName()
              + "' (a "
              + preset.get().kind()
              + " chain)");
      return Optional.empty();
    }
    final Optional<ChainKind> kind = written.or(() -> preset.map(NetworkPreset::kind));
    if (kind.isEmpty()) {
      if (!chain.has("kind") && !chain.has("preset")) {
        problems.error(chain.path("kind"), "required (substrate or ethereum), or set a preset");
      }
      return Optional.empty();
    }
    final List<URI> endpoints = endpoints(chain, kind.get(), preset);
    final Duration timeout =
        chain.positiveDuration("request-timeout").orElse(ChainConfig.DEFAULT_REQUEST_TIMEOUT);
    if (kind.get() == ChainKind.SUBSTRATE) {
      onlyFor(chain, List.of("chain-id", "finality"), "ethereum chains");
      final int ss58 =
          chain
              .integer("ss58-prefix")
              .filter(
                  prefix -> {
                    if (prefix < 0 || prefix > 16_383 || prefix == 46 || prefix == 47) {
                      problems.error(
                          chain.path("ss58-prefix"),
                          prefix + " is not a usable SS58 prefix (0-16383, not 46 or 47)");
                      return false;
                    }
                    return true;
                  })
              .map(Long::intValue)
              .or(() -> preset.flatMap(NetworkPreset::ss58Prefix))
              .orElse(SubstrateChainConfig.DEFAULT_SS58_PREFIX);
      final Optional<Long> paraId =
          chain.integer("para-id", 0, MAX_U32, "a para id (0-4294967295)");
      final OptionalLong para =
          paraId.isPresent()
              ? OptionalLong.of(paraId.get())
              : preset.map(NetworkPreset::paraId).orElse(OptionalLong.empty());
      return Optional.of(new SubstrateChainConfig(name, preset, endpoints, timeout, ss58, para));
    }
    onlyFor(chain, List.of("ss58-prefix", "para-id"), "substrate chains");
    final Optional<Long> chainId =
        chain
            .integer("chain-id", 1, Long.MAX_VALUE, "a chain id (1 or more)")
            .or(
                () ->
                    preset.flatMap(
                        p ->
                            p.chainId().isPresent()
                                ? Optional.of(p.chainId().getAsLong())
                                : Optional.empty()));
    if (chainId.isEmpty() && !chain.has("chain-id")) {
      problems.error(
          chain.path("chain-id"), "required for ethereum chains (1 for mainnet), or set a preset");
    }
    final EthereumFinality finality =
        chain.choice("finality", EthereumFinality.class).orElse(EthereumFinality.FINALIZED);
    return Optional.of(
        new EthereumChainConfig(name, preset, endpoints, timeout, chainId.orElse(0L), finality));
  }

  private List<URI> endpoints(
      final SectionReader chain, final ChainKind kind, final Optional<NetworkPreset> preset) {
    final Optional<List<String>> written = chain.list("endpoints");
    if (written.isEmpty()) {
      final List<URI> fallback = preset.map(NetworkPreset::endpoints).orElse(List.of());
      if (fallback.isEmpty() && !chain.has("endpoints")) {
        problems.error(chain.path("endpoints"), "at least one endpoint is required");
      }
      return fallback;
    }
    if (written.get().isEmpty()) {
      problems.error(chain.path("endpoints"), "at least one endpoint is required");
      return List.of();
    }
    final List<URI> endpoints = new ArrayList<>();
    final Set<String> schemes =
        kind == ChainKind.SUBSTRATE ? Set.of("ws", "wss") : Set.of("http", "https", "ws", "wss");
    final String expected =
        kind == ChainKind.SUBSTRATE ? "a ws:// or wss:// URL" : "an http(s):// or ws(s):// URL";
    for (int i = 0; i < written.get().size(); i++) {
      final String text = written.get().get(i);
      if (text == null) {
        continue;
      }
      final Optional<URI> url = url(text, schemes);
      if (url.isEmpty()) {
        problems.error(chain.path("endpoints") + "[" + i + "]", "not " + expected);
      } else {
        endpoints.add(url.get());
      }
    }
    return endpoints;
  }

  private Optional<SignerConfig> signer(
      final String name,
      final SectionReader signer,
      final Set<String> chainNames,
      final Map<String, ChainConfig> chains) {
    final Optional<String> chainName = signer.text("chain");
    if (chainName.isEmpty() && !signer.has("chain")) {
      problems.error(signer.path("chain"), "required: the chain this signer signs on");
    }
    chainName
        .filter(chain -> !chainNames.contains(chain))
        .ifPresent(
            chain -> problems.error(signer.path("chain"), noSuch("chain", chain, chainNames)));
    final Optional<ChainConfig> chain = chainName.map(chains::get);
    final Optional<SignerScheme> written = signer.choice("scheme", SignerScheme.class);
    Optional<SignerScheme> scheme = written;
    if (chain.isPresent()) {
      final ChainConfig target = chain.get();
      if (written.isEmpty() && !signer.has("scheme")) {
        scheme =
            Optional.of(
                target.kind() == ChainKind.ETHEREUM ? SignerScheme.ETHEREUM : SignerScheme.ED25519);
      } else if (written.isPresent()) {
        final boolean ethereumScheme = written.get() == SignerScheme.ETHEREUM;
        if (target.kind() == ChainKind.ETHEREUM && !ethereumScheme) {
          problems.error(
              signer.path("scheme"),
              "chain '"
                  + target.name()
                  + "' is an ethereum chain: its signers use the ethereum scheme");
        } else if (target.kind() == ChainKind.SUBSTRATE && ethereumScheme) {
          problems.error(
              signer.path("scheme"),
              "chain '"
                  + target.name()
                  + "' is a substrate chain: its signers use ed25519 or ecdsa");
        }
      }
    }
    final Optional<SecretSource> key = secret(signer, "key-file", "key-env", "a key", true);
    Optional<BigInteger> maxFee = Optional.empty();
    if (signer.has("max-fee-per-gas")) {
      if (scheme.isPresent() && scheme.get() != SignerScheme.ETHEREUM) {
        problems.error(signer.path("max-fee-per-gas"), "only for ethereum signers");
      } else {
        maxFee =
            signer
                .text("max-fee-per-gas")
                .flatMap(
                    text -> {
                      try {
                        final BigInteger wei = WeiText.parse(text);
                        if (wei.signum() == 0) {
                          problems.error(signer.path("max-fee-per-gas"), "must be more than 0");
                          return Optional.empty();
                        }
                        return Optional.of(wei);
                      } catch (IllegalArgumentException e) {
                        problems.error(signer.path("max-fee-per-gas"), e.getMessage());
                        return Optional.empty();
                      }
                    });
      }
    }
    if (chainName.isEmpty() || scheme.isEmpty() || key.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SignerConfig(name, chainName.get(), scheme.get(), key.get(), maxFee));
  }

  private Optional<RouteConfig> route(
      final String name,
      final SectionReader route,
      final Set<String> chainNames,
      final Map<String, ChainConfig> chains,
      final Set<String> signerNames,
      final Map<String, SignerConfig> signers,
      final RetryPolicy globalRetry,
      final Set<String> usedSigners) {
    route.text("signer").ifPresent(usedSigners::add);
    final Optional<RouteKind> kind = route.choice("kind", RouteKind.class);
    if (kind.isEmpty() && !route.has("kind")) {
      problems.error(
          route.path("kind"), "required (" + SectionReader.choices(RouteKind.values()) + ")");
    }
    final boolean enabled = route.bool("enabled").orElse(true);
    final RetryPolicy retry = retry(route.section("retry"), globalRetry);
    final Optional<String> source = chainReference(route, "source", chainNames, true);
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    source
        .map(chains::get)
        .ifPresent(chain -> requireKind(route, "source", chain, ChainKind.SUBSTRATE, kind.get()));
    final List<String> beefyToEthereumKeys = List.of("contract", "protocol", "min-interval");
    final List<String> trackerKeys = List.of("timeout", "bridged-timeout", "webhooks");
    switch (kind.get()) {
      case BEEFY_FINALITY -> {
        onlyFor(route, beefyToEthereumKeys, "beefy-to-ethereum routes");
        onlyFor(route, trackerKeys, "xcm-tracker routes");
        if (route.has("target")) {
          problems.error(
              route.path("target"),
              "beefy-finality routes have no target (they only watch the source)");
        }
        noSigner(route, kind.get());
        return source.map(s -> new BeefyFinalityRoute(name, s, enabled, retry));
      }
      case BEEFY_TO_ETHEREUM -> {
        onlyFor(route, trackerKeys, "xcm-tracker routes");
        final Optional<String> target = chainReference(route, "target", chainNames, true);
        target
            .map(chains::get)
            .ifPresent(
                chain -> requireKind(route, "target", chain, ChainKind.ETHEREUM, kind.get()));
        final Optional<String> signer = route.text("signer");
        if (signer.isEmpty() && !route.has("signer")) {
          problems.error(
              route.path("signer"), "required: the ethereum signer that submits to the target");
        }
        signer.ifPresent(
            s -> {
              if (!signerNames.contains(s)) {
                problems.error(route.path("signer"), noSuch("signer", s, signerNames));
              } else if (signers.containsKey(s)
                  && target.isPresent()
                  && !signers.get(s).chain().equals(target.get())) {
                problems.error(
                    route.path("signer"),
                    "signer '"
                        + s
                        + "' is for chain '"
                        + signers.get(s).chain()
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
                .integer("min-interval", 1, MAX_U32, "a number of blocks (1 or more)")
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
      default -> {
        onlyFor(route, beefyToEthereumKeys, "beefy-to-ethereum routes");
        noSigner(route, kind.get());
        final Optional<String> target = chainReference(route, "target", chainNames, false);
        target
            .map(chains::get)
            .ifPresent(
                chain -> requireKind(route, "target", chain, ChainKind.SUBSTRATE, kind.get()));
        final Duration timeout =
            route.positiveDuration("timeout").orElse(XcmTrackerRoute.DEFAULT_TIMEOUT);
        final Duration bridged =
            route
                .positiveDuration("bridged-timeout")
                .orElse(XcmTrackerRoute.DEFAULT_BRIDGED_TIMEOUT);
        if (bridged.compareTo(timeout) < 0) {
          problems.error(
              route.path(route.has("bridged-timeout") ? "bridged-timeout" : "timeout"),
              "bridged-timeout "
                  + DurationText.format(bridged)
                  + " is shorter than timeout "
                  + DurationText.format(timeout));
        }
        final List<URI> webhooks = new ArrayList<>();
        final List<String> written = route.list("webhooks").orElse(List.of());
        for (int i = 0; i < written.size(); i++) {
          if (written.get(i) == null) {
            continue;
          }
          final Optional<URI> url = url(written.get(i), Set.of("http", "https"));
          if (url.isEmpty()) {
            problems.error(
                route.path("webhooks") + "[" + i + "]", "not an http:// or https:// URL");
          } else {
            webhooks.add(url.get());
          }
        }
        return source.map(
            s -> new XcmTrackerRoute(name, s, target, enabled, retry, timeout, bridged, webhooks));
      }
    }
  }

  private Optional<String> chainReference(
      final SectionReader route,
      final String key,
      final Set<String> chainNames,
      final boolean required) {
    final Optional<String> name = route.text(key);
    if (name.isEmpty()) {
      if (required && !route.has(key)) {
        problems.error(route.path(key), "required: the name of a chain");
      }
      return Optional.empty();
    }
    if (!chainNames.contains(name.get())) {
      problems.error(route.path(key), noSuch("chain", name.get(), chainNames));
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
              + "' is a "
              + chain.kind()
              + " chain; a "
              + routeKind
              + " route needs a "
              + expected
              + " "
              + key);
    }
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

  private void onlyFor(final SectionReader section, final List<String> keys, final String what) {
    for (final String key : keys) {
      if (section.has(key)) {
        problems.error(section.path(key), "only for " + what);
      }
    }
  }

  /**
   * A secret named by {@code fileKey} or {@code envKey}: exactly one of them when {@code required},
   * at most one otherwise. The file must exist and be readable; a file every user may read is a
   * warning (Kubernetes mounts secrets 0644 unless told otherwise). The variable must be set and
   * not empty. Nothing is kept of the value.
   */
  private Optional<SecretSource> secret(
      final SectionReader section,
      final String fileKey,
      final String envKey,
      final String what,
      final boolean required) {
    final boolean hasFile = section.has(fileKey);
    final boolean hasEnv = section.has(envKey);
    if (hasFile && hasEnv) {
      problems.error(
          section.path(envKey), "set either " + fileKey + " or " + envKey + ", not both");
      return Optional.empty();
    }
    if (!hasFile && !hasEnv) {
      if (required) {
        problems.error(section.path(), "needs " + what + ": set " + fileKey + " or " + envKey);
      }
      return Optional.empty();
    }
    if (hasFile) {
      return path(section, fileKey)
          .filter(file -> isUsableSecretFile(section.path(fileKey), file))
          .map(SecretSource::file);
    }
    return section
        .text(envKey)
        .filter(
            name -> {
              if (!ENVIRONMENT_NAME.matcher(name).matches()) {
                problems.error(
                    section.path(envKey), "'" + name + "' is not an environment variable name");
                return false;
              }
              secretVariables.add(name);
              final String value = environment.get(name);
              if (value == null) {
                problems.error(
                    section.path(envKey), "environment variable " + name + " is not set");
                return false;
              }
              if (value.isBlank()) {
                problems.error(section.path(envKey), "environment variable " + name + " is empty");
                return false;
              }
              return true;
            })
        .map(name -> SecretSource.environment(name, environment));
  }

  private boolean isUsableSecretFile(final String path, final Path file) {
    if (!Files.exists(file)) {
      problems.error(path, "file " + file + " does not exist");
      return false;
    }
    if (!Files.isRegularFile(file)) {
      problems.error(path, file + " is not a regular file");
      return false;
    }
    if (!Files.isReadable(file)) {
      problems.error(path, "file " + file + " cannot be read (permission denied)");
      return false;
    }
    try {
      if (Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ)) {
        problems.warning(
            path, "file " + file + " can be read by every user of this machine (chmod 600 it)");
      }
    } catch (UnsupportedOperationException | java.io.IOException e) {
      // No POSIX permissions on this file system: nothing to check.
    }
    return true;
  }

  private Optional<Path> path(final SectionReader section, final String key) {
    return section
        .text(key)
        .flatMap(
            text -> {
              try {
                return Optional.of(Path.of(text));
              } catch (InvalidPathException e) {
                problems.error(section.path(key), "'" + text + "' is not a file path");
                return Optional.empty();
              }
            });
  }

  private static Optional<URI> url(final String text, final Set<String> schemes) {
    try {
      final URI url = new URI(text);
      final String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!schemes.contains(scheme) || url.getHost() == null || url.getHost().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(url);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String noSuch(final String what, final String name, final Set<String> known) {
    return "no "
        + what
        + " named '"
        + name
        + "' ("
        + (known.isEmpty()
            ? "no " + what + "s are configured"
            : "known: " + String.join(", ", known))
        + ")";
  }
}
