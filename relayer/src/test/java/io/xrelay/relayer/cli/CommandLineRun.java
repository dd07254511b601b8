package io.xrelay.relayer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One run of the command line with captured output, as a test sees it. */
record CommandLineRun(int exitCode, String out, String err) {

  static CommandLineRun of(final String... args) {
    return withEnvironment(Map.of(), args);
  }

  /** A run that sees {@code environment} as its environment variables. */
  static CommandLineRun withEnvironment(
      final Map<String, String> environment, final String... args) {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final int exitCode =
        RelayerCommand.execute(
            args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
    return new CommandLineRun(exitCode, out.toString(), err.toString());
  }
}
