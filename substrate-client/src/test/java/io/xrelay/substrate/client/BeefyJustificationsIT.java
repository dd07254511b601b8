package io.xrelay.substrate.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.beefy.BeefyCommitment;
import io.xrelay.proofs.beefy.BeefyFinalityVerifier;
import io.xrelay.proofs.beefy.BeefyValidatorSet;
import io.xrelay.proofs.beefy.QuorumVerification;
import io.xrelay.proofs.beefy.VersionedFinalityProof;
import io.xrelay.substrate.block.Justification;
import io.xrelay.substrate.block.SignedBlock;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.metadata.StorageEntry;
import io.xrelay.substrate.storage.StorageKey;
import io.xrelay.substrate.value.Value;
import io.xrelay.substrate.value.ValueCodec;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The devnet's BEEFY voting node read through the relayer's own client: its justifications, from
 * the subscription and from blocks, decode and verify with the proofs module against the validator
 * set the runtime holds at that block, and sign the runtime's own MMR root, read from chopsticks
 * directly.
 */
class BeefyJustificationsIT {
  private static Vertx vertx;
  private static WebSocketRpcClient rpc;
  private static WebSocketRpcClient chopsticksRpc;
  private static SubstrateClient client;
  private static SubstrateClient chopsticks;

  @BeforeAll
  static void connect() throws Exception {
    final Devnet devnet = SharedDevnet.get();
    vertx = Vertx.vertx();
    rpc =
        Await.result(
            WebSocketRpcClient.connect(
                vertx, WebSocketRpcClient.Options.of(List.of(devnet.endpoints().kusamaWs()))));
    chopsticksRpc =
        Await.result(
            WebSocketRpcClient.connect(
                vertx,
                WebSocketRpcClient.Options.of(List.of(devnet.endpoints().kusamaChopsticksWs()))));
    client = new SubstrateClient(rpc);
    chopsticks = new SubstrateClient(chopsticksRpc);
  }

  @AfterAll
  static void close() throws Exception {
    Await.result(rpc.close());
    Await.result(chopsticksRpc.close());
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldStreamOneVerifiableJustificationPerFinalizedBlockInOrder() throws Exception {
    final BlockingQueue<Object> notifications = new LinkedBlockingQueue<>();
    final RpcSubscription subscription =
        Await.result(
            rpc.subscribe(
                "beefy_subscribeJustifications",
                "beefy_unsubscribeJustifications",
                new JsonArray(),
                notifications::add));
    long previous = -1;
    for (int i = 0; i < 3; i++) {
      final Object notification = notifications.poll(60, TimeUnit.SECONDS);
      assertThat(notification).as("justification %d", i).isInstanceOf(String.class);
      final VersionedFinalityProof proof = VersionedFinalityProof.decodeHex((String) notification);
      final long number = proof.signedCommitment().commitment().blockNumber();
      if (previous >= 0) {
        assertThat(number).isEqualTo(previous + 1);
      }
      previous = number;
      assertSignsTheRuntimesState(proof, Await.result(chopsticks.blockHash(number)));
    }
    Await.result(subscription.unsubscribe());
  }

  @Test
  void shouldServeTheBeefJustificationWithTheBlockItFinalizes() throws Exception {
    final String head = (String) Await.result(rpc.call("beefy_getFinalizedHead"));
    final SignedBlock block = Await.result(client.block(head));

    final Justification justification = block.justification(Justification.BEEFY).orElseThrow();
    final VersionedFinalityProof proof = VersionedFinalityProof.decode(justification.encoded());
    assertThat(proof.signedCommitment().commitment().blockNumber())
        .isEqualTo(block.header().number());
    assertThat(Await.result(chopsticks.blockHash(block.header().number()))).isEqualTo(head);
    assertSignsTheRuntimesState(proof, head);

    // As Substrate serializes (ConsensusEngineId, Vec<u8>): arrays of numbers.
    final JsonObject raw = (JsonObject) Await.result(rpc.call("chain_getBlock", head));
    final JsonArray beef = raw.getJsonArray("justifications").getJsonArray(0);
    assertThat(beef.getJsonArray(0)).isEqualTo(new JsonArray(List.of(66, 69, 69, 70)));
    assertThat(beef.getJsonArray(1).size()).isEqualTo(justification.encoded().length);
  }

  /**
   * The commitment's payload is {@code Mmr.RootHash} and its set id {@code Beefy.ValidatorSetId} at
   * the block, and its signatures reach the quorum of {@code Beefy.Authorities} there.
   */
  private static void assertSignsTheRuntimesState(
      final VersionedFinalityProof proof, final String blockHash) throws Exception {
    final RuntimeMetadata metadata = Await.result(chopsticks.metadata(blockHash));
    final BeefyCommitment commitment = proof.signedCommitment().commitment();
    final byte[] mmrRoot = bytes(read(metadata, "Mmr", "RootHash", blockHash));
    final long setId =
        ((Value.Int) Value.unwrapNewtypes(read(metadata, "Beefy", "ValidatorSetId", blockHash)))
            .longValue();
    final List<byte[]> authorities =
        ((Value.Sequence) Value.unwrapNewtypes(read(metadata, "Beefy", "Authorities", blockHash)))
            .items().stream().map(BeefyJustificationsIT::bytes).toList();

    assertThat(commitment.mmrRoot()).contains(H256.wrap(mmrRoot));
    assertThat(commitment.validatorSetId()).isEqualTo(setId);
    assertThat(commitment.payload()).hasSize(1);
    final QuorumVerification verification =
        BeefyFinalityVerifier.usingActiveBackend()
            .verify(proof.signedCommitment(), BeefyValidatorSet.ofAuthorityIds(setId, authorities));
    assertThat(verification.result().reasons()).isEmpty();
    assertThat(verification.validSigners()).isEqualTo(authorities.size());
  }

  private static Value read(
      final RuntimeMetadata metadata,
      final String pallet,
      final String entryName,
      final String blockHash)
      throws Exception {
    final StorageEntry entry =
        metadata.pallet(pallet).orElseThrow().storageEntry(entryName).orElseThrow();
    final byte[] stored =
        Await.result(chopsticks.storage(StorageKey.of(metadata, pallet, entryName), blockHash))
            .orElse(entry.defaultValue());
    return new ValueCodec(metadata.types()).decode(entry.valueType(), stored);
  }

  private static byte[] bytes(final Value value) {
    return ((Value.Bytes) Value.unwrapNewtypes(value)).bytes();
  }
}
