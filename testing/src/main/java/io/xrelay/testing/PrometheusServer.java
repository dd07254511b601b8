package io.xrelay.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus (Debian's {@code prometheus} package) on a loopback port, scraping one target
 * every second. Missing binary: the test is skipped on a developer machine, and fails when {@code
 * CI=true}. Optionally loaded with alert rule files, evaluated every second.
 */
public final class PrometheusServer implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/bin/prometheus");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private PrometheusServer(final Process process, final int port) {
    this.process = process;
    this.port = port;
  }

  public static PrometheusServer scraping(final String target, final Path workDir)
      throws Exception {
    return scraping(target, workDir, List.of());
  }

  /** As {@link #scraping(String, Path)}, with these rule files loaded ({@code rule_files}). */
  public static PrometheusServer scraping(
      final String target, final Path workDir, final List<Path> ruleFiles) throws Exception {
    if (!Files.isExecutable(BINARY)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(
            "prometheus is not installed at "
                + BINARY
                + " (.ci/run installs Debian's prometheus package)");
      }
      Assumptions.abort(
          "prometheus is not installed here (apt-get install prometheus); CI runs this test");
    }
    final int port = LoopbackPorts.free();
    final Path config = workDir.resolve("prometheus.yml");
    Files.writeString(
        config,
        "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
            + ruleFilesSection(ruleFiles)
            + "scrape_configs:\n  - job_name: relayer\n    static_configs:\n      - targets: ['"
            + target
            + "']\n");
    final Process process =
        new ProcessBuilder(
                List.of(
                    BINARY.toString(),
                    "--config.file=" + config,
                    "--storage.tsdb.path=" + workDir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port))
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("prometheus.log").toFile())
            .start();
    return new PrometheusServer(process, port);
  }

  private static String ruleFilesSection(final List<Path> ruleFiles) {
    if (ruleFiles.isEmpty()) {
      return "";
    }
    final StringBuilder section = new StringBuilder("rule_files:\n");
    ruleFiles.forEach(file -> section.append("  - '").append(file.toAbsolutePath()).append("'\n"));
    return section.toString();
  }

  /** Runs an instant query until it returns at least one series, or fails after {@code timeout}. */
  public JsonNode awaitSeries(final String query, final Duration timeout) throws Exception {
    final long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      try {
        final HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + port
                                + "/api/v1/query?query="
                                + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        last = JSON.readTree(response.body());
        if ("success".equals(last.path("status").asText())
            && last.path("data").path("result").size() > 0) {
          return last.path("data").path("result");
        }
      } catch (IOException notYetListening) {
        // Prometheus takes a moment to open its port.
      }
      assertRunning();
      Thread.sleep(500);
    }
    throw new AssertionError(
        "no series for " + query + " within " + timeout + "; last answer " + last);
  }

  /**
   * The {@code data} of {@code GET path} (e.g. {@code /api/v1/alerts}), once Prometheus answers.
   */
  public JsonNode get(final String path) throws Exception {
    for (int attempt = 0; ; attempt++) {
      try {
        final HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        final JsonNode body = JSON.readTree(response.body());
        if (!"success".equals(body.path("status").asText())) {
          throw new AssertionError("GET " + path + ": " + response.body());
        }
        return body.path("data");
      } catch (IOException notYetListening) {
        assertRunning();
        if (attempt > 60) {
          throw notYetListening;
        }
        Thread.sleep(500);
      }
    }
  }

  private void assertRunning() {
    if (!process.isAlive()) {
      throw new AssertionError("prometheus exited; see its log beside prometheus.yml");
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    process.waitFor();
  }
}
