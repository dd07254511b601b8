package io.xrelay.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where the devnet's chains answer; the Ethereum fields are null when anvil is not running.
 *
 * <p>{@code kusamaWs} and {@code kusamaHttp} are the BEEFY voting node in front of chopsticks: they
 * answer every chopsticks method plus {@code beefy_*}, and serve blocks with their {@code BEEF}
 * justification. {@code kusamaChopsticksWs} and {@code kusamaChopsticksHttp} reach chopsticks
 * directly, for what must bypass the voting node.
 */
public record DevnetEndpoints(
    String kusamaWs,
    String kusamaHttp,
    String kusamaChopsticksWs,
    String kusamaChopsticksHttp,
    String assetHubWs,
    String assetHubHttp,
    String ethereumHttp,
    String ethereumWs) {

  static DevnetEndpoints of(
      final int kusamaPort,
      final int kusamaChopsticksPort,
      final int assetHubPort,
      final int ethereumPort) {
    return new DevnetEndpoints(
        "ws://127.0.0.1:" + kusamaPort,
        "http://127.0.0.1:" + kusamaPort,
        "ws://127.0.0.1:" + kusamaChopsticksPort,
        "http://127.0.0.1:" + kusamaChopsticksPort,
        "ws://127.0.0.1:" + assetHubPort,
        "http://127.0.0.1:" + assetHubPort,
        ethereumPort > 0 ? "http://127.0.0.1:" + ethereumPort : null,
        ethereumPort > 0 ? "ws://127.0.0.1:" + ethereumPort : null);
  }

  /** {@code {"kusama": {"ws", "http"}, "asset-hub-kusama": {...}, "ethereum": {"http", "ws"}}}. */
  public ObjectNode toJson() {
    final ObjectMapper json = new ObjectMapper();
    final ObjectNode chains = json.createObjectNode();
    chains.putObject("kusama").put("ws", kusamaWs).put("http", kusamaHttp);
    chains.putObject("asset-hub-kusama").put("ws", assetHubWs).put("http", assetHubHttp);
    if (ethereumHttp != null) {
      chains.putObject("ethereum").put("http", ethereumHttp).put("ws", ethereumWs);
    }
    return chains;
  }

  /** {@code {"ws", "http"}} of chopsticks' own relay chain endpoint. */
  ObjectNode kusamaChopsticksJson() {
    return new ObjectMapper()
        .createObjectNode()
        .put("ws", kusamaChopsticksWs)
        .put("http", kusamaChopsticksHttp);
  }

  static DevnetEndpoints fromJson(final JsonNode chains, final JsonNode kusamaChopsticks) {
    final JsonNode ethereum = chains.path("ethereum");
    return new DevnetEndpoints(
        chains.path("kusama").path("ws").asText(),
        chains.path("kusama").path("http").asText(),
        kusamaChopsticks.path("ws").asText(),
        kusamaChopsticks.path("http").asText(),
        chains.path("asset-hub-kusama").path("ws").asText(),
        chains.path("asset-hub-kusama").path("http").asText(),
        ethereum.isMissingNode() ? null : ethereum.path("http").asText(),
        ethereum.isMissingNode() ? null : ethereum.path("ws").asText());
  }
}
