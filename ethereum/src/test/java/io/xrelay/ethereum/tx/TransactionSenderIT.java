package io.xrelay.ethereum.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.DevnetEthereumAccounts;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.ethereum.beefy.BeefyClientErrors;
import io.xrelay.ethereum.rpc.BlockTag;
import io.xrelay.ethereum.rpc.HttpEthereumRpc;
import io.xrelay.ethereum.rpc.Quantity;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

/** The transaction sender against the devnet's real anvil, one dev account per test. */
class TransactionSenderIT {
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final FeePolicy FEES = FeePolicy.of(GWEI.multiply(BigInteger.valueOf(1000)), GWEI);
  private static final String RECIPIENT = "0x000000000000000000000000000000000000beef";
  private static Vertx vertx;
  private static Devnet devnet;
  private static HttpEthereumRpc rpc;

  @BeforeAll
  static void connect() {
    vertx = Vertx.vertx();
    devnet = SharedDevnet.get();
    rpc =
        HttpEthereumRpc.create(
            vertx, HttpEthereumRpc.Options.of(List.of(devnet.endpoints().ethereumHttp())));
  }

  @AfterAll
  static void close() throws Exception {
    await(vertx.close());
  }

  @Test
  void shouldDeriveTheAddressAnvilFundsFromTheKey() throws Exception {
    final TransactionSender sender = sender(1, TransactionSender.Settings.of(FEES));
    assertThat(sender.address()).isEqualTo(DevnetEthereumAccounts.ACCOUNTS.get(1).address());
    assertThat(await(rpc.balance(sender.address(), BlockTag.LATEST))).isPositive();
  }

  @Test
  void shouldSendATransferAndKeepNoncesContinuousAcrossANewSenderInstance() throws Exception {
    final TransactionSender first = sender(3, TransactionSender.Settings.of(FEES));
    final long startNonce = first.nextNonce();
    final TransactionOutcome included = await(first.submit(transfer()));
    assertThat(included).isInstanceOf(TransactionOutcome.Included.class);
    final TransactionOutcome.Included ok = (TransactionOutcome.Included) included;
    assertThat(ok.transaction().nonce()).isEqualTo(startNonce);
    assertThat(ok.receipt().transactionHash()).isEqualTo(ok.transaction().hash());
    assertThat(ok.receipt().gasUsed()).isEqualTo(BigInteger.valueOf(21_000));

    // Sent but not yet mined when the "restart" happens: the pending nonce counts it.
    final SentTransaction inFlight = await(first.send(transfer()));
    final TransactionSender restarted = sender(3, TransactionSender.Settings.of(FEES));
    assertThat(restarted.nextNonce()).isEqualTo(inFlight.nonce() + 1);
    final TransactionOutcome afterRestart = await(restarted.submit(transfer()));
    assertThat(afterRestart.transaction().nonce()).isEqualTo(startNonce + 2);
    assertThat(await(restarted.track(inFlight))).isInstanceOf(TransactionOutcome.Included.class);
    assertThat(await(rpc.transactionCount(restarted.address(), BlockTag.LATEST)))
        .isEqualTo(startNonce + 3);
  }

  /**
   * Stuck by a fee too low: mining is paused, the transaction goes out at the current (low) base
   * fee, then anvil is told the next block's base fee is 50 gwei, above its max fee. Only the
   * replacement, with the same nonce and a fee raised to the new base fee, can be included.
   */
  @Test
  void shouldReplaceATransactionStuckBelowTheBaseFeeWithTheSameNonceAndAHigherFee()
      throws Exception {
    final TransactionSender sender =
        sender(
            1,
            new TransactionSender.Settings(
                FEES,
                Duration.ofMillis(500),
                Duration.ofSeconds(4),
                Duration.ofMinutes(2),
                Duration.ofSeconds(10)));
    final BigInteger highBaseFee = GWEI.multiply(BigInteger.valueOf(50));
    final SentTransaction stuck;
    await(rpc.request("evm_setIntervalMining", 0));
    try {
      stuck = await(sender.send(transfer()));
      assertThat(stuck.fees().maxFeePerGas()).isLessThan(highBaseFee);
      await(rpc.request("anvil_setNextBlockBaseFeePerGas", Quantity.format(highBaseFee)));
    } finally {
      await(rpc.request("evm_setIntervalMining", Math.max(1, devnetBlockSeconds())));
    }
    final TransactionOutcome outcome = await(sender.track(stuck));
    assertThat(outcome).isInstanceOf(TransactionOutcome.Included.class);
    final TransactionOutcome.Included included = (TransactionOutcome.Included) outcome;
    assertThat(included.transaction().nonce()).isEqualTo(stuck.nonce());
    assertThat(included.transaction().hashes()).hasSizeGreaterThan(1).startsWith(stuck.hash());
    assertThat(included.receipt().transactionHash()).isNotEqualTo(stuck.hash());
    assertThat(included.receipt().effectiveGasPrice()).isGreaterThan(stuck.fees().maxFeePerGas());
    System.out.printf(
        "replacement: %d versions, first max fee %s wei, included at %s wei%n",
        included.transaction().hashes().size(),
        stuck.fees().maxFeePerGas(),
        included.receipt().effectiveGasPrice());
  }

