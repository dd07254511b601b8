package io.xrelay.relayer.cli;

import io.vertx.core.Vertx;
import io.xrelay.config.ChainConfig;
import io.xrelay.config.ConfigError;
import io.xrelay.config.ConfigException;
import io.xrelay.config.ConfigFileException;
import io.xrelay.config.ConfigLoader;
import io.xrelay.config.RelayerConfig;
import io.xrelay.config.SubstrateChainConfig;
import io.xrelay.devnet.Devnet;
import io.xrelay.relayer.xcm.transfer.Beneficiary;
import io.xrelay.relayer.xcm.transfer.TransferResult;
import io.xrelay.relayer.xcm.transfer.XcmTransfer;
import io.xrelay.substrate.keys.KeyPair;
import io.xrelay.substrate.keys.KeyScheme;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code relayer xcm transfer}: one real XCM transfer, followed to its outcome on the destination.
 */
@Command(
    name = "transfer",
    mixinStandardHelpOptions = true,
    description = {
      "Transfer an asset between two configured chains with pallet-xcm, and wait for the outcome"
          + " on the destination.",
      "The call is built from the origin runtime's metadata (transfer_assets_using_type_and_then"
          + " with our SetTopic where the runtime has it, else limited_teleport_assets or"
          + " limited_reserve_transfer_assets), signed, submitted, and its message followed by id"
          + " to the destination's processing event.",
      "Exit status: 0 success (or --dry-run), 1 fail or timeout, 2 bad input."
    })
final class XcmTransferCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand XcmCommand xcm;

  @Option(names = "--from", required = true, description = "Origin chain (a name in the config).")
  String from;

  @Option(
      names = "--to",
      required = true,
      description = "Destination chain (a name in the config).")
  String to;

  @Option(
      names = "--asset",
      required = true,
      description =
          "The origin's native token by symbol (KSM), or a location as JSON, e.g."
              + " {\"type\":\"V3\",\"value\":{\"parents\":1,\"interior\":{\"type\":\"Here\"}}}.")
  String asset;

  @Option(
      names = "--amount",
      required = true,
      description = "Decimal amount in the asset's units (1.5 = 1.5 KSM = 1500000000000 planck).")
  String amount;

  @Option(
      names = "--decimals",
      description = "Decimals of an asset given by location (the native token's are known).")
  Integer decimals;

  @Option(
      names = "--beneficiary",
      required = true,
      description =
          "Who receives on the destination: SS58 address, or 0x account (32 or 20 bytes).")
  String beneficiary;

  @Option(
      names = "--key",
      required = true,
      description =
          "Signing key: a secret URI (//Alice, phrase//path, 0x seed) or a file holding one.")
  String key;

  @Option(
      names = "--scheme",
      defaultValue = "ed25519",
      description = "ed25519 (default) or ecdsa; sr25519 is not implemented.")
  String scheme;

  @Option(
      names = "--config",
      description = "YAML configuration (default: the running devnet's generated one).")
  Path configFile;

  @Option(names = "--data-dir", description = "Data directory of the devnet (default: ./data).")
  Path dataDir;

  @Option(
      names = "--timeout",
      defaultValue = "120",
      description = "Seconds to wait for the outcome on the destination (default: 120).")
  long timeoutSeconds;

  @Option(names = "--dry-run", description = "Build, sign and estimate the fee; do not submit.")
  boolean dryRun;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    final KeyPair signer = signer();
    final Beneficiary to;
    try {
      to = Beneficiary.parse(beneficiary);
    } catch (IllegalArgumentException e) {
      throw new InputException("--beneficiary: " + e.getMessage());
    }
    if (timeoutSeconds <= 0) {
      throw new InputException("--timeout: must be a positive number of seconds");
    }
    final RelayerConfig config;
    try {
      config =
          new ConfigLoader(xcm.relayer.environment())
              .load(configFile != null ? configFile : devnetConfig(), Map.of())
              .config();
    } catch (ConfigFileException e) {
      throw new InputException(e.getMessage());
    } catch (ConfigException e) {
      for (final ConfigError error : e.errors()) {
        err.println("error: " + error);
      }
      err.flush();
      return CliErrorHandler.INPUT_ERROR;
    }
    final XcmTransfer.Request request =
        new XcmTransfer.Request(
            substrateChain(config, from, "--from"),
            substrateChain(config, this.to, "--to"),
            asset,
            amount,
            decimals == null ? OptionalInt.empty() : OptionalInt.of(decimals),
            to,
            signer,
            dryRun,
            Duration.ofSeconds(timeoutSeconds));
    final Vertx vertx = Vertx.vertx();
    final TransferResult result;
    try {
      result = new XcmTransfer(vertx).run(request);
    } catch (XcmTransfer.InvalidTransferException e) {
      throw new InputException(e.getMessage());
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
    if (json) {
      out.println(result.toJson());
    } else {
      result.print(out);
    }
    out.flush();
    return result.succeeded() ? 0 : 1;
  }

  private KeyPair signer() {
    final String name = scheme.strip().toLowerCase(Locale.ROOT);
    if (name.equals("sr25519")) {
      throw new InputException(
          "--scheme: sr25519 is not implemented (no maintained Java library); use ed25519 or"
              + " ecdsa");
    }
    final KeyScheme keyScheme;
    try {
      keyScheme = KeyScheme.parse(name);
    } catch (IllegalArgumentException e) {
      throw new InputException("--scheme: " + e.getMessage());
    }
    String uri = key;
    if (isFile(key)) {
      try {
        uri = Files.readString(Path.of(key)).strip();
      } catch (IOException e) {
        throw new InputException("--key: cannot read " + key + ": " + e.getMessage());
      }
    }
    try {
      return KeyPair.fromUri(uri, keyScheme);
    } catch (IllegalArgumentException e) {
      // the message names what is wrong, never the secret itself
      throw new InputException("--key: not a usable " + keyScheme.lowerName() + " secret URI");
    }
  }

  private static boolean isFile(final String text) {
    try {
      return !text.startsWith("//") && Files.isRegularFile(Path.of(text));
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  private Path devnetConfig() {
    final Path data = dataDir != null ? dataDir : RelayerConfig.DEFAULT_DATA_DIR;
    return Devnet.running(data)
        .map(Devnet::configFile)
        .orElseThrow(
            () ->
                new InputException(
                    "--config: none given and no running devnet in "
                        + data.toAbsolutePath().normalize()
                        + " (start one with `bin/relayer devnet up --detach`, or pass --data-dir)"));
  }

  private static SubstrateChainConfig substrateChain(
      final RelayerConfig config, final String name, final String option) {
    final ChainConfig chain =
        config
            .chain(name)
            .orElseThrow(
                () ->
                    new InputException(
                        option
                            + ": unknown chain '"
                            + name
                            + "' (configured: "
                            + String.join(", ", config.chains().keySet())
                            + ")"));
    if (!(chain instanceof SubstrateChainConfig substrate)) {
      throw new InputException(option + ": chain '" + name + "' is not a Substrate chain");
    }
    return substrate;
  }
}
