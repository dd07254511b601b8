package io.xrelay.ethereum.tx;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.xrelay.ethereum.rpc.BlockTag;
import io.xrelay.ethereum.rpc.EthereumRpc;
import io.xrelay.ethereum.rpc.EthereumRpcException;
import io.xrelay.ethereum.rpc.TransactionReceipt;
import java.time.Duration;

/**
 * Waits until a transaction's receipt is final: its block is at or below the {@code finalized}
 * block and is still the canonical block at that number. A receipt whose block was reorged out is
 * read again (the transaction may be in another block now, or pending again). Retryable RPC
 * failures are waited out; others fail the wait. Callers bound the wait with {@code
 * Future.timeout}.
 */
public final class ReceiptFinality {
  private final Vertx vertx;
  private final EthereumRpc rpc;
  private final Duration pollInterval;

  public ReceiptFinality(final Vertx vertx, final EthereumRpc rpc, final Duration pollInterval) {
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("poll interval must be positive");
    }
    this.vertx = vertx;
    this.rpc = rpc;
    this.pollInterval = pollInterval;
  }

  /** The receipt, once final and canonical. */
  public Future<TransactionReceipt> awaitFinal(final String transactionHash) {
    final Promise<TransactionReceipt> promise = Promise.promise();
    poll(transactionHash, promise);
    return promise.future();
  }

  private void poll(final String hash, final Promise<TransactionReceipt> promise) {
    rpc.receipt(hash)
        .compose(
            receipt -> {
              if (receipt.isEmpty()) {
                return Future.succeededFuture((TransactionReceipt) null);
              }
              final TransactionReceipt r = receipt.get();
              return rpc.block(BlockTag.FINALIZED)
                  .compose(
                      finalized -> {
                        if (finalized.isEmpty() || finalized.get().number() < r.blockNumber()) {
                          return Future.succeededFuture((TransactionReceipt) null);
                        }
                        return rpc.block(BlockTag.number(r.blockNumber()))
                            .map(
                                block ->
                                    block.isPresent() && block.get().hash().equals(r.blockHash())
                                        ? r
                                        : null);
                      });
            })
        .onComplete(
            result -> {
              if (promise.future().isComplete()) {
                return;
              }
              if (result.succeeded() && result.result() != null) {
                promise.complete(result.result());
              } else if (result.failed()
                  && !(result.cause() instanceof EthereumRpcException e && e.retryable())) {
                promise.fail(result.cause());
              } else {
                vertx.setTimer(pollInterval.toMillis(), t -> poll(hash, promise));
              }
            });
  }
}
