package io.xrelay.relayer.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.DevnetException;
import io.xrelay.devnet.DevnetOptions;
import io.xrelay.relayer.metrics.RelayerMetrics;
import io.xrelay.relayer.service.RelayerService;
import io.xrelay.relayer.service.ServiceSettings;
import io.xrelay.relayer.work.RetryPolicy;
import io.xrelay.store.sqlite.SingleInstanceOwnership;
import io.xrelay.store.sqlite.SqliteWorkStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the relayer until SIGTERM or Ctrl-C.",
      "Without --config it runs on the local devnet: it starts the devnet (or reuses one that is up for the"
          + " same data directory), keeps its work in an SQLite store under the data directory, and serves"
          + " the API and metrics on 127.0.0.1:9645."
    })
final class RunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data-dir",
      defaultValue = "data",
      description = "Data directory (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--http-port",
      defaultValue = "9645",
      description = "HTTP port for the API and metrics (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(
      names = "--log-format",
      defaultValue = "text",
      description = "text or json (one line per event).")
  String logFormat;

  @Override
  public Integer call() throws Exception {
    final PrintWriter out = spec.commandLine().getOut();
    final Devnet devnet;
    try {
      devnet =
          Devnet.running(dataDir)
              .orElseGet(
                  () -> {
                    out.println("starting the devnet (first start installs its npm packages)...");
                    out.flush();
                    return Devnet.start(DevnetOptions.defaults(dataDir));
                  });
    } catch (DevnetException e) {
      throw new InputException("devnet did not start: " + e.getMessage());
    }
    final ServiceSettings settings =
        new ServiceSettings(
            dataDir,
            "127.0.0.1",
            httpPort,
            Optional.empty(),
            List.of(
                new ServiceSettings.Chain(
                    "kusama", "substrate", List.of(devnet.endpoints().kusamaWs())),
                new ServiceSettings.Chain(
                    "asset-hub-kusama", "substrate", List.of(devnet.endpoints().assetHubWs()))),
            List.of(
                new ServiceSettings.Route("kusama-beefy", "beefy-finality", "kusama", "kusama")),
            RetryPolicy.DEFAULT,
            Duration.ofSeconds(30));
    final RelayerMetrics metrics = new RelayerMetrics();
    final Vertx vertx = vertx(metrics.registry());
    final SqliteWorkStore store = SqliteWorkStore.inDataDirectory(vertx, dataDir);
    final RelayerService service =
        new RelayerService(
            vertx, settings, store, new SingleInstanceOwnership(store), metrics, Clock.systemUTC());
    service.start().await(120, TimeUnit.SECONDS);
    out.println(
        "relayer running: http://127.0.0.1:"
            + service.httpPort()
            + " (metrics at /metrics); Ctrl-C to stop");
    out.flush();
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    service
                        .stop()
                        .await(settings.shutdownGrace().toSeconds() + 5, TimeUnit.SECONDS);
                    vertx.close().await(5, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    // exiting anyway
                  }
                  stopped.countDown();
                },
                "relayer-stop"));
    stopped.await();
    return 0;
  }

  static Vertx vertx(final MeterRegistry registry) {
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }
}
