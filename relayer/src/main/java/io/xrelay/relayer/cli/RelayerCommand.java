package io.xrelay.relayer.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code relayer} command line. Subcommands return 0 on success, 1 when what they checked is
 * invalid, and 2 when the input cannot be read or the command line is wrong.
 */
@Command(
    name = "relayer",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Bridge and XCM relayer for Kusama, Polkadot and Ethereum.",
    subcommands = {
      RunCommand.class,
      MetadataCommand.class,
      KeyCommand.class,
      DevnetCommand.class,
      BeefyCommand.class,
      XcmCommand.class,
      ConfigCommand.class,
      TrackCommand.class
    })
public final class RelayerCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Map<String, String> environment;

  RelayerCommand(final Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public static void main(final String[] args) {
    selectLogFormat(args, System.getenv());
    System.exit(
        execute(
            args,
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true),
            System.getenv()));
  }

  /**
   * Runs the command line with explicit streams and environment, so tests never touch the real
   * ones.
   */
  public static int execute(
      final String[] args,
      final PrintWriter out,
      final PrintWriter err,
      final Map<String, String> environment) {
    final CommandLine commandLine = new CommandLine(new RelayerCommand(environment));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new CliErrorHandler());
    // "@file" names an input file (xcm decode @message.bin), not a picocli argument file.
    commandLine.setExpandAtFiles(false);
    return commandLine.execute(args);
  }

  /** The environment the command line was given, for subcommands that read RELAYER_* names. */
  /**
   * JSON or text log lines, chosen before the first logger exists: {@code --log-format} wins over
   * {@code RELAYER_LOG_FORMAT}.
   */
  static void selectLogFormat(final String[] args, final Map<String, String> environment) {
    String format = environment.getOrDefault("RELAYER_LOG_FORMAT", "text");
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--log-format") && i + 1 < args.length) {
        format = args[i + 1];
      } else if (args[i].startsWith("--log-format=")) {
        format = args[i].substring("--log-format=".length());
      }
    }
    System.setProperty(
        "xrelay.log.format", "json".equalsIgnoreCase(format.strip()) ? "json" : "text");
  }

  Map<String, String> environment() {
    return environment;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
