package io.xrelay.substrate.client;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.xrelay.substrate.block.BlockHeader;

/**
 * Delivers every finalized block in order, exactly once, from a checkpoint on: it follows {@code
 * chain_subscribeFinalizedHeads} and, whenever a head is further than one block ahead of the last
 * delivered (a missed notification, a reconnect, a restart from a checkpoint), fetches each block
 * in between by number first. A fetch that fails is retried after a pause; nothing is skipped.
 */
public final class FinalizedBlockStream {
  private static final System.Logger LOG = System.getLogger(FinalizedBlockStream.class.getName());
  private static final long RETRY_DELAY_MS = 1_000;

  private final Vertx vertx;
  private final SubstrateClient client;
  private final Handler<FinalizedBlock> handler;

  private long lastDelivered;
  private String lastHash;
  private long target = -1;
  private boolean fetching;
  private boolean stopped;
  private RpcSubscription subscription;

  /**
   * @param checkpoint the last block already processed; the stream starts at {@code checkpoint +
   *     1}. With a negative checkpoint it starts at the first finalized head it sees.
   */
  public FinalizedBlockStream(
      final Vertx vertx,
      final SubstrateClient client,
      final long checkpoint,
      final Handler<FinalizedBlock> handler) {
    this.vertx = vertx;
    this.client = client;
    this.handler = handler;
    this.lastDelivered = checkpoint;
  }

  public synchronized Future<Void> start() {
    client.rpc().onReconnect(this::catchUp);
    return client
        .subscribeFinalizedHeads(this::onHead)
        .map(
            created -> {
              synchronized (this) {
                subscription = created;
              }
              return null;
            });
  }

  public synchronized Future<Void> stop() {
    stopped = true;
    return subscription == null ? Future.succeededFuture() : subscription.unsubscribe();
  }

  /** The last block handed to the handler; -1 before the first. */
  public synchronized long lastDelivered() {
    return lastDelivered;
  }

  private synchronized void onHead(final BlockHeader head) {
    target = Math.max(target, head.number());
    drain();
  }

  /** After a reconnect the node's current head may be far ahead; ask for it explicitly. */
  private void catchUp() {
    client
        .finalizedHead()
        .compose(client::header)
        .onSuccess(this::onHead)
        .onFailure(
            error ->
                LOG.log(
                    System.Logger.Level.DEBUG,
                    "catch-up after reconnect failed: " + error.getMessage()));
  }

  private synchronized void drain() {
    if (stopped || fetching || target < 0 || lastDelivered >= target) {
      return;
    }
    final long next = lastDelivered < 0 ? target : lastDelivered + 1;
    fetching = true;
    client
        .blockHash(next)
        .compose(hash -> client.header(hash).map(header -> new FinalizedBlock(next, hash, header)))
        .onComplete(
            result -> {
              synchronized (this) {
                fetching = false;
                if (result.failed()) {
                  LOG.log(
                      System.Logger.Level.DEBUG,
                      "fetching finalized block "
                          + next
                          + " failed: "
                          + result.cause().getMessage());
                  vertx.setTimer(RETRY_DELAY_MS, t -> drain());
                  return;
                }
                final FinalizedBlock block = result.result();
                if (lastHash != null && !lastHash.equals(block.header().parentHash())) {
                  LOG.log(
                      System.Logger.Level.WARNING,
                      "finalized block "
                          + next
                          + " does not build on "
                          + lastHash
                          + "; its parent is "
                          + block.header().parentHash());
                }
                lastDelivered = next;
                lastHash = block.hash();
              }
              if (!stopped) {
                handler.handle(result.result());
              }
              drain();
            });
  }
}
