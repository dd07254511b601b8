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
      ConfigCommand.class
    })
public final class RelayerCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Map<String, String> environment;

  RelayerCommand(final Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public static void main(final String[] args) {
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
  Map<String, String> environment() {
    return environment;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
