package io.xrelay.ethereum.beefy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.xrelay.crypto.secp256k1.EthereumAddress;
import io.xrelay.devnet.BeefyClientDeployment;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.DevnetEthereumAccounts;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.ethereum.revert.CustomErrorType;
import io.xrelay.ethereum.revert.RevertReason;
import io.xrelay.ethereum.rpc.BlockTag;
import io.xrelay.ethereum.rpc.CallRequest;
import io.xrelay.ethereum.rpc.EthereumRpcException;
import io.xrelay.ethereum.rpc.HttpEthereumRpc;
import io.xrelay.ethereum.tx.FeePolicy;
import io.xrelay.ethereum.tx.TransactionOutcome;
import io.xrelay.ethereum.tx.TransactionRequest;
import io.xrelay.ethereum.tx.TransactionSender;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.beefy.BeefyCommitment;
import io.xrelay.proofs.beefy.BeefyValidatorSet;
import io.xrelay.proofs.calldata.ValidatorProof;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleReader;
import io.xrelay.substrate.storage.StorageKey;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

/**
 * The real BeefyClient, compiled from npm and deployed by the devnet, read through our bindings.
 */
class BeefyClientIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Vertx vertx;
  private static Devnet devnet;
  private static HttpEthereumRpc rpc;
  private static BeefyClient client;
  private static BeefyClientDeployment deployment;

  @BeforeAll
  static void connect() {
    vertx = Vertx.vertx();
    devnet = SharedDevnet.get();
    deployment = devnet.beefyClient().orElseThrow();
    rpc =
        HttpEthereumRpc.create(
            vertx, HttpEthereumRpc.Options.of(List.of(devnet.endpoints().ethereumHttp())));
    client = new BeefyClient(rpc, deployment.address());
  }

  @AfterAll
  static void close() throws Exception {
    await(vertx.close());
  }

  @Test
  void shouldHoldTheValidatorSetsOfTheRelayChainStorageAndStartAtTheConfiguredBlock()
      throws Exception {
    // Recomputed here from the relay chain's storage at the block the contract starts from.
    final String relay = devnet.endpoints().kusamaHttp();
    final String at =
        relayCall(relay, "chain_getBlockHash", deployment.initialBeefyBlock()).asText();
    final long setId = ScaleReader.ofHex(storage(relay, "ValidatorSetId", at)).readU64();
    final BeefyValidatorSet current = set(relay, "Authorities", setId, at);
    final BeefyValidatorSet next = set(relay, "NextAuthorities", setId + 1, at);

    assertThat(await(client.currentValidatorSet(BlockTag.LATEST)))
        .isEqualTo(ValidatorSetState.of(current));
    assertThat(await(client.nextValidatorSet(BlockTag.LATEST)))
        .isEqualTo(ValidatorSetState.of(next));
    assertThat(current.size()).isGreaterThanOrEqualTo(1);
    assertThat(current.members()).allMatch(java.util.Optional::isPresent);
    assertThat(await(client.latestBeefyBlock(BlockTag.LATEST)))
        .isEqualTo(deployment.initialBeefyBlock());
    assertThat(await(client.latestMmrRoot(BlockTag.LATEST))).isEqualTo(H256.ZERO);
    assertThat(await(client.randaoCommitDelay())).isEqualTo(3L);
    assertThat(devnet.toJson().path("contracts").path("beefyClient").asText())
        .isEqualTo(deployment.address());
    assertThat(java.nio.file.Files.readString(devnet.configFile()))
        .contains("BeefyClient on the devnet's Ethereum: " + deployment.address());
    assertThat(deployment.deployGas())
        .isBetween(BigInteger.valueOf(3_000_000), BigInteger.valueOf(6_000_000));
    System.out.printf("BeefyClient deploy gas: %s%n", deployment.deployGas());
  }

  @Test
  void shouldKnowEveryCustomErrorOfTheCompiledAbi() throws Exception {
    final JsonNode abi = JSON.readTree(Path.of(deployment.artifact()).toFile()).path("abi");
    final List<CustomErrorType> compiled = new ArrayList<>();
    for (final JsonNode entry : abi) {
      if ("error".equals(entry.path("type").asText())) {
        final List<String> types = new ArrayList<>();
        entry.path("inputs").forEach(input -> types.add(input.path("type").asText()));
        compiled.add(new CustomErrorType(entry.path("name").asText(), types));
      }
    }
    assertThat(compiled).hasSize(23);
    assertThat(BeefyClientErrors.ALL).containsExactlyInAnyOrderElementsOf(compiled);
  }

  @Test
  void shouldBuildTheInitialBitfieldAsTheContractDoes() throws Exception {
    assertThat(await(client.createInitialBitfield(List.of(0, 2, 300), 301)))
        .containsExactly(BigInteger.valueOf(5), BigInteger.ONE.shiftLeft(44));
  }

  @Test
  void shouldDecodeTheContractsRevertOfAStaleCommitmentInAnEthCall() throws Exception {
    final byte[] calldata =
        BeefyClient.submitInitial(staleCommitment(), List.of(BigInteger.ONE), dummyProof());
    final EthereumRpcException error =
        failure(rpc.call(CallRequest.of(deployment.address(), calldata), BlockTag.LATEST));
    assertThat(error.kind()).isEqualTo(EthereumRpcException.Kind.EXECUTION_REVERTED);
    assertThat(BeefyClientErrors.DECODER.decode(error.revertData().orElseThrow()).describe())
        .isEqualTo("StaleCommitment()");
  }

  @Test
  void shouldDecodeTheReasonOfAMinedSubmitInitialThatReverts() throws Exception {
    final TransactionSender sender =
        await(
            TransactionSender.start(
                vertx,
                rpc,
                Numeric.hexStringToByteArray(DevnetEthereumAccounts.ACCOUNTS.get(2).privateKey()),
                TransactionSender.Settings.of(
                    FeePolicy.of(BigInteger.TEN.pow(12), BigInteger.TEN.pow(9))),
                BeefyClientErrors.DECODER));
    // A set id the contract does not know: InvalidCommitment. The gas limit is given, because
    // estimation would refuse a call that reverts.
    final BeefyCommitment unknownSet =
        BeefyCommitment.ofMmrRoot(
            H256.fromHex("0x" + "01".repeat(32)), deployment.initialBeefyBlock() + 1, 9_999);
    final TransactionOutcome outcome =
        await(
            sender.submit(
                TransactionRequest.call(
                        deployment.address(),
                        BeefyClient.submitInitial(
                            unknownSet, List.of(BigInteger.ONE), dummyProof()))
                    .withGasLimit(BigInteger.valueOf(500_000))));
    assertThat(outcome).isInstanceOf(TransactionOutcome.Reverted.class);
    final TransactionOutcome.Reverted reverted = (TransactionOutcome.Reverted) outcome;
    assertThat(reverted.reason()).isInstanceOf(RevertReason.CustomError.class);
    assertThat(reverted.reason().describe()).isEqualTo("InvalidCommitment()");
    assertThat(reverted.receipt().succeeded()).isFalse();
  }

  private static BeefyCommitment staleCommitment() {
    return BeefyCommitment.ofMmrRoot(
        H256.fromHex("0x" + "01".repeat(32)),
        deployment.initialBeefyBlock(),
        deployment.currentSetId());
  }

  private static ValidatorProof dummyProof() {
    return new ValidatorProof(
        27,
        H256.fromHex("0x" + "11".repeat(32)),
        H256.fromHex("0x" + "22".repeat(32)),
        BigInteger.ZERO,
        EthereumAddress.fromHex("0x" + "33".repeat(20)),
        List.of());
  }

  private static BeefyValidatorSet set(
      final String relay, final String entry, final long id, final String at) throws Exception {
    final ScaleReader reader = ScaleReader.ofHex(storage(relay, entry, at));
    final int count = reader.readLength(entry, 33);
    final List<byte[]> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(reader.readBytes(33));
    }
    return BeefyValidatorSet.ofAuthorityIds(id, keys);
  }

  private static String storage(final String relay, final String entry, final String at)
      throws Exception {
    return relayCall(relay, "state_getStorage", Hex.encode(StorageKey.prefix("Beefy", entry)), at)
        .asText();
  }

  private static JsonNode relayCall(
      final String endpoint, final String method, final Object... params) throws Exception {
    final String body =
        JSON.writeValueAsString(
            java.util.Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", params));
    final HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(endpoint))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body()).path("result");
  }

  static <T> T await(final Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }

  static EthereumRpcException failure(final Future<?> future) throws Exception {
    try {
      await(future);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(EthereumRpcException.class);
      return (EthereumRpcException) e.getCause();
    }
    throw new AssertionError("expected a failure");
  }
}
