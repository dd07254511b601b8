package io.xrelay.relayer.route.beefy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.DevnetEthereumAccounts;
import io.xrelay.proofs.H256;
import io.xrelay.scale.Hex;
import io.xrelay.substrate.storage.StorageKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * What the BEEFY relay ITs share: a relayer config for one {@code kusama -> ethereum} route on the
 * devnet (its own signer, store and data dir), and plain JSON-RPC reads of the devnet's chains, so
 * the tests check the relayer with code other than its own.
 */
final class DevnetBeefyRelay {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** The admin bearer token of every config written here. */
  static final String ADMIN_TOKEN = "devnet-beefy-relay-admin";

  private DevnetBeefyRelay() {}

  /** Writes {@code <dir>/relayer.yaml} and the signer's key file; returns the config file. */
  static Path writeConfig(
      final Devnet devnet,
      final Path dir,
      final String protocol,
      final int account,
      final int minInterval,
      final int httpPort)
      throws IOException {
    Files.createDirectories(dir);
    final Path key = dir.resolve("ethereum.key");
    Files.writeString(key, DevnetEthereumAccounts.ACCOUNTS.get(account).privateKey() + "\n");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    final Path token = dir.resolve("admin.token");
    Files.writeString(token, ADMIN_TOKEN + "\n");
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
    final String yaml =
        "data-dir: \""
            + dir
            + "\"\n"
            + "http:\n  port: "
            + httpPort
            + "\n  admin-token-file: \""
            + token
            + "\""
            + "\nstore:\n  kind: sqlite\n  path: \""
            + dir.resolve("relayer.db")
            + "\"\n"
            + "chains:\n"
            + "  kusama:\n    preset: devnet\n    endpoints: [\""
            + devnet.endpoints().kusamaWs()
            + "\"]\n"
            + "  ethereum:\n    preset: devnet\n    endpoints: [\""
            + devnet.endpoints().ethereumHttp()
            + "\", \""
            + devnet.endpoints().ethereumWs()
            + "\"]\n"
            + "signers:\n  relayer:\n    chain: ethereum\n    scheme: ethereum\n    key-file: \""
            + key
            + "\"\n"
            + "routes:\n  kusama-to-ethereum:\n    kind: beefy-to-ethereum\n    source: kusama\n"
            + "    target: ethereum\n    signer: relayer\n    contract: \""
            + devnet.beefyClient().orElseThrow().address()
            + "\"\n    protocol: "
            + protocol
            + "\n    min-interval: "
            + minInterval
            + "\n";
    final Path file = dir.resolve("relayer.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  static JsonNode call(final String endpoint, final String method, final Object... params)
      throws IOException, InterruptedException {
    final String body =
        JSON.writeValueAsString(
            Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", List.of(params)));
    final HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(endpoint))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    final JsonNode reply = JSON.readTree(response.body());
    if (reply.has("error")) {
      throw new IOException(method + ": " + reply.get("error"));
    }
    return reply.path("result");
  }

  /** The devnet's BeefyClient, read directly from anvil (not through the relayer). */
  static io.xrelay.ethereum.beefy.BeefyClient contract(
      final io.vertx.core.Vertx vertx, final Devnet devnet) {
    return new io.xrelay.ethereum.beefy.BeefyClient(
        io.xrelay.ethereum.rpc.HttpEthereumRpc.create(
            vertx,
            io.xrelay.ethereum.rpc.HttpEthereumRpc.Options.of(
                List.of(devnet.endpoints().ethereumHttp()))),
        devnet.beefyClient().orElseThrow().address());
  }

  /** {@code eth_getTransactionCount} of {@code sender} at {@code tag}, in a polled condition. */
  static long transactionCount(final String endpoint, final String sender, final String tag) {
    try {
      return Long.decode(call(endpoint, "eth_getTransactionCount", sender, tag).asText());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** The relay chain's own {@code Mmr.RootHash} at block {@code number}. */
  static H256 runtimeMmrRoot(final Devnet devnet, final long number) throws Exception {
    final String relay = devnet.endpoints().kusamaHttp();
    final String hash = call(relay, "chain_getBlockHash", number).asText();
    return H256.fromHex(
        call(relay, "state_getStorage", Hex.encode(StorageKey.prefix("Mmr", "RootHash")), hash)
            .asText());
  }

  static long finalizedHead(final Devnet devnet) throws Exception {
    final String relay = devnet.endpoints().kusamaHttp();
    final String hash = call(relay, "chain_getFinalizedHead").asText();
    return Long.decode(call(relay, "chain_getHeader", hash).path("number").asText());
  }

  /** How many {@code NewMMRRoot} events the contract emitted for {@code block}. */
  static int newMmrRootEvents(final Devnet devnet, final long block) throws Exception {
    return (int) newMmrRootBlocks(devnet).stream().filter(number -> number == block).count();
  }

  /** The block number of every {@code NewMMRRoot} event the contract emitted, in chain order. */
  static List<Long> newMmrRootBlocks(final Devnet devnet) throws Exception {
    final String topic =
        io.xrelay.proofs.Hashing.keccak256(
                "NewMMRRoot(bytes32,uint64)".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .toHex();
    final JsonNode logs =
        call(
            devnet.endpoints().ethereumHttp(),
            "eth_getLogs",
            Map.of(
                "fromBlock",
                "0x0",
                "toBlock",
                "latest",
                "address",
                devnet.beefyClient().orElseThrow().address(),
                "topics",
                List.of(topic)));
    final List<Long> blocks = new java.util.ArrayList<>();
    for (final JsonNode log : logs) {
      final String data = log.path("data").asText();
      // data = mmrRoot (32 bytes) ++ blockNumber (uint64 in a 32-byte word)
      blocks.add(Long.parseLong(data.substring(2 + 64 + 48), 16));
    }
    return blocks;
  }
}
