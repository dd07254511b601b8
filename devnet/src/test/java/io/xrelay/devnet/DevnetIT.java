package io.xrelay.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.crypto.Blake2b;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleReader;
import io.xrelay.substrate.keys.KeyPair;
import io.xrelay.substrate.keys.KeyScheme;
import io.xrelay.substrate.storage.StorageKey;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a real devnet of its own (not the shared one): it also checks that stopping works. */
class DevnetIT {
  @TempDir Path dataDir;

  private final DevnetRpc rpc = new DevnetRpc();

  @Test
  void shouldStartRealChainsThatAdvanceWithFundedDevAccountsAndStopCleanly() throws Exception {
    final List<Long> pids;
    try (Devnet devnet =
        Devnet.start(DevnetOptions.defaults(dataDir).withBlockInterval(Duration.ofSeconds(1)))) {
      final DevnetEndpoints endpoints = devnet.endpoints();
      assertThat(rpc.call(endpoints.kusamaHttp(), "system_chain").asText())
          .isEqualTo("kusama_local_testnet");
      assertThat(rpc.call(endpoints.assetHubHttp(), "system_chain").asText())
          .isEqualTo("asset-hub-kusama-local");
      assertThat(rpc.call(endpoints.ethereumHttp(), "eth_chainId").asText()).isEqualTo("0x7a69");

      final long kusamaStart = blockNumber(endpoints.kusamaHttp());
      final long assetHubStart = blockNumber(endpoints.assetHubHttp());
      // A block takes chopsticks seconds of wasm on a loaded machine: wait for it, up to a minute.
      assertThat(awaitBlockAfter(endpoints.kusamaHttp(), kusamaStart)).isGreaterThan(kusamaStart);
      assertThat(awaitBlockAfter(endpoints.assetHubHttp(), assetHubStart))
          .isGreaterThan(assetHubStart);

      for (final KeyScheme scheme : KeyScheme.values()) {
        final byte[] account = KeyPair.fromUri("//Ferdie", scheme).accountId();
        assertThat(freeBalance(endpoints.kusamaHttp(), account))
            .as("kusama %s", scheme)
            .isEqualTo(new BigInteger(DevAccounts.FUNDING));
        assertThat(freeBalance(endpoints.assetHubHttp(), account))
            .as("asset hub %s", scheme)
            .isEqualTo(new BigInteger(DevAccounts.FUNDING));
      }

      assertThat(Devnet.running(dataDir)).isPresent();
      assertThat(Files.readString(devnet.configFile()))
          .contains(endpoints.kusamaWs(), endpoints.assetHubWs());
      assertThat(devnet.toJson().path("chains").path("kusama").path("ws").asText())
          .isEqualTo(endpoints.kusamaWs());
      pids = readPids();
    }
    assertThat(pids).hasSize(3).noneMatch(ChildProcess::isAlive);
    assertThat(Devnet.running(dataDir)).isEmpty();
  }

  private List<Long> readPids() throws Exception {
    final JsonNode state =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(dataDir.resolve("devnet/devnet.json").toFile());
    return java.util.stream.StreamSupport.stream(state.path("pids").spliterator(), false)
        .map(JsonNode::asLong)
        .toList();
  }

  private long awaitBlockAfter(final String endpoint, final long start)
      throws InterruptedException {
    final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    long number = blockNumber(endpoint);
    while (number <= start && System.nanoTime() < deadline) {
      Thread.sleep(500);
      number = blockNumber(endpoint);
    }
    return number;
  }

  private long blockNumber(final String endpoint) {
    return Long.decode(rpc.call(endpoint, "chain_getHeader").path("number").asText());
  }

  /**
   * System.Account's AccountInfo: nonce, consumers, providers, sufficients (u32 each), then free.
   */
  private BigInteger freeBalance(final String endpoint, final byte[] account) {
    final byte[] key =
        concat(StorageKey.prefix("System", "Account"), Blake2b.hash128(account), account);
    final ScaleReader reader =
        ScaleReader.ofHex(rpc.call(endpoint, "state_getStorage", Hex.encode(key)).asText());
    reader.skip(16);
    return reader.readU128();
  }

  private static byte[] concat(final byte[]... parts) {
    final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (final byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
