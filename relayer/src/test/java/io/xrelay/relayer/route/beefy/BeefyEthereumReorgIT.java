package io.xrelay.relayer.route.beefy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.DevnetEthereumAccounts;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.ethereum.beefy.BeefyClient;
import io.xrelay.ethereum.beefy.BeefyClientEvent;
import io.xrelay.ethereum.rpc.BlockTag;
import io.xrelay.ethereum.rpc.HttpEthereumRpc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transaction that put a commitment into the contract is reorged out before it is final ({@code
 * anvil_reorg}, which, unlike a real node, does not even return it to the pool). The route must not
 * count it: the item goes back to be retried, the account's lost nonce is used again instead of
 * leaving a gap that would stall every later transaction, and the contract ends up at or past that
 * block with a root equal to the runtime's.
 */
class BeefyEthereumReorgIT {
  private static final Duration PROGRESS = Duration.ofMinutes(4);

  @TempDir Path dir;

  @Test
  void shouldRelayAgainWhenItsLandingTransactionIsReorgedOutBeforeFinality() throws Exception {
    final Devnet devnet = SharedDevnet.get();
    final String anvil = devnet.endpoints().ethereumHttp();
    final String address = devnet.beefyClient().orElseThrow().address();
    final int account = 6;
    final String sender = DevnetEthereumAccounts.ACCOUNTS.get(account).address();
    final Vertx vertx = Vertx.vertx();
    final BeefyClient contract =
        new BeefyClient(
            HttpEthereumRpc.create(vertx, HttpEthereumRpc.Options.of(List.of(anvil))), address);
    final InProcessRelayer relayer = InProcessRelayer.start(dir, "fiat-shamir", account, 3);
    try {
      BeefyToEthereumRouteIT.awaitThat(
          () -> relayer.submissions("fiat-shamir", "accepted") >= 1, PROGRESS);
      final double acceptedBefore = relayer.submissions("fiat-shamir", "accepted");
      final long reorged;
      DevnetBeefyRelay.call(anvil, "evm_setIntervalMining", 0);
      try {
        final long nonce = DevnetBeefyRelay.transactionCount(anvil, sender, "latest");
        BeefyToEthereumRouteIT.awaitThat(
            () -> DevnetBeefyRelay.transactionCount(anvil, sender, "pending") > nonce, PROGRESS);
        DevnetBeefyRelay.call(anvil, "evm_mine");
        final JsonNode logs =
            DevnetBeefyRelay.call(
                anvil,
                "eth_getLogs",
                Map.of(
                    "fromBlock",
                    "latest",
                    "toBlock",
                    "latest",
                    "address",
                    address,
                    "topics",
                    List.of(BeefyClientEvent.NEW_MMR_ROOT_TOPIC)));
        assertThat(logs).hasSize(1);
        reorged = Long.parseLong(logs.get(0).path("data").asText().substring(2 + 64 + 48), 16);
        // The route has seen its receipt and waits for finality.
        BeefyToEthereumRouteIT.awaitThat(() -> relayer.itemsIn("submitted") >= 1, PROGRESS);
        DevnetBeefyRelay.call(anvil, "anvil_reorg", 1, List.of());
        assertThat(DevnetBeefyRelay.newMmrRootEvents(devnet, reorged)).isZero();
        assertThat(DevnetBeefyRelay.transactionCount(anvil, sender, "latest")).isEqualTo(nonce);
      } finally {
        DevnetBeefyRelay.call(anvil, "evm_setIntervalMining", 2);
      }

      BeefyToEthereumRouteIT.awaitThat(
          () -> {
            try {
              return relayer
                  .get("/api/v1/items/kusama-to-ethereum/block/" + reorged)
                  .body()
                  .contains("\"state\":\"confirmed\"");
            } catch (Exception e) {
              return false;
            }
          },
          PROGRESS);
      final String item = relayer.get("/api/v1/items/kusama-to-ethereum/block/" + reorged).body();
      assertThat(item).as("retried after the reorg").doesNotContain("\"attempts\":1,");
      BeefyToEthereumRouteIT.awaitThat(
          () -> relayer.submissions("fiat-shamir", "accepted") > acceptedBefore, PROGRESS);
      final long latest = contract.latestBeefyBlock(BlockTag.FINALIZED).await(10, TimeUnit.SECONDS);
      assertThat(latest).isGreaterThanOrEqualTo(reorged);
      assertThat(contract.latestMmrRoot(BlockTag.FINALIZED).await(10, TimeUnit.SECONDS))
          .isEqualTo(DevnetBeefyRelay.runtimeMmrRoot(devnet, latest));
      assertThat(DevnetBeefyRelay.newMmrRootEvents(devnet, reorged)).isLessThanOrEqualTo(1);
      assertThat(relayer.submissions("fiat-shamir", "reverted")).isZero();
      assertThat(relayer.itemsIn("dead")).isZero();
    } finally {
      relayer.stop();
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
