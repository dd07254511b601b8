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
 * is; a route that must not send twice stores the {@link SentTransaction} and resumes it with
 * {@link #track}. One sender per account and process: two senders with one key race for nonces (the
 * loser's transactions end as {@link TransactionOutcome.NonceTaken}).
 */
public final class TransactionSender {
  private static final System.Logger LOG = System.getLogger(TransactionSender.class.getName());
  private static final BigInteger GAS_MARGIN_PERCENT = BigInteger.valueOf(125);

  /**
   * @param receiptPollInterval how often to ask for receipts
   * @param replaceAfter how long a version may stay pending before it is replaced
   * @param giveUpAfter how long to track before failing with {@link
   *     TransactionException.Kind#NOT_INCLUDED}
   */
  public record Settings(
      FeePolicy fees, Duration receiptPollInterval, Duration replaceAfter, Duration giveUpAfter) {
    public static Settings of(final FeePolicy fees) {
      return new Settings(
          fees, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15));
    }

    public Settings withReplaceAfter(final Duration replace) {
      return new Settings(fees, receiptPollInterval, replace, giveUpAfter);
    }
  }

  private final Vertx vertx;
  private final EthereumRpc rpc;
  private final Credentials credentials;
  private final long chainId;
  private final Settings settings;
  private final RevertDecoder revertDecoder;
  private long nextNonce;

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
    return send(request).compose(this::track);
  }

  /**
   * Signs and sends {@code request} with the next nonce; completes once the node accepted it.
   * Estimation that reverts fails with {@link TransactionException.Kind#WOULD_REVERT} and uses no
   * nonce.
   */
  public Future<SentTransaction> send(final TransactionRequest request) {
    return gasLimit(request)
        .compose(
            gas ->
                currentBaseFee()
                    .compose(
                        baseFee -> {
                          final FeePolicy.Fees fees = settings.fees().initial(baseFee);
                          final long nonce = allocateNonce();
                          return broadcast(nonce, request, gas, fees)
                              .map(
                                  hash ->
                                      new SentTransaction(
                                          address(), nonce, request, gas, fees, List.of(hash)))
                              .recover(
                                  failure ->
                                      resyncNonce().transform(r -> Future.failedFuture(failure)));
                        }));
  }

  /**
   * Follows {@code sent} until one of its versions has a receipt, replacing it with higher fees
   * when it stays pending for {@link Settings#replaceAfter}. Works on a transaction a previous
   * process sent, too.
   */
  public Future<TransactionOutcome> track(final SentTransaction sent) {
    final long deadline = System.nanoTime() + settings.giveUpAfter().toNanos();
    return poll(sent, System.nanoTime(), deadline);
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
      final SentTransaction sent, final long versionSentAt, final long deadline) {
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
                        final boolean stuck =
                            System.nanoTime() - versionSentAt > settings.replaceAfter().toNanos();
                        final Future<SentTransaction> next =
                            stuck ? replace(sent) : Future.succeededFuture(sent);
                        return next.compose(
                            current ->
                                delay(settings.receiptPollInterval())
                                    .compose(
                                        v ->
                                            poll(
                                                current,
                                                current == sent ? versionSentAt : System.nanoTime(),
                                                deadline)));
                      });
            });
  }

  private Future<SentTransaction> replace(final SentTransaction sent) {
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
              return broadcast(sent.nonce(), sent.request(), sent.gasLimit(), fees.get())
                  .map(hash -> sent.replacedBy(fees.get(), hash))
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

  private Future<String> broadcast(
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
    final String hash = Numeric.toHexString(Hash.sha3(signed));
    return rpc.sendRawTransaction(signed)
        .recover(
            failure -> {
              // A resend after a lost reply: the node already has exactly this transaction.
              if (failure.getMessage() != null
                  && failure.getMessage().toLowerCase(Locale.ROOT).contains("already known")) {
                return Future.succeededFuture(hash);
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

  private synchronized long allocateNonce() {
    return nextNonce++;
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