  @Test
  void shouldBroadcastNothingAndKeepTheNonceWhenTheJournalCannotWriteTheVersion() throws Exception {
    final TransactionSender sender = sender(2, TransactionSender.Settings.of(FEES));
    final long before = sender.nextNonce();
    final Throwable failure =
        awaitFailure(
            sender.send(
                transfer(), sent -> Future.failedFuture(new IllegalStateException("disk full"))));
    assertThat(failure).hasMessage("disk full");
    assertThat(sender.nextNonce()).isEqualTo(before);
    assertThat(await(rpc.transactionCount(sender.address(), BlockTag.PENDING))).isEqualTo(before);
  }

  /**
   * A restarted node forgets its pool. The transaction is journaled and sent while mining is
   * paused, then dropped from anvil's pool ({@code anvil_dropTransaction}, what a restart without
   * the pool does). A new sender (a restarted relayer) starts at the chain's nonce, resumes the
   * journaled transaction, broadcasts it again unchanged and gets it included under its first hash;
   * its next nonce is after it.
   */
  @Test
  void shouldRebroadcastAJournaledTransactionTheNodeLostWithTheSameNonceAndHash() throws Exception {
    final List<String> journal = new java.util.concurrent.CopyOnWriteArrayList<>();
    final TransactionSender first = sender(2, TransactionSender.Settings.of(FEES));
    final SentTransaction sent;
    await(rpc.request("evm_setIntervalMining", 0));
    try {
      sent =
          await(
              first.send(
                  transfer(),
                  version -> {
                    journal.add(version.toJson());
                    return Future.succeededFuture();
                  }));
      assertThat(journal).hasSize(1);
      await(rpc.request("anvil_dropTransaction", sent.hash()));
      assertThat(await(rpc.transactionCount(first.address(), BlockTag.PENDING)))
          .isEqualTo(sent.nonce());
    } finally {
      await(rpc.request("evm_setIntervalMining", Math.max(1, devnetBlockSeconds())));
    }
    final TransactionSender restarted =
        sender(
            2, TransactionSender.Settings.of(FEES).withRebroadcastAfter(Duration.ofMillis(1500)));
    assertThat(restarted.nextNonce()).isEqualTo(sent.nonce());

    final TransactionOutcome outcome =
        await(restarted.track(SentTransaction.fromJson(journal.get(0))));

    assertThat(outcome).isInstanceOf(TransactionOutcome.Included.class);
    assertThat(((TransactionOutcome.Included) outcome).receipt().transactionHash())
        .isEqualTo(sent.hash());
    assertThat(restarted.nextNonce()).isEqualTo(sent.nonce() + 1);
  }

