package io.xrelay.substrate.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xrelay.crypto.Blake2b;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.scale.ScaleReader;
import io.xrelay.substrate.events.EventRecord;
import io.xrelay.substrate.extrinsic.ExtrinsicBuilder;
import io.xrelay.substrate.extrinsic.SignedExtrinsic;
import io.xrelay.substrate.extrinsic.SigningParameters;
import io.xrelay.substrate.keys.KeyPair;
import io.xrelay.substrate.keys.KeyScheme;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.storage.StorageKey;
import io.xrelay.substrate.value.Value;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real extrinsics, signed here and checked by the real Kusama runtime on the devnet. */
class ExtrinsicSubmissionIT {
  private static final BigInteger ONE_KSM = new BigInteger("1000000000000");

  private static Vertx vertx;
  private static WebSocketRpcClient rpc;
  private static SubstrateClient client;
  private static ExtrinsicSubmitter submitter;

  @BeforeAll
  static void connect() throws Exception {
    vertx = Vertx.vertx();
    rpc =
        Await.result(
            WebSocketRpcClient.connect(
                vertx,
                WebSocketRpcClient.Options.of(List.of(SharedDevnet.get().endpoints().kusamaWs()))));
    client = new SubstrateClient(rpc);
    submitter = new ExtrinsicSubmitter(vertx, client);
  }

  @AfterAll
  static void close() throws Exception {
    Await.result(rpc.close());
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldFinalizeATransferSignedWithEd25519() throws Exception {
    assertTransferFinalized(KeyPair.fromUri("//Alice", KeyScheme.ED25519));
  }

  @Test
  void shouldFinalizeATransferSignedWithEcdsa() throws Exception {
    assertTransferFinalized(KeyPair.fromUri("//Bob", KeyScheme.ECDSA));
  }

  private void assertTransferFinalized(final KeyPair sender) throws Exception {
    final byte[] recipient = freshAccount();
    final ExtrinsicOutcome outcome = transfer(sender, recipient, ONE_KSM);

    assertThat(outcome.status()).isEqualTo(ExtrinsicOutcome.Status.FINALIZED);
    assertThat(outcome.success()).isTrue();
    assertThat(outcome.dispatchError()).isEmpty();
    assertThat(outcome.events())
        .extracting(EventRecord::qualifiedName)
        .contains(
            "Balances.Transfer",
            "TransactionPayment.TransactionFeePaid",
            "System.ExtrinsicSuccess");
    final EventRecord transferEvent =
        outcome.events().stream()
            .filter(e -> e.is("Balances", "Transfer"))
            .findFirst()
            .orElseThrow();
    assertThat(transferEvent.fields().require("amount")).isEqualTo(Value.of(ONE_KSM));
    assertThat(freeBalance(recipient, outcome.blockHash())).isEqualTo(ONE_KSM);
  }

  @Test
  void shouldDecodeTheDispatchErrorOfATransferBeyondTheBalance() throws Exception {
    final KeyPair poor = KeyPair.fromUri("//Dave//poor" + UUID.randomUUID(), KeyScheme.ED25519);
    fund(poor.accountId(), ONE_KSM);

    final ExtrinsicOutcome outcome =
        transfer(poor, freshAccount(), ONE_KSM.multiply(BigInteger.valueOf(5)));

    assertThat(outcome.status()).isEqualTo(ExtrinsicOutcome.Status.FINALIZED);
    assertThat(outcome.success()).isFalse();
    assertThat(outcome.events())
        .extracting(EventRecord::qualifiedName)
        .contains("System.ExtrinsicFailed");
    assertThat(outcome.dispatchError())
        .get()
        .extracting(e -> e.describe())
        .isEqualTo("Token.FundsUnavailable");
  }

  @Test
  void shouldReportAnInvalidSignatureWithoutInclusion() throws Exception {
    final KeyPair alice = KeyPair.fromUri("//Charlie", KeyScheme.ED25519);
    final RuntimeMetadata metadata =
        Await.result(client.metadata(Await.result(client.finalizedHead())));
    final ExtrinsicBuilder builder = new ExtrinsicBuilder(metadata);
    final SigningParameters parameters =
        Await.result(submitter.signingParameters(alice.accountId()));
    final byte[] call = transferCall(builder, freshAccount(), ONE_KSM);
    final byte[] encoded = builder.sign(call, alice, parameters).encoded();
    encoded[encoded.length - call.length - 10] ^=
        1; // inside the signature region's extra: breaks the signed payload
    final ExtrinsicOutcome outcome =
        Await.result(
            submitter.submitAndWatch(new SignedExtrinsic(encoded), true, Duration.ofSeconds(60)));

    assertThat(outcome.status()).isEqualTo(ExtrinsicOutcome.Status.INVALID);
    assertThat(outcome.included()).isFalse();
    assertThat(outcome.reason()).contains("1010");
  }

  private static ExtrinsicOutcome transfer(
      final KeyPair sender, final byte[] recipient, final BigInteger amount) throws Exception {
    final RuntimeMetadata metadata =
        Await.result(client.metadata(Await.result(client.finalizedHead())));
    final ExtrinsicBuilder builder = new ExtrinsicBuilder(metadata);
    final SigningParameters parameters =
        Await.result(submitter.signingParameters(sender.accountId()));
    final SignedExtrinsic extrinsic =
        builder.sign(transferCall(builder, recipient, amount), sender, parameters);
    return Await.result(submitter.submitAndWatch(extrinsic, true, Duration.ofSeconds(60)));
  }

  private static byte[] transferCall(
      final ExtrinsicBuilder builder, final byte[] recipient, final BigInteger amount) {
    return builder.encodeCall(
        "Balances",
        "transfer_allow_death",
        Value.named(
            "dest", Value.variant("Id", Value.bytes(recipient)), "value", Value.of(amount)));
  }

  private static byte[] freshAccount() {
    return KeyPair.fromUri("//Recipient" + UUID.randomUUID(), KeyScheme.ED25519).accountId();
  }

  private static void fund(final byte[] account, final BigInteger amount) throws Exception {
    final JsonObject accountInfo =
        new JsonObject()
            .put("providers", 1)
            .put("data", new JsonObject().put("free", amount.toString()));
    final JsonArray entry =
        new JsonArray()
            .add(new JsonArray().add(io.xrelay.scale.Hex.encode(account)))
            .add(accountInfo);
    Await.result(
        rpc.call(
            "dev_setStorage",
            new JsonObject()
                .put("System", new JsonObject().put("Account", new JsonArray().add(entry)))));
  }

  private static BigInteger freeBalance(final byte[] account, final String at) throws Exception {
    final byte[] key =
        concat(StorageKey.prefix("System", "Account"), Blake2b.hash128(account), account);
    final byte[] info = Await.result(client.storage(key, at)).orElseThrow();
    final ScaleReader reader = ScaleReader.of(info);
    reader.skip(16); // nonce, consumers, providers, sufficients
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
