package io.xrelay.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium driven through its WebDriver server ({@code chromedriver} from the
 * {@code chromium-driver} package) with the W3C WebDriver protocol over HTTP. Missing browser: the
 * test is skipped on a developer machine, and fails when {@code CI=true}.
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final Process driver;
  private final String session;

  private HeadlessChromium(final Process driver, final String session) {
    this.driver = driver;
    this.session = session;
  }

  /** Starts chromedriver and a headless browser session, logging the driver to {@code workDir}. */
  public static HeadlessChromium start(final Path workDir) throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      final String missing =
          "chromium and chromedriver are not installed here"
              + " (apt-get install chromium chromium-driver)";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(missing + "; .ci/run must install them");
      }
      Assumptions.abort(missing + "; CI runs this test");
    }
    final int port = LoopbackPorts.free();
    final Process driver =
        new ProcessBuilder(DRIVER.toString(), "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("chromedriver.log").toFile())
            .start();
    final String base = "http://127.0.0.1:" + port;
    final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        if (send("GET", base + "/status", null).path("value").path("ready").asBoolean()) {
          break;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        driver.destroyForcibly();
        throw new AssertionError("chromedriver did not start within 30 s");
      }
      Thread.sleep(200);
    }
    final ObjectNode options = JSON.createObjectNode();
    options.put("binary", CHROMIUM.toString());
    final List<String> args =
        List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--window-size=1400,1000",
            "--user-data-dir=" + workDir.resolve("chromium-profile"));
    args.forEach(options.putArray("args")::add);
    final ObjectNode capabilities = JSON.createObjectNode();
    capabilities
        .putObject("capabilities")
        .putObject("alwaysMatch")
        .put("browserName", "chrome")
        .set("goog:chromeOptions", options);
    try {
      final JsonNode created = send("POST", base + "/session", capabilities);
      return new HeadlessChromium(
          driver, base + "/session/" + created.path("value").path("sessionId").asText());
    } catch (IOException | RuntimeException e) {
      driver.destroyForcibly();
      throw e;
    }
  }

  public void open(final URI page) throws IOException, InterruptedException {
    final ObjectNode body = JSON.createObjectNode().put("url", page.toString());
    send("POST", session + "/url", body);
  }

  /** Runs {@code script} (a function body; {@code return} gives the result) in the page. */
  public JsonNode evaluate(final String script) throws IOException, InterruptedException {
    final ObjectNode body = JSON.createObjectNode().put("script", script);
    body.putArray("args");
    return send("POST", session + "/execute/sync", body).path("value");
  }

  /** Evaluates {@code script} until it returns true, or fails with what it saw last. */
  public void await(final String what, final String script, final Duration timeout)
      throws IOException, InterruptedException {
    final long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = evaluate(script);
      if (last.asBoolean(false)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        what + " did not happen within " + timeout + "; the page shows: " + text());
  }

  /** The page's visible text. */
  public String text() throws IOException, InterruptedException {
    return evaluate("return document.body ? document.body.innerText : '';").asText();
  }

  public Path screenshot(final Path file) throws IOException, InterruptedException {
    final String png = send("GET", session + "/screenshot", null).path("value").asText();
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, Base64.getDecoder().decode(png));
  }

  @Override
  public void close() {
    try {
      send("DELETE", session, null);
    } catch (IOException | RuntimeException e) {
      // the driver goes anyway
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      driver.destroy();
    }
  }

  private static JsonNode send(final String method, final String url, final JsonNode body)
      throws IOException, InterruptedException {
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("content-type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    final HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    final JsonNode reply = JSON.readTree(response.body());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "WebDriver " + method + " " + url + ": HTTP " + response.statusCode() + " " + reply);
    }
    return reply;
  }
}