  @Test
  void shouldRefuseToSpendANonceOnACallThatEstimationSaysWouldRevert() throws Exception {
    final TransactionSender sender = sender(1, TransactionSender.Settings.of(FEES));
    final long before = sender.nextNonce();
    final String beefyClient = devnet.beefyClient().orElseThrow().address();
    // commitPrevRandao for a ticket that does not exist: InvalidTicket.
    final Throwable failure =
        awaitFailure(
            sender.send(
                TransactionRequest.call(
                    beefyClient,
                    io.xrelay.ethereum.beefy.BeefyClient.commitPrevRandao(
                        io.xrelay.proofs.H256.fromHex("0x" + "42".repeat(32))))));
    assertThat(failure).isInstanceOf(TransactionException.class);
    final TransactionException error = (TransactionException) failure;
    assertThat(error.kind()).isEqualTo(TransactionException.Kind.WOULD_REVERT);
    assertThat(error.retryable()).isFalse();
    assertThat(error.revertReason())
        .hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo("InvalidTicket"));
    assertThat(sender.nextNonce()).isEqualTo(before);
  }

  @Test
  void shouldHandBackAReceiptOnlyOnceItsBlockIsFinalizedAndCanonical() throws Exception {
    final TransactionSender sender = sender(1, TransactionSender.Settings.of(FEES));
    final TransactionOutcome outcome = await(sender.submit(transfer()));
    assertThat(outcome).isInstanceOf(TransactionOutcome.Included.class);
    final var included = ((TransactionOutcome.Included) outcome).receipt();
    final var receipt = await(sender.awaitFinal(included.transactionHash()));
    assertThat(receipt.blockHash()).isEqualTo(included.blockHash());
    assertThat(await(rpc.block(BlockTag.FINALIZED)).orElseThrow().number())
        .isGreaterThanOrEqualTo(receipt.blockNumber());
    assertThat(await(rpc.block(BlockTag.number(receipt.blockNumber()))).orElseThrow().hash())
        .isEqualTo(receipt.blockHash());
  }

  /**
   * With mining stopped and blocks made one at a time, a receipt one block below the head is at
   * anvil's {@code safe} block but above its {@code finalized} one: final to a probe that settles
   * at safe, only included to one that settles at finalized.
   */
  @Test
  void shouldCountAReceiptFinalAtTheSafeBlockOnlyWhenSettlingAtSafe() throws Exception {
    final TransactionSender sender = sender(2, TransactionSender.Settings.of(FEES));
    final ReceiptFinality atSafe =
        new ReceiptFinality(vertx, rpc, Duration.ofMillis(200), BlockTag.SAFE);
    final ReceiptFinality atFinalized =
        new ReceiptFinality(vertx, rpc, Duration.ofMillis(200), BlockTag.FINALIZED);
    await(rpc.request("evm_setIntervalMining", 0));
    try {
      final SentTransaction sent = await(sender.send(transfer()));
      await(rpc.request("evm_mine"));
      await(rpc.request("evm_mine"));
      final long included = await(rpc.receipt(sent.hash())).orElseThrow().blockNumber();
      assertThat(await(rpc.block(BlockTag.SAFE)).orElseThrow().number()).isEqualTo(included);
      assertThat(await(rpc.block(BlockTag.FINALIZED)).orElseThrow().number()).isLessThan(included);

      assertThat(await(atSafe.probe(sent.hash())).standing())
          .isEqualTo(ReceiptFinality.Standing.FINAL);
      assertThat(await(atFinalized.probe(sent.hash())).standing())
          .isEqualTo(ReceiptFinality.Standing.INCLUDED);
      assertThat(await(atFinalized.probe("0x" + "ab".repeat(32))).standing())
          .isEqualTo(ReceiptFinality.Standing.NOT_INCLUDED);
    } finally {
      await(rpc.request("evm_setIntervalMining", Math.max(1, devnetBlockSeconds())));
    }
  }

  /** SharedDevnet's block interval, restored after the pause. */
  private static long devnetBlockSeconds() {
    return 2;
  }

  private static TransactionRequest transfer() {
    return new TransactionRequest(
        Optional.of(RECIPIENT), new byte[0], BigInteger.ONE, Optional.empty());
  }

  private static TransactionSender sender(
      final int account, final TransactionSender.Settings settings) throws Exception {
    return await(
        TransactionSender.start(
            vertx,
            rpc,
            Numeric.hexStringToByteArray(DevnetEthereumAccounts.ACCOUNTS.get(account).privateKey()),
            settings,
            BeefyClientErrors.DECODER));
  }

  static <T> T await(final Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(180, TimeUnit.SECONDS);
  }

  static Throwable awaitFailure(final Future<?> future) throws Exception {
    try {
      await(future);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure");
  }
}
