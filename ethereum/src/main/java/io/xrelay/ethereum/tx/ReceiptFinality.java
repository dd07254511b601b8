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
  private final BlockTag settled;

  public ReceiptFinality(final Vertx vertx, final EthereumRpc rpc, final Duration pollInterval) {
    this(vertx, rpc, pollInterval, BlockTag.FINALIZED);
  }

  /**
   * @param settled the block that counts as final: {@link BlockTag#FINALIZED}, or {@link
   *     BlockTag#SAFE} where an operator accepts that risk
   */
  public ReceiptFinality(
      final Vertx vertx,
      final EthereumRpc rpc,
      final Duration pollInterval,
      final BlockTag settled) {
    this.settled = settled;
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("poll interval must be positive");
    }
    this.vertx = vertx;
    this.rpc = rpc;
    this.pollInterval = pollInterval;
  }

  /** Where a transaction stands, as one look finds it. */
  public enum Standing {
    /** Its receipt's block is final and canonical. */
    FINAL,
    /** Included, not final yet (or its block is being replaced). */
    INCLUDED,
    /** No receipt: pending, dropped, or reorged out and back in the pool. */
    NOT_INCLUDED
  }

  /** One look, for callers that poll themselves; the receipt is there unless NOT_INCLUDED. */
  public record Probe(Standing standing, java.util.Optional<TransactionReceipt> receipt) {}

  /** Looks once at where {@code transactionHash} stands. */
  public Future<Probe> probe(final String transactionHash) {
    return rpc.receipt(transactionHash)
        .compose(
            receipt -> {
              if (receipt.isEmpty()) {
                return Future.succeededFuture(new Probe(Standing.NOT_INCLUDED, receipt));
              }
              final TransactionReceipt r = receipt.get();
              return rpc.block(settled)
                  .compose(
                      finalized -> {
                        if (finalized.isEmpty() || finalized.get().number() < r.blockNumber()) {
                          return Future.succeededFuture(new Probe(Standing.INCLUDED, receipt));
                        }
                        return rpc.block(BlockTag.number(r.blockNumber()))
                            .map(
                                block ->
                                    new Probe(
                                        block.isPresent()
                                                && block.get().hash().equals(r.blockHash())
                                            ? Standing.FINAL
                                            : Standing.INCLUDED,
                                        receipt));
                      });
            });
  }

  /** The receipt, once final and canonical. */
  public Future<TransactionReceipt> awaitFinal(final String transactionHash) {
    final Promise<TransactionReceipt> promise = Promise.promise();
    poll(transactionHash, promise);
    return promise.future();
  }

  private void poll(final String hash, final Promise<TransactionReceipt> promise) {
    probe(hash)
        .map(probe -> probe.standing() == Standing.FINAL ? probe.receipt().orElseThrow() : null)
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
