package io.xrelay.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
  private static final Pattern HOST_NAME =
      Pattern.compile(
          "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern LEASE_PREFIX = Pattern.compile("[a-z0-9][-a-z0-9.]*");
  static final long MAX_U32 = 0xffff_ffffL;

  private final Problems problems;
  private final String defaultInstanceId;
  private final SecretReferences secrets;
  private final RouteBinder routeBinder;

  ConfigBinder(
      final Problems problems,
      final Map<String, String> environment,
      final String defaultInstanceId) {
    this.problems = problems;
    this.defaultInstanceId = defaultInstanceId;
    this.secrets = new SecretReferences(problems, environment);
    this.routeBinder = new RouteBinder(problems);
  }

  /** Environment variables the configuration names for secrets, which are not config keys. */
  Set<String> secretVariables() {
    return secrets.variables();
  }

  RelayerConfig bind(final JsonNode tree) {
    final SectionReader root = SectionReader.root(tree, problems);
    final Path dataDir = root.filePath("data-dir").orElse(RelayerConfig.DEFAULT_DATA_DIR);
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

    final RouteBinder.References references =
        new RouteBinder.References(chainEntries.keySet(), chains, signerEntries.keySet(), signers);
    final Map<String, RouteConfig> routes = new LinkedHashMap<>();
    final Set<String> usedSigners = new HashSet<>();
    root.entries("routes")
        .forEach(
            (name, entry) ->
                routeBinder
                    .route(name, entry, references, retry, usedSigners)
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
        secrets.read(http, "admin-token-file", "admin-token-env", "an admin token", false);
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

  /** A retry policy whose unset keys come from {@code base}. */
  static RetryPolicy retry(final SectionReader retry, final RetryPolicy base) {
    final Problems problems = retry.problems();
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
    final Duration retention =
        store.positiveDuration("retention").orElse(StoreConfig.DEFAULT_RETENTION);
    if (kind == StoreKind.SQLITE) {
      for (final String key :
          List.of("url", "user", "password-env", "password-file", "pool-size")) {
        if (store.has(key)) {
          problems.error(store.path(key), "only for postgres stores (store.kind is sqlite)");
        }
      }
      final Path file = store.filePath("path").orElse(dataDir.resolve("relayer.db"));
      return new SqliteStoreConfig(file, instanceId, ownership, retention);
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
        secrets.read(store, "password-file", "password-env", "a database password", false);
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
        ownership,
        retention);
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
    return Optional.of(
        kind.get() == ChainKind.SUBSTRATE
            ? substrateChain(name, chain, preset, endpoints, timeout)
            : ethereumChain(name, chain, preset, endpoints, timeout));
  }

  private ChainConfig substrateChain(
      final String name,
      final SectionReader chain,
      final Optional<NetworkPreset> preset,
      final List<URI> endpoints,
      final Duration timeout) {
    chain.keysOnlyFor(List.of("chain-id", "finality"), "ethereum chains");
    final int ss58 =
        chain
            .integer("ss58-prefix")
            .filter(
                prefix -> {
                  final boolean usable =
                      prefix >= 0 && prefix <= 16_383 && prefix != 46 && prefix != 47;
                  if (!usable) {
                    problems.error(
                        chain.path("ss58-prefix"),
                        prefix + " is not a usable SS58 prefix (0-16383, not 46 or 47)");
                  }
                  return usable;
                })
            .map(Long::intValue)
            .or(() -> preset.flatMap(NetworkPreset::ss58Prefix))
            .orElse(SubstrateChainConfig.DEFAULT_SS58_PREFIX);
    final OptionalLong paraId =
        chain
            .integer("para-id", 0, MAX_U32, "a para id (0-4294967295)")
            .map(OptionalLong::of)
            .orElseGet(() -> preset.map(NetworkPreset::paraId).orElse(OptionalLong.empty()));
    return new SubstrateChainConfig(name, preset, endpoints, timeout, ss58, paraId);
  }

  private ChainConfig ethereumChain(
      final String name,
      final SectionReader chain,
      final Optional<NetworkPreset> preset,
      final List<URI> endpoints,
      final Duration timeout) {
    chain.keysOnlyFor(List.of("ss58-prefix", "para-id"), "substrate chains");
    final OptionalLong chainId =
        chain
            .integer("chain-id", 1, Long.MAX_VALUE, "a chain id (1 or more)")
            .map(OptionalLong::of)
            .orElseGet(() -> preset.map(NetworkPreset::chainId).orElse(OptionalLong.empty()));
    if (chainId.isEmpty() && !chain.has("chain-id")) {
      problems.error(
          chain.path("chain-id"), "required for ethereum chains (1 for mainnet), or set a preset");
    }
    final EthereumFinality finality =
        chain.choice("finality", EthereumFinality.class).orElse(EthereumFinality.FINALIZED);
    return new EthereumChainConfig(name, preset, endpoints, timeout, chainId.orElse(0L), finality);
  }

  private List<URI> endpoints(
      final SectionReader chain, final ChainKind kind, final Optional<NetworkPreset> preset) {
    final Optional<List<URI>> written =
        kind == ChainKind.SUBSTRATE
            ? chain.urls("endpoints", Set.of("ws", "wss"), "not a ws:// or wss:// URL")
            : chain.urls(
                "endpoints",
                Set.of("http", "https", "ws", "wss"),
                "not an http(s):// or ws(s):// URL");
    final List<URI> endpoints =
        written.orElseGet(() -> preset.map(NetworkPreset::endpoints).orElse(List.of()));
    if (endpoints.isEmpty() && (written.isPresent() || !chain.has("endpoints"))) {
      problems.error(chain.path("endpoints"), "at least one endpoint is required");
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
    final Optional<SecretSource> key = secrets.read(signer, "key-file", "key-env", "a key", true);
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

  static String noSuch(final String what, final String name, final Set<String> known) {
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
