package io.xrelay.relayer.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.xrelay.config.ConfigError;
import io.xrelay.config.ConfigException;
import io.xrelay.config.ConfigFileException;
import io.xrelay.config.ConfigLoader;
import io.xrelay.config.LoadedConfig;
import io.xrelay.config.RelayerConfig;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.DevnetException;
import io.xrelay.devnet.DevnetOptions;
import io.xrelay.relayer.metrics.RelayerMetrics;
import io.xrelay.relayer.service.RelayerService;
import io.xrelay.relayer.service.Stores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the relayer until SIGTERM or Ctrl-C.",
      "Without --config it runs on the local devnet: it starts the devnet (or reuses the one that is up"
          + " for the same data directory), keeps its work in SQLite under the data directory, and serves"
          + " the API and metrics on 127.0.0.1:9645.",
      "Flags override RELAYER_* environment variables, which override the file."
    })
final class RunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @ParentCommand RelayerCommand relayer;

  @Option(
      names = "--config",
      description = "YAML configuration (default: the devnet's generated one).")
  Path configFile;

  @Option(names = "--data-dir", description = "Data directory (default: ./data).")
  Path dataDir;

  @Option(names = "--http-port", description = "HTTP port of the API and metrics (default: 9645).")
  Integer httpPort;

  @Option(names = "--log-format", description = "text or json: one line per event.")
  String logFormat;

  @Override
  public Integer call() throws Exception {
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    final Path file = configFile != null ? configFile : devnetConfig(out);
    final RelayerConfig config;
    try {
      final LoadedConfig loaded = new ConfigLoader(relayer.environment()).load(file, flags());
      loaded.warnings().forEach(warning -> err.println("warning: " + warning));
      config = loaded.config();
    } catch (ConfigFileException e) {
      throw new InputException(e.getMessage());
    } catch (ConfigException e) {
      for (final ConfigError error : e.errors()) {
        err.println("error: " + error);
      }
      err.flush();
      return 1;
    }

    final RelayerMetrics metrics = new RelayerMetrics();
    final Vertx vertx = vertx(metrics.registry());
    final RelayerService service =
        new RelayerService(
            vertx,
            config,
            Stores.open(vertx, config.store(), Clock.systemUTC()),
            metrics,
            Clock.systemUTC());
    try {
      service.start().await(180, TimeUnit.SECONDS);
    } catch (Exception e) {
      service.stop().await(30, TimeUnit.SECONDS);
      vertx.close().await(10, TimeUnit.SECONDS);
      throw new InputException("the relayer did not start: " + e.getMessage());
    }
    out.println(
        "relayer running: http://"
            + config.http().host()
            + ":"
            + service.httpPort()
            + " (API, /metrics, /health/ready); Ctrl-C or SIGTERM stops it");
    out.flush();
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    service
                        .stop()
                        .await(config.shutdownGracePeriod().toSeconds() + 5, TimeUnit.SECONDS);
                    vertx.close().await(5, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    // exiting anyway: the grace period is over
                  }
                  // log4j's own hook is off so that the last lines of the stop are written
                  org.apache.logging.log4j.LogManager.shutdown();
                  stopped.countDown();
                },
                "relayer-stop"));
    stopped.await();
    return 0;
  }

  /** The devnet of the data directory: reused when it is up, started otherwise. */
  private Path devnetConfig(final PrintWriter out) {
    final Path data = dataDir != null ? dataDir : RelayerConfig.DEFAULT_DATA_DIR;
    try {
      final Devnet devnet =
          Devnet.running(data)
              .orElseGet(
                  () -> {
                    out.println(
                        "starting the devnet in "
                            + data.toAbsolutePath().normalize()
                            + " (the first start installs its npm packages)...");
                    out.flush();
                    return Devnet.start(DevnetOptions.defaults(data));
                  });
      out.println("devnet: " + devnet.toJson().path("chains"));
      return devnet.configFile();
    } catch (DevnetException e) {
      throw new InputException("the devnet did not start: " + e.getMessage());
    }
  }

  private Map<String, String> flags() {
    final Map<String, String> flags = new LinkedHashMap<>();
    if (dataDir != null) {
      flags.put("data-dir", dataDir.toString());
    }
    if (httpPort != null) {
      flags.put("http.port", httpPort.toString());
    }
    if (logFormat != null) {
      flags.put("log-format", logFormat);
    }
    return flags;
  }

  static Vertx vertx(final MeterRegistry registry) {
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }
}
