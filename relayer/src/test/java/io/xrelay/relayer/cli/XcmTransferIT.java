package io.xrelay.relayer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xrelay.crypto.Blake2b;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleReader;
import io.xrelay.substrate.client.SubstrateClient;
import io.xrelay.substrate.client.WebSocketRpcClient;
import io.xrelay.substrate.keys.KeyPair;
import io.xrelay.substrate.keys.KeyScheme;
import io.xrelay.substrate.keys.Ss58;
import io.xrelay.substrate.storage.StorageKey;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code relayer xcm transfer} run in-process against the devnet's real Kusama and Asset Hub
 * runtimes: KSM teleported down and up, checked by the beneficiary's balance before and after, and
 * two transfers that fail on the destination, followed to their failure.
 */
class XcmTransferIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigInteger PLANCK_PER_KSM = BigInteger.TEN.pow(12);

  /**
   * pallet-xcm's check account ("modlpy/xcmch"), which pays out teleports arriving at the relay.
   */
  private static final byte[] RELAY_CHECK_ACCOUNT =
      Hex.decode("0x6d6f646c70792f78636d63680000000000000000000000000000000000000000");

  private static Devnet devnet;
  private static Vertx vertx;
  private static WebSocketRpcClient kusamaRpc;
  private static WebSocketRpcClient assetHubRpc;

  @BeforeAll
  static void connect() throws Exception {
    devnet = SharedDevnet.get();
    vertx = Vertx.vertx();
    kusamaRpc = await(connect(devnet.endpoints().kusamaWs()));
    assetHubRpc = await(connect(devnet.endpoints().assetHubWs()));
    // On a fresh relay the check account is empty until a first downward teleport, and an upward
    // teleport then fails (chopsticks-devnet.md, F0): fund it so the tests do not depend on order.
    await(
        kusamaRpc.call(
            "dev_setStorage",
            new JsonObject()
                .put(
                    "System",
                    new JsonObject()
                        .put(
                            "Account",
                            new JsonArray()
                                .add(
                                    new JsonArray()
                                        .add(new JsonArray().add(Hex.encode(RELAY_CHECK_ACCOUNT)))
                                        .add(
                                            new JsonObject()
                                                .put("providers", 1)
                                                .put(
                                                    "data",
                                                    new JsonObject()
                                                        .put("free", "100000000000000000"))))))));
  }

  @AfterAll
  static void close() throws Exception {
    await(kusamaRpc.close());
    await(assetHubRpc.close());
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldTeleportKsmDownToAssetHubAndCreditTheBeneficiary() throws Exception {
    final byte[] beneficiary = freshAccount();
    final BigInteger before = freeBalance(assetHubRpc, beneficiary);

    final CommandLineRun run =
        transfer(
            "kusama",
            "asset-hub-kusama",
            "2.5",
            Ss58.encode(beneficiary, Ss58.KUSAMA),
            "//Alice",
            "ed25519");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    final JsonNode result = JSON.readTree(run.out());
    assertThat(result.path("outcome").asText()).isEqualTo("success");
    assertThat(result.path("error").isNull()).isTrue();
    assertThat(result.path("messageId").asText()).matches("0x[0-9a-f]{64}");
    assertThat(result.path("origin").path("chain").asText()).isEqualTo("kusama");
    assertThat(result.path("origin").path("block").asLong()).isPositive();
    assertThat(result.path("origin").path("extrinsic").asText()).matches("0x[0-9a-f]{64}");
    assertThat(result.path("destination").path("chain").asText()).isEqualTo("asset-hub-kusama");
    assertThat(result.path("destination").path("block").asLong()).isPositive();
    assertThat(result.path("destination").path("event").asText())
        .isEqualTo("DmpQueue.ExecutedDownward");
    assertThat(result.path("call").asText()).isEqualTo("limited_teleport_assets");

    final BigInteger sent = new BigInteger("2500000000000");
    final BigInteger gained = freeBalance(assetHubRpc, beneficiary).subtract(before);
    assertThat(gained).isEqualTo(new BigInteger(result.path("credited").asText()));
    // the destination keeps its execution fee, a few million planck
    assertThat(gained)
        .isLessThan(sent)
        .isGreaterThan(sent.subtract(PLANCK_PER_KSM.divide(BigInteger.valueOf(1000))));
  }

  @Test
  void shouldTeleportKsmUpToTheRelayWithAnEcdsaSigner() throws Exception {
    final KeyPair sender = KeyPair.fromUri("//Bob", KeyScheme.ECDSA);
    final byte[] beneficiary = freshAccount();
    final BigInteger before = freeBalance(kusamaRpc, beneficiary);
    final BigInteger senderBefore = freeBalance(assetHubRpc, sender.accountId());

    final CommandLineRun run =
        transfer("asset-hub-kusama", "kusama", "1", Hex.encode(beneficiary), "//Bob", "ecdsa");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    final JsonNode result = JSON.readTree(run.out());
    assertThat(result.path("outcome").asText()).isEqualTo("success");
    assertThat(result.path("destination").path("event").asText())
        .isEqualTo("MessageQueue.Processed");
    assertThat(result.path("messageId").asText()).matches("0x[0-9a-f]{64}");
    // the relay reports the topic, not the hash, when the message passed the barrier
    assertThat(result.path("messageId").asText()).isNotEqualTo(result.path("messageHash").asText());

    final BigInteger gained = freeBalance(kusamaRpc, beneficiary).subtract(before);
    assertThat(gained).isEqualTo(new BigInteger(result.path("credited").asText()));
    assertThat(gained)
        .isLessThan(PLANCK_PER_KSM)
        .isGreaterThan(
            PLANCK_PER_KSM.multiply(BigInteger.valueOf(99)).divide(BigInteger.valueOf(100)));
    final BigInteger fee = new BigInteger(result.path("transactionFee").asText());
    assertThat(senderBefore.subtract(freeBalance(assetHubRpc, sender.accountId())))
        .isEqualTo(PLANCK_PER_KSM.add(fee));
  }

  @Test
  void shouldReportTooExpensiveWhenTheAmountCannotPayForExecution() throws Exception {
    final byte[] beneficiary = freshAccount();

    // 1,000,000 planck: less than Asset Hub's execution fee of about 4.5 million
    final CommandLineRun run =
        transfer(
            "kusama",
            "asset-hub-kusama",
            "0.000001",
            Ss58.encode(beneficiary, Ss58.KUSAMA),
            "//Charlie",
            "ed25519");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    final JsonNode result = JSON.readTree(run.out());
    assertThat(result.path("outcome").asText()).isEqualTo("fail");
    assertThat(result.path("error").asText()).contains("Incomplete").contains("TooExpensive");
    assertThat(result.path("destination").path("block").asLong()).isPositive();
    assertThat(result.path("origin").path("block").asLong()).isPositive();
    assertThat(freeBalance(assetHubRpc, beneficiary)).isZero();
  }

  @Test
  void shouldReportTheTrappedAssetsWhenTheBeneficiaryCannotHoldThem() throws Exception {
    // A 20-byte account is no account on Asset Hub: the deposit fails and what is left in holding
    // is trapped.
    final String key20 = "0x" + "ab".repeat(20);

    final CommandLineRun run =
        transfer("kusama", "asset-hub-kusama", "1", key20, "//Dave", "ed25519");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    final JsonNode result = JSON.readTree(run.out());
    assertThat(result.path("outcome").asText()).isEqualTo("fail");
    assertThat(result.path("error").asText()).contains("FailedToTransactAsset");
    assertThat(result.path("trappedAssets")).hasSize(1);
    assertThat(result.path("trappedAssets").get(0).asText()).contains("Concrete");
  }

  @Test
  void shouldNameTheOptionOfBadInput() {
    final String beneficiary = Ss58.encode(freshAccount(), Ss58.KUSAMA);

    final CommandLineRun unknownChain =
        transfer("kusama", "moonriver", "1", beneficiary, "//Alice", "ed25519");
    final CommandLineRun badAmount =
        transfer(
            "kusama", "asset-hub-kusama", "1.0000000000001", beneficiary, "//Alice", "ed25519");
    final CommandLineRun badBeneficiary =
        transfer("kusama", "asset-hub-kusama", "1", "0x1234", "//Alice", "ed25519");
    final CommandLineRun sr25519 =
        transfer("kusama", "asset-hub-kusama", "1", beneficiary, "//Alice", "sr25519");

    assertThat(unknownChain.exitCode()).isEqualTo(2);
    assertThat(unknownChain.err()).contains("--to: unknown chain 'moonriver'");
    assertThat(badAmount.exitCode()).isEqualTo(2);
    assertThat(badAmount.err()).contains("--amount").contains("12 decimal places");
    assertThat(badBeneficiary.exitCode()).isEqualTo(2);
    assertThat(badBeneficiary.err()).contains("--beneficiary").contains("2 bytes");
    assertThat(sr25519.exitCode()).isEqualTo(2);
    assertThat(sr25519.err()).contains("--scheme: sr25519 is not implemented");
  }

  @Test
  void shouldBuildAndSignWithoutSubmittingOnADryRun() throws Exception {
    final byte[] beneficiary = freshAccount();
    final BigInteger senderBefore =
        freeBalance(kusamaRpc, KeyPair.fromUri("//Eve", KeyScheme.ED25519).accountId());

    final CommandLineRun run =
        CommandLineRun.of(
            "xcm",
            "transfer",
            "--config",
            devnet.configFile().toString(),
            "--from",
            "kusama",
            "--to",
            "asset-hub-kusama",
            "--asset",
            "ksm",
            "--amount",
            "3",
            "--beneficiary",
            Hex.encode(beneficiary),
            "--key",
            "//Eve",
            "--dry-run",
            "--json");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    final JsonNode result = JSON.readTree(run.out());
    assertThat(result.path("outcome").asText()).isEqualTo("dry-run");
    assertThat(result.path("origin").path("block").isNull()).isTrue();
    assertThat(result.path("amountPlanck").asText()).isEqualTo("3000000000000");
    assertThat(result.path("notes").toString())
        .contains("DryRunApi: not offered")
        .contains("XcmPaymentApi: not offered");
    assertThat(freeBalance(kusamaRpc, KeyPair.fromUri("//Eve", KeyScheme.ED25519).accountId()))
        .isEqualTo(senderBefore);
  }

  private static CommandLineRun transfer(
      final String from,
      final String to,
      final String amount,
      final String beneficiary,
      final String key,
      final String scheme) {
    return CommandLineRun.of(
        "xcm",
        "transfer",
        "--config",
        devnet.configFile().toString(),
        "--from",
        from,
        "--to",
        to,
        "--asset",
        "KSM",
        "--amount",
        amount,
        "--beneficiary",
        beneficiary,
        "--key",
        key,
        "--scheme",
        scheme,
        "--timeout",
        "90",
        "--json");
  }

  private static byte[] freshAccount() {
    return KeyPair.fromUri("//Beneficiary" + UUID.randomUUID(), KeyScheme.ED25519).accountId();
  }

  /** System.Account(account).data.free at the best block; zero for an account that is not. */
  private static BigInteger freeBalance(final WebSocketRpcClient rpc, final byte[] account)
      throws Exception {
    final ByteArrayOutputStream key = new ByteArrayOutputStream();
    key.writeBytes(StorageKey.prefix("System", "Account"));
    key.writeBytes(Blake2b.hash128(account));
    key.writeBytes(account);
    final var info = await(new SubstrateClient(rpc).storage(key.toByteArray(), null));
    if (info.isEmpty()) {
      return BigInteger.ZERO;
    }
    final ScaleReader reader = ScaleReader.of(info.get());
    reader.skip(16); // nonce, consumers, providers, sufficients
    return reader.readU128();
  }

  private static Future<WebSocketRpcClient> connect(final String endpoint) {
    return WebSocketRpcClient.connect(vertx, WebSocketRpcClient.Options.of(List.of(endpoint)));
  }

  private static <T> T await(final Future<T> future) throws Exception {
    return future.await(60, TimeUnit.SECONDS);
  }
}
