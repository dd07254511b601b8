package io.xrelay.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where the devnet's chains answer; the Ethereum fields are null when anvil is not running. */
public record DevnetEndpoints(
    String kusamaWs,
    String kusamaHttp,
    String assetHubWs,
    String assetHubHttp,
    String ethereumHttp,
    String ethereumWs) {

  static DevnetEndpoints of(final int kusamaPort, final int assetHubPort, final int ethereumPort) {
    return new DevnetEndpoints(
        "ws://127.0.0.1:" + kusamaPort,
        "http://127.0.0.1:" + kusamaPort,
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

  static DevnetEndpoints fromJson(final JsonNode chains) {
    final JsonNode ethereum = chains.path("ethereum");
    return new DevnetEndpoints(
        chains.path("kusama").path("ws").asText(),
        chains.path("kusama").path("http").asText(),
        chains.path("asset-hub-kusama").path("ws").asText(),
        chains.path("asset-hub-kusama").path("http").asText(),
        ethereum.isMissingNode() ? null : ethereum.path("http").asText(),
        ethereum.isMissingNode() ? null : ethereum.path("ws").asText());
  }
}
