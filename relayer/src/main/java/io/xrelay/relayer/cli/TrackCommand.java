package io.xrelay.relayer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code relayer track <messageId | extrinsic hash>}: the journey of one XCM message as the running
 * relayer's tracker has it, from {@code GET /api/v1/xcm/journeys/{id}}.
 */
@Command(
    name = "track",
    mixinStandardHelpOptions = true,
    description =
        "Print the journey of an XCM message as the running relayer tracks it: every leg with its"
            + " chain, block, event and outcome.")
final class TrackCommand implements Callable<Integer> {
  static final int NOT_FOUND = 1;
  private static final Pattern ID = Pattern.compile("0x[0-9a-fA-F]{64}");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "<id>",
      description =
          "The message id (SetTopic), a message hash, or the hash of the extrinsic that sent it.")
  String id;

  @Option(names = "--json", description = "Print the journey as the API serves it.")
  boolean json;

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:9645",
      description = "The running relayer's HTTP API (default ${DEFAULT-VALUE}).")
  URI url;

  @Override
  public Integer call() throws Exception {
    if (!ID.matcher(id.strip()).matches()) {
      throw new InputException(
          "<id>: '" + id + "' is not a 32-byte 0x-hex id (message id, message hash or extrinsic)");
    }
    final String wanted = id.strip().toLowerCase(Locale.ROOT);
    final URI request =
        url.resolve("/api/v1/xcm/journeys/" + URLEncoder.encode(wanted, StandardCharsets.UTF_8));
    final HttpResponse<String> response;
    try {
      response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .send(
                  HttpRequest.newBuilder(request).timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new InputException(
          "no relayer answers at " + url + " (start one with `bin/relayer run`, or pass --url)");
    } catch (IOException e) {
      throw new InputException(url + ": " + e.getMessage());
    }
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    if (response.statusCode() == 404) {
      err.println("no journey with id " + wanted + " (yet) at " + url);
      return NOT_FOUND;
    }
    if (response.statusCode() != 200) {
      throw new InputException(
          request + " answered " + response.statusCode() + ": " + response.body());
    }
    final JsonNode journey = new ObjectMapper().readTree(response.body());
    if (json) {
      out.println(journey);
    } else {
      print(out, journey);
    }
    out.flush();
    return 0;
  }

  static void print(final PrintWriter out, final JsonNode journey) {
    out.printf("Message:     %s%n", journey.path("messageId").asText());
    out.printf(
        "Route:       %s -> %s%s%n",
        journey.path("origin").asText(),
        journey.path("destination").asText("?"),
        journey.path("bridged").asBoolean() ? " (bridged)" : "");
    out.printf(
        "Outcome:     %s%s%n",
        journey.path("outcome").asText(),
        journey.path("error").isTextual() ? " (" + journey.path("error").asText() + ")" : "");
    if (journey.path("seconds").isNumber()) {
      out.printf("Took:        %.1f s%n", journey.path("seconds").asDouble());
    }
    out.println("Legs:");
    for (final JsonNode leg : journey.path("legs")) {
      out.printf(
          "  %-12s %-20s #%-10d %-36s %s%s%n",
          leg.path("kind").asText(),
          leg.path("chain").asText(),
          leg.path("block").asLong(),
          leg.path("event").asText(),
          leg.path("outcome").isTextual() ? leg.path("outcome").asText() : "",
          leg.path("error").isTextual() ? " (" + leg.path("error").asText() + ")" : "");
      if (!leg.path("assetsTrapped").isMissingNode() && !leg.path("assetsTrapped").isNull()) {
        out.printf("               assets trapped: %s%n", leg.path("assetsTrapped"));
      }
    }
  }
}
