package io.xrelay.relayer.route.beefy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.mmr.SimplifiedMmrProof;
import io.xrelay.substrate.client.SubstrateClient;
import io.xrelay.substrate.client.WebSocketRpcClient;
import io.xrelay.substrate.storage.StorageKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The own MMR on the devnet's real Kusama runtime: started from the runtime's peaks, fed with
 * leaves rebuilt from chain state, its root equals {@code Mmr.RootHash} at every block (the class
 * itself stops on the first difference), each block's leaf proof folds to that block's root, and a
 * restart resumes from the snapshot.
 */
class RelayChainMmrIT {
  @TempDir static Path dir;

  private static Vertx vertx;
  private static SubstrateClient client;

  @BeforeAll
  static void connect() throws Exception {
    final Devnet devnet = SharedDevnet.get();
    vertx = Vertx.vertx();
    client =
        new SubstrateClient(
            WebSocketRpcClient.connect(
                    vertx, WebSocketRpcClient.Options.of(List.of(devnet.endpoints().kusamaWs())))
                .await(30, TimeUnit.SECONDS));
  }

  @AfterAll
  static void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldReproduceTheRuntimesMmrRootAtEveryBlockAndProveEachBlocksLeaf() throws Exception {
    final long head = finalizedNumber();
    final long start = Math.max(1, head - 12);
    final Path snapshot = dir.resolve("kusama-mmr.json");
    final RelayChainMmr mmr = new RelayChainMmr("kusama", client, Optional.of(snapshot));
    mmr.start(start).await(60, TimeUnit.SECONDS);
    mmr.advanceTo(head).await(120, TimeUnit.SECONDS);

    assertThat(mmr.block()).isEqualTo(head);
    for (long n = start + 1; n <= head; n++) {
      final RelayChainMmr.BlockState state = mmr.at(n).orElseThrow();
      final H256 runtimeRoot = runtimeRoot(state.hash());
      assertThat(state.root()).as("root at %d", n).isEqualTo(runtimeRoot);
      assertThat(state.leaf().parentNumber()).isEqualTo(n - 1);
      final SimplifiedMmrProof proof = mmr.leafProof(n);
      assertThat(proof.verify(runtimeRoot, state.leaf().hash()).isValid())
          .as("proof %d", n)
          .isTrue();
    }
    assertThat(Files.exists(snapshot)).isTrue();

    // A second instance resumes from the snapshot and keeps following.
    final RelayChainMmr resumed = new RelayChainMmr("kusama", client, Optional.of(snapshot));
    resumed.start(1).await(60, TimeUnit.SECONDS);
    assertThat(resumed.block()).isEqualTo(head);
    final long later = head + 3;
    while (finalizedNumber() < later) {
      Thread.sleep(500);
    }
    resumed.advanceTo(later).await(60, TimeUnit.SECONDS);
    final RelayChainMmr.BlockState last = resumed.at(later).orElseThrow();
    assertThat(last.root()).isEqualTo(runtimeRoot(last.hash()));
    assertThat(
            resumed
                .leafProof(start + 1)
                .verify(
                    mmr.at(start + 1).orElseThrow().root(),
                    mmr.at(start + 1).orElseThrow().leaf().hash())
                .isValid())
        .isTrue();
  }

  private static long finalizedNumber() throws Exception {
    final String hash = client.finalizedHead().await(10, TimeUnit.SECONDS);
    return client.header(hash).await(10, TimeUnit.SECONDS).number();
  }

  private static H256 runtimeRoot(final String hash) throws Exception {
    return H256.wrap(
        client
            .storage(StorageKey.prefix("Mmr", "RootHash"), hash)
            .await(10, TimeUnit.SECONDS)
            .orElseThrow());
  }
}
