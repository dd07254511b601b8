package io.xrelay.relayer.cli;

import io.xrelay.scale.ScaleDecodeException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns unreadable input into one line on stderr and exit status 2, never a stack trace. */
final class CliErrorHandler implements IExecutionExceptionHandler {
  static final int INPUT_ERROR = 2;

  @Override
  public int handleExecutionException(
      final Exception exception, final CommandLine commandLine, final ParseResult parseResult) {
    if (exception instanceof InputException || exception instanceof ScaleDecodeException) {
      commandLine.getErr().println("error: " + exception.getMessage());
      return INPUT_ERROR;
    }
    commandLine
        .getErr()
        .println(
            "error: unexpected "
                + exception.getClass().getSimpleName()
                + ": "
                + exception.getMessage());
    return 70;
  }
}
