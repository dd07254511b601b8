package io.xrelay.ethereum.tx;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.xrelay.ethereum.revert.RevertDecoder;
import io.xrelay.ethereum.rpc.Block;
import io.xrelay.ethereum.rpc.BlockTag;
import io.xrelay.ethereum.rpc.CallRequest;
import io.xrelay.ethereum.rpc.EthereumRpc;
import io.xrelay.ethereum.rpc.EthereumRpcException;
import io.xrelay.ethereum.rpc.TransactionReceipt;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The transaction manager of one account: EIP-1559 fees within a {@link FeePolicy}, nonces, receipt
 * tracking, replacement of a transaction that is not included in time (same nonce, higher fees),
 * and the revert reason of a transaction that failed.
 *
 * <p>Nonces: {@link #start} takes the chain's pending nonce, so a restart continues where the chain
 * is. A caller that must not send twice gives a {@link Journal}: every version of a transaction is
 * written there before it is broadcast, and after a restart {@link #track} resumes it with its
 * nonce (re-broadcasting it if the node lost it, as a restarted node loses its pool), so one step
 * can never be mined twice. One sender per account and process: two senders with one key race for
 * nonces (the loser's transactions end as {@link TransactionOutcome.NonceTaken}).
 */
public final class TransactionSender {
  private static final System.Logger LOG = System.getLogger(TransactionSender.class.getName());
  private static final BigInteger GAS_MARGIN_PERCENT = BigInteger.valueOf(125);

  /**
   * @param receiptPollInterval how often to ask for receipts
   * @param replaceAfter how long a version may stay pending before it is replaced
   * @param giveUpAfter how long to track before failing with {@link
   *     TransactionException.Kind#NOT_INCLUDED}
   * @param rebroadcastAfter how long a version may go unmined before it is broadcast again
   *     (unchanged, so the same hash): a node that restarted or evicted it has forgotten it
   */
  public record Settings(
      FeePolicy fees,
      Duration receiptPollInterval,
      Duration replaceAfter,
      Duration giveUpAfter,
      Duration rebroadcastAfter) {
    public static Settings of(final FeePolicy fees) {
      return new Settings(
          fees,
          Duration.ofSeconds(1),
          Duration.ofSeconds(60),
          Duration.ofMinutes(15),
          Duration.ofSeconds(10));
    }

    public Settings withReplaceAfter(final Duration replace) {
      return new Settings(fees, receiptPollInterval, replace, giveUpAfter, rebroadcastAfter);
    }

    public Settings withRebroadcastAfter(final Duration rebroadcast) {
      return new Settings(fees, receiptPollInterval, replaceAfter, giveUpAfter, rebroadcast);
    }
  }

  /**
   * Where each version of a transaction is written before it goes out (a store record, say). A
   * failed write stops the broadcast; the version is then never sent.
   */
  @FunctionalInterface
  public interface Journal {
    Journal NONE = sent -> Future.succeededFuture();

    Future<Void> write(SentTransaction sent);
  }

  private final Vertx vertx;
  private final EthereumRpc rpc;
  private final Credentials credentials;
  private final long chainId;
  private final Settings settings;
  private final RevertDecoder revertDecoder;
  private long nextNonce;

  /** Nonces of versions sent or being tracked here that are not settled yet (guarded by this). */
  private final java.util.Set<Long> unsettled = new java.util.HashSet<>();

  private TransactionSender(
      final Vertx vertx,
      final EthereumRpc rpc,
      final Credentials credentials,
      final long chainId,
      final long nextNonce,
      final Settings settings,
      final RevertDecoder revertDecoder) {
    this.vertx = vertx;
    this.rpc = rpc;
    this.credentials = credentials;
    this.chainId = chainId;
    this.nextNonce = nextNonce;
    this.settings = settings;
    this.revertDecoder = revertDecoder;
  }

  /**
   * A sender for the account of {@code privateKey} (32 bytes; not kept in any form that prints),
   * starting at the chain's pending nonce.
   */
  public static Future<TransactionSender> start(
      final Vertx vertx,
      final EthereumRpc rpc,
      final byte[] privateKey,
      final Settings settings,
      final RevertDecoder revertDecoder) {
    if (privateKey.length != 32) {
      return Future.failedFuture(new IllegalArgumentException("a private key is 32 bytes"));
    }
    final Credentials credentials =
        Credentials.create(ECKeyPair.create(new BigInteger(1, privateKey)));
    final String address = credentials.getAddress();
    return rpc.chainId()
        .compose(
            chainId ->
                rpc.transactionCount(address, BlockTag.PENDING)
                    .map(
                        nonce ->
                            new TransactionSender(
                                vertx, rpc, credentials, chainId, nonce, settings, revertDecoder)));
  }

  /** The account's address, lower-case hex. */
  public String address() {
    return credentials.getAddress().toLowerCase(Locale.ROOT);
  }

  /** The nonce the next transaction gets. */
  public synchronized long nextNonce() {
    return nextNonce;
  }

  /** Sends and tracks until included (or reverted, or its nonce is taken). */
  public Future<TransactionOutcome> submit(final TransactionRequest request) {
    return submit(request, Journal.NONE);
  }

  /** {@link #submit(TransactionRequest)}, each version written to {@code journal} first. */
  public Future<TransactionOutcome> submit(
      final TransactionRequest request, final Journal journal) {
    return send(request, journal).compose(sent -> track(sent, journal));
  }

  /**
   * Signs and sends {@code request} with the next nonce; completes once the node accepted it.
   * Estimation that reverts fails with {@link TransactionException.Kind#WOULD_REVERT} and uses no
   * nonce.
   */
  public Future<SentTransaction> send(final TransactionRequest request) {
    return send(request, Journal.NONE);
  }

  /** {@link #send(TransactionRequest)}, the signed version written to {@code journal} first. */
  public Future<SentTransaction> send(final TransactionRequest request, final Journal journal) {
    return gasLimit(request)
        .compose(
            gas ->
                Future.all(currentBaseFee(), rpc.transactionCount(address(), BlockTag.PENDING))
                    .compose(
                        both -> {
                          final FeePolicy.Fees fees =
                              settings.fees().initial(both.<BigInteger>resultAt(0));
                          final long nonce = allocateNonce(both.<Long>resultAt(1));
                          final Signed signed = sign(nonce, request, gas, fees);
                          final SentTransaction sent =
                              new SentTransaction(
                                  address(), nonce, request, gas, fees, List.of(signed.hash()));
                          return journal
                              .write(sent)
                              .compose(v -> push(signed))
                              .map(hash -> sent)
                              .recover(
                                  failure -> {
                                    settled(nonce);
                                    return resyncNonce()
                                        .transform(r -> Future.failedFuture(failure));
                                  });
                        }));
  }

  /**
   * Follows {@code sent} until one of its versions has a receipt, replacing it with higher fees
   * when it stays pending for {@link Settings#replaceAfter}. Works on a transaction a previous
   * process sent, too.
   */
  public Future<TransactionOutcome> track(final SentTransaction sent) {
    return track(sent, Journal.NONE);
  }

  /**
   * {@link #track(SentTransaction)}, replacements written to {@code journal} before they go out. A
   * transaction of a previous process keeps its nonce: later sends take the ones after it.
   */
  public Future<TransactionOutcome> track(final SentTransaction sent, final Journal journal) {
    synchronized (this) {
      nextNonce = Math.max(nextNonce, sent.nonce() + 1);
      unsettled.add(sent.nonce());
    }
    final long now = System.nanoTime();
    final long deadline = now + settings.giveUpAfter().toNanos();
    return poll(sent, journal, now, now, deadline).onComplete(done -> settled(sent.nonce()));
  }

  /**
   * The receipt of {@code transactionHash} once its block is at or below the finalized block and
   * still canonical; read again if a reorg moved it. Bound the wait with {@code Future.timeout}.
   */
  public Future<TransactionReceipt> awaitFinal(final String transactionHash) {
    return new ReceiptFinality(vertx, rpc, settings.receiptPollInterval())
        .awaitFinal(transactionHash);
  }

  private Future<TransactionOutcome> poll(
      final SentTransaction sent,
      final Journal journal,
      final long versionSentAt,
      final long broadcastAt,
      final long deadline) {
    return firstReceipt(sent.hashes(), 0)
        .compose(
            receipt -> {
              if (receipt.isPresent()) {
                return outcome(sent, receipt.get());
              }
              if (System.nanoTime() > deadline) {
                return Future.failedFuture(
                    new TransactionException(
                        TransactionException.Kind.NOT_INCLUDED,
                        "nonce " + sent.nonce() + " not included in " + settings.giveUpAfter()));
              }
              return rpc.transactionCount(sent.from(), BlockTag.LATEST)
                  .compose(
                      minedNonce -> {
                        if (minedNonce > sent.nonce()) {
                          // Mined, but not by a hash we know, or our receipt is one poll away:
                          // look once more before declaring the nonce taken.
                          return firstReceipt(sent.hashes(), 0)
                              .compose(
                                  again ->
                                      again.isPresent()
                                          ? outcome(sent, again.get())
                                          : Future.succeededFuture(
                                              new TransactionOutcome.NonceTaken(sent)));
                        }
                        final long now = System.nanoTime();
                        final boolean stuck =
                            now - versionSentAt > settings.replaceAfter().toNanos();
                        final boolean forgotten =
                            now - broadcastAt > settings.rebroadcastAfter().toNanos();
                        if (forgotten && minedNonce < sent.nonce() && !isUnsettled(minedNonce)) {
                          return Future.failedFuture(
                              new TransactionException(
                                  TransactionException.Kind.NONCE_GAP,
                                  "nonce "
                                      + sent.nonce()
                                      + " waits behind nonce "
                                      + minedNonce
                                      + ", which nothing here sends (the node lost it)"));
                        }
                        final Future<SentTransaction> next =
                            stuck
                                ? replace(sent, journal)
                                : forgotten
                                    ? rebroadcast(sent).map(sent)
                                    : Future.succeededFuture(sent);
                        return next.compose(
                            current ->
                                delay(settings.receiptPollInterval())
                                    .compose(
                                        v ->
                                            poll(
                                                current,
                                                journal,
                                                current == sent ? versionSentAt : now,
                                                stuck || forgotten ? now : broadcastAt,
                                                deadline)));
                      });
            });
  }

  /**
   * The latest version again, signed again to the same bytes (deterministic signatures): a node
   * that still has it says "already known", one that lost it takes it back.
   */
  private Future<Void> rebroadcast(final SentTransaction sent) {
    final Signed signed = sign(sent.nonce(), sent.request(), sent.gasLimit(), sent.fees());
    if (!signed.hash().equals(sent.hash())) {
      // Not ours to re-sign (another signer, or a journal from other fees): leave it be.
      return Future.succeededFuture();
    }
    return push(signed)
        .<Void>mapEmpty()
        .recover(
            failure -> {
              // "nonce too low": mined meanwhile, the next poll finds the receipt.
              LOG.log(
                  System.Logger.Level.DEBUG,
                  "re-broadcast of nonce {0} not taken: {1}",
                  sent.nonce(),
                  failure.getMessage());
              return Future.succeededFuture();
            });
  }

  private Future<SentTransaction> replace(final SentTransaction sent, final Journal journal) {
    return currentBaseFee()
        .compose(
            baseFee -> {
              final Optional<FeePolicy.Fees> fees =
                  settings.fees().replacement(sent.fees(), baseFee);
              if (fees.isEmpty()) {
                LOG.log(
                    System.Logger.Level.WARNING,
                    "nonce {0} pending, but the fee cap leaves no room to replace it",
                    sent.nonce());
                return Future.succeededFuture(sent);
              }
              LOG.log(
                  System.Logger.Level.INFO,
                  "replacing nonce {0} ({1}): max fee {2} -> {3} wei",
                  sent.nonce(),
                  sent.hash(),
                  sent.fees().maxFeePerGas(),
                  fees.get().maxFeePerGas());
              final Signed signed = sign(sent.nonce(), sent.request(), sent.gasLimit(), fees.get());
              final SentTransaction replacement = sent.replacedBy(fees.get(), signed.hash());
              return journal
                  .write(replacement)
                  .compose(v -> push(signed))
                  .map(hash -> replacement)
                  // A refused replacement (the old version got in meanwhile, or the node wants a
                  // bigger bump) is not fatal: keep tracking what is out.
                  .recover(
                      failure -> {
                        LOG.log(
                            System.Logger.Level.WARNING,
                            "replacement of nonce {0} refused: {1}",
                            sent.nonce(),
                            failure.getMessage());
                        return Future.succeededFuture(sent);
                      });
            });
  }

  private Future<TransactionOutcome> outcome(
      final SentTransaction sent, final TransactionReceipt receipt) {
    if (receipt.succeeded()) {
      return Future.succeededFuture(new TransactionOutcome.Included(sent, receipt));
    }
    // The receipt has no reason: replay the call on the state before the block. Another
    // transaction earlier in the same block may have changed that state; the reason is then the
    // best available, not a certainty.
    final CallRequest replay =
        new CallRequest(
            Optional.of(sent.from()),
            sent.request().to(),
            sent.request().data(),
            sent.request().value(),
            Optional.of(sent.gasLimit()));
    return rpc.call(replay, BlockTag.number(Math.max(0, receipt.blockNumber() - 1)))
        .<TransactionOutcome>map(
            ignored ->
                new TransactionOutcome.Reverted(sent, receipt, revertDecoder.decode(new byte[0])))
        .recover(
            failure -> {
              if (failure instanceof EthereumRpcException
                  && ((EthereumRpcException) failure).revertData().isPresent()) {
                return Future.succeededFuture(
                    new TransactionOutcome.Reverted(
                        sent,
                        receipt,
                        revertDecoder.decode(((EthereumRpcException) failure).revertData().get())));
              }
              return Future.succeededFuture(
                  new TransactionOutcome.Reverted(
                      sent, receipt, revertDecoder.decode(new byte[0])));
            });
  }

  private Future<Optional<TransactionReceipt>> firstReceipt(
      final List<String> hashes, final int index) {
    if (index >= hashes.size()) {
      return Future.succeededFuture(Optional.empty());
    }
    // Newest first: after a replacement, the latest version is the likely one.
    final String hash = hashes.get(hashes.size() - 1 - index);
    return rpc.receipt(hash)
        .compose(
            receipt ->
                receipt.isPresent()
                    ? Future.succeededFuture(receipt)
                    : firstReceipt(hashes, index + 1));
  }

  /** A signed transaction and its hash. */
  private record Signed(byte[] bytes, String hash) {}

  private Signed sign(
      final long nonce,
      final TransactionRequest request,
      final BigInteger gas,
      final FeePolicy.Fees fees) {
    final RawTransaction raw =
        RawTransaction.createTransaction(
            chainId,
            BigInteger.valueOf(nonce),
            gas,
            request.to().orElse(""),
            request.value(),
            Numeric.toHexString(request.data()),
            fees.maxPriorityFeePerGas(),
            fees.maxFeePerGas());
    final byte[] signed = TransactionEncoder.signMessage(raw, credentials);
    return new Signed(signed, Numeric.toHexString(Hash.sha3(signed)));
  }

  private Future<String> push(final Signed signed) {
    return rpc.sendRawTransaction(signed.bytes())
        .recover(
            failure -> {
              // A resend after a lost reply: the node already has exactly this transaction.
              if (failure.getMessage() != null
                  && failure.getMessage().toLowerCase(Locale.ROOT).contains("already known")) {
                return Future.succeededFuture(signed.hash());
              }
              return Future.failedFuture(toTransactionException(failure));
            });
  }

  private static TransactionException toTransactionException(final Throwable failure) {
    if (failure instanceof EthereumRpcException) {
      final EthereumRpcException rpcFailure = (EthereumRpcException) failure;
      if (rpcFailure.kind() == EthereumRpcException.Kind.RPC_ERROR) {
        return new TransactionException(
            TransactionException.Kind.REJECTED,
            "node refused the transaction: " + rpcFailure.getMessage(),
            false,
            null,
            rpcFailure);
      }
      return new TransactionException(
          TransactionException.Kind.RPC,
          rpcFailure.getMessage(),
          rpcFailure.retryable(),
          null,
          rpcFailure);
    }
    return new TransactionException(
        TransactionException.Kind.RPC, String.valueOf(failure.getMessage()), true, null, failure);
  }

  private Future<BigInteger> gasLimit(final TransactionRequest request) {
    if (request.gasLimit().isPresent()) {
      return Future.succeededFuture(request.gasLimit().get());
    }
    final CallRequest estimate =
        new CallRequest(
            Optional.of(address()),
            request.to(),
            request.data(),
            request.value(),
            Optional.empty());
    return rpc.estimateGas(estimate)
        .map(gas -> gas.multiply(GAS_MARGIN_PERCENT).divide(BigInteger.valueOf(100)))
        .recover(
            failure -> {
              if (failure instanceof EthereumRpcException
                  && ((EthereumRpcException) failure).kind()
                      == EthereumRpcException.Kind.EXECUTION_REVERTED) {
                final var reason =
                    revertDecoder.decode(
                        ((EthereumRpcException) failure).revertData().orElse(new byte[0]));
                return Future.failedFuture(
                    new TransactionException(
                        TransactionException.Kind.WOULD_REVERT,
                        "estimation reverted: " + reason.describe(),
                        false,
                        reason,
                        failure));
              }
              return Future.failedFuture(toTransactionException(failure));
            });
  }

  private Future<BigInteger> currentBaseFee() {
    return rpc.block(BlockTag.LATEST)
        .map(
            block ->
                block
                    .flatMap(Block::baseFeePerGas)
                    .orElseThrow(
                        () ->
                            new TransactionException(
                                TransactionException.Kind.RPC,
                                "the latest block has no base fee (pre-London chain?)")));
  }

  /**
   * The lowest nonce from the node's pending count on that nothing here still sends or tracks. The
   * pending count already includes what the node holds of ours; it is lower when the node lost a
   * transaction (a restart, or a reorg that did not return it to the pool, as anvil's does not),
   * and counting on past that nonce would leave a gap that stalls every later one.
   */
  private synchronized long allocateNonce(final long pending) {
    long nonce = pending;
    while (unsettled.contains(nonce)) {
      nonce++;
    }
    if (nonce < nextNonce) {
      LOG.log(
          System.Logger.Level.INFO,
          "{0}: the node lost nonce {1} (its pending count is {2}, ours was {3}); reusing it",
          address(),
          nonce,
          pending,
          nextNonce);
    }
    unsettled.add(nonce);
    nextNonce = Math.max(nextNonce, nonce + 1);
    return nonce;
  }

  private synchronized boolean isUnsettled(final long nonce) {
    return unsettled.contains(nonce);
  }

  private synchronized void settled(final long nonce) {
    unsettled.remove(nonce);
  }

  /** After a failed send the pool's view is the truth: gaps would stall every later nonce. */
  private Future<Void> resyncNonce() {
    return rpc.transactionCount(address(), BlockTag.PENDING)
        .map(
            nonce -> {
              synchronized (this) {
                nextNonce = nonce;
              }
              return (Void) null;
            })
        .otherwiseEmpty();
  }

  private Future<Void> delay(final Duration duration) {
    final Promise<Void> promise = Promise.promise();
    vertx.setTimer(Math.max(1, duration.toMillis()), id -> promise.complete());
    return promise.future();
  }

  @Override
  public String toString() {
    return "TransactionSender[" + address() + ", chain " + chainId + "]";
  }
}
