package io.xrelay.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The few JSON-RPC calls that set the devnet up (dev_setStorage, dev_newBlock, health probes), over
 * plain HTTP POST. The relayer's own client, with reconnects and subscriptions, is elsewhere.
 */
final class DevnetRpc {
  private static final ObjectMapper JSON = new ObjectMapper();

  // HTTP/1.1 only: chopsticks takes the h2c upgrade header for a WebSocket handshake and refuses
  // it.
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final AtomicLong ids = new AtomicLong();

  JsonNode call(final String endpoint, final String method, final Object... params) {
    final ObjectNode request =
        JSON.createObjectNode()
            .put("jsonrpc", "2.0")
            .put("id", ids.incrementAndGet())
            .put("method", method);
    request.set("params", JSON.valueToTree(params));
    try {
      final HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(endpoint))
                  .timeout(Duration.ofSeconds(60))
                  .header("content-type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      final JsonNode reply;
      try {
        reply = JSON.readTree(response.body());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new DevnetException(
            endpoint
                + " "
                + method
                + ": HTTP "
                + response.statusCode()
                + " with a reply that is not JSON: "
                + response.body().substring(0, Math.min(200, response.body().length())));
      }
      if (reply.has("error")) {
        throw new DevnetException(endpoint + " " + method + " failed: " + reply.get("error"));
      }
      return reply.get("result");
    } catch (IOException e) {
      throw new DevnetException(endpoint + " " + method + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevnetException("interrupted calling " + method);
    }
  }
}
