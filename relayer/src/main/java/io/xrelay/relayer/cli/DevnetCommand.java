package io.xrelay.relayer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.DevnetException;
import io.xrelay.devnet.DevnetOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "devnet",
    mixinStandardHelpOptions = true,
    description = "Run the local devnet: Kusama and Asset Hub (chopsticks) and Ethereum (anvil).",
    subcommands = {DevnetCommand.Up.class, DevnetCommand.Down.class})
final class DevnetCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "up",
      mixinStandardHelpOptions = true,
      description = {
        "Start the devnet, wait until every endpoint answers, fund the dev accounts //Alice..//Ferdie"
            + " (ed25519 and ecdsa) on both chains, write a relayer config and print the endpoints.",
        "Without --detach it runs until interrupted and then stops everything it started."
      })
  static final class Up implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--data-dir",
        defaultValue = "data",
        description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--detach", description = "Leave the devnet running and return.")
    boolean detach;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(
        names = "--block-interval",
        defaultValue = "3",
        description = "Seconds between blocks (default: ${DEFAULT-VALUE}).")
    int blockIntervalSeconds;

    @Option(names = "--no-ethereum", description = "Do not start anvil.")
    boolean noEthereum;

    @Override
    public Integer call() throws Exception {
      final PrintWriter out = spec.commandLine().getOut();
      if (Devnet.running(dataDir).isPresent()) {
        throw new InputException(
            "a devnet is already running for "
                + dataDir.toAbsolutePath()
                + "; stop it with `devnet down`");
      }
      DevnetOptions options =
          DevnetOptions.defaults(dataDir)
              .withBlockInterval(Duration.ofSeconds(Math.max(1, blockIntervalSeconds)));
      if (noEthereum) {
        options = options.withoutEthereum();
      }
      final Devnet devnet;
      try {
        devnet = Devnet.start(options);
      } catch (DevnetException e) {
        throw new InputException("devnet did not start: " + e.getMessage());
      }
      print(devnet, out);
      if (detach) {
        return 0;
      }
      final CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    devnet.close();
                    stopped.countDown();
                  },
                  "devnet-stop"));
      stopped.await();
      return 0;
    }

    private void print(final Devnet devnet, final PrintWriter out) {
      if (json) {
        out.println(devnet.toJson().toString());
      } else {
        out.println("devnet up (data in " + devnet.dataDir().toAbsolutePath() + ")");
        final Iterator<Map.Entry<String, JsonNode>> chains = devnet.endpoints().toJson().fields();
        while (chains.hasNext()) {
          final Map.Entry<String, JsonNode> chain = chains.next();
          out.printf("  %-18s %s%n", chain.getKey(), chain.getValue().toString());
        }
        out.println("  relayer config     " + devnet.configFile());
        out.println(detach ? "stop it with: bin/relayer devnet down" : "press Ctrl-C to stop");
      }
      out.flush();
    }
  }

  @Command(
      name = "down",
      mixinStandardHelpOptions = true,
      description = "Stop the devnet that `devnet up` started.")
  static final class Down implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--data-dir",
        defaultValue = "data",
        description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() {
      final boolean wasRunning = Devnet.stop(dataDir);
      spec.commandLine()
          .getOut()
          .println(
              wasRunning ? "devnet stopped" : "no devnet recorded in " + dataDir.toAbsolutePath());
      return 0;
    }
  }
}
