package io.xrelay.relayer.cli;

import io.xrelay.config.BeefyToEthereumRoute;
import io.xrelay.config.ChainConfig;
import io.xrelay.config.ConfigError;
import io.xrelay.config.ConfigException;
import io.xrelay.config.ConfigFileException;
import io.xrelay.config.ConfigLoader;
import io.xrelay.config.EthereumChainConfig;
import io.xrelay.config.LoadedConfig;
import io.xrelay.config.PostgresStoreConfig;
import io.xrelay.config.RelayerConfig;
import io.xrelay.config.RouteConfig;
import io.xrelay.config.SignerConfig;
import io.xrelay.config.SqliteStoreConfig;
import io.xrelay.config.SubstrateChainConfig;
import io.xrelay.config.XcmTrackerRoute;
import io.xrelay.relayer.signer.SignerAccounts;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Check relayer configuration.",
    subcommands = {ConfigCommand.Check.class})
final class ConfigCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @ParentCommand RelayerCommand relayer;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Validate a configuration file with the RELAYER_* environment over it, read every signer's"
            + " key once to derive its account, and start nothing.",
        "Prints ok and a summary (exit 0), or every error, one per line (exit 1). A file that"
            + " cannot be read exits with 2."
      })
  static final class Check implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand ConfigCommand config;

    @Parameters(index = "0", paramLabel = "<file>", description = "The YAML configuration file.")
    Path file;

    @Override
    public Integer call() {
      final PrintWriter out = spec.commandLine().getOut();
      final PrintWriter err = spec.commandLine().getErr();
      final Map<String, String> environment = config.relayer.environment();
      final LoadedConfig loaded;
      try {
        loaded = new ConfigLoader(environment).load(file, Map.of());
      } catch (ConfigFileException e) {
        throw new InputException(e.getMessage());
      } catch (ConfigException e) {
        printErrors(e.errors(), err);
        return 1;
      }
      final SignerAccounts.Derivation accounts = SignerAccounts.derive(loaded.config());
      if (!accounts.errors().isEmpty()) {
        printErrors(accounts.errors(), err);
        return 1;
      }
      for (final ConfigError warning : loaded.warnings()) {
        err.println("warning: " + warning);
      }
      out.println("ok");
      printSummary(loaded.config(), accounts.accounts(), out);
      out.flush();
      err.flush();
      return 0;
    }

    private static void printErrors(final List<ConfigError> errors, final PrintWriter err) {
      for (final ConfigError error : errors) {
        err.println(error);
      }
      err.flush();
    }

    private static void printSummary(
        final RelayerConfig config, final Map<String, String> accounts, final PrintWriter out) {
      out.printf("http: %s:%d%n", config.http().host(), config.http().port());
      out.println("store: " + store(config));
      out.printf("chains (%d):%n", config.chains().size());
      for (final ChainConfig chain : config.chains().values()) {
        out.printf("  %-20s %s%n", chain.name(), chain(chain));
      }
      out.printf("signers (%d):%n", config.signers().size());
      for (final SignerConfig signer : config.signers().values()) {
        out.printf(
            "  %-20s %s on %s, account %s, key from %s%n",
            signer.name(),
            signer.scheme().configName(),
            signer.chain(),
            accounts.get(signer.name()),
            signer.key().describe());
      }
      out.printf("routes (%d):%n", config.routes().size());
      for (final RouteConfig route : config.routes().values()) {
        out.printf("  %-20s %s%n", route.name(), route(route));
      }
    }

    private static String store(final RelayerConfig config) {
      if (config.store() instanceof PostgresStoreConfig postgres) {
        return "postgres "
            + origin(postgres.url())
            + postgres.url().getRawPath()
            + ", ownership "
            + postgres.ownership().kind().configName()
            + ", instance "
            + postgres.instanceId();
      }
      return "sqlite "
          + ((SqliteStoreConfig) config.store()).path()
          + ", instance "
          + config.store().instanceId();
    }

    private static String chain(final ChainConfig chain) {
      final List<String> parts = new ArrayList<>();
      parts.add(chain.kind().configName());
      chain.preset().ifPresent(preset -> parts.add("preset " + preset.presetName()));
      if (chain instanceof SubstrateChainConfig substrate) {
        parts.add("ss58 " + substrate.ss58Prefix());
        substrate.paraId().ifPresent(id -> parts.add("para " + id));
      } else if (chain instanceof EthereumChainConfig ethereum) {
        parts.add("chain id " + ethereum.chainId());
        parts.add(ethereum.finality().configName());
      }
      // Hosts only: a path or query may carry an RPC provider's API key.
      parts.add(
          chain.endpoints().stream()
              .map(ConfigCommand.Check::origin)
              .collect(Collectors.joining(" ")));
      return String.join(", ", parts);
    }

    private static String route(final RouteConfig route) {
      final StringBuilder text =
          new StringBuilder(route.kind().configName()).append(", ").append(route.source());
      if (route instanceof BeefyToEthereumRoute toEthereum) {
        text.append(" -> ")
            .append(toEthereum.target())
            .append(", signer ")
            .append(toEthereum.signer())
            .append(", ")
            .append(toEthereum.protocol().configName());
      } else if (route instanceof XcmTrackerRoute tracker) {
        tracker.target().ifPresent(target -> text.append(" -> ").append(target));
      }
      if (!route.enabled()) {
        text.append(" (disabled)");
      }
      return text.toString();
    }

    private static String origin(final URI url) {
      return url.getScheme()
          + "://"
          + url.getHost()
          + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }
  }
}
