package io.xrelay.relayer.chain;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.xrelay.relayer.metrics.RelayerMetrics;
import io.xrelay.store.WorkStore;
import io.xrelay.substrate.client.FinalizedBlock;
import io.xrelay.substrate.client.FinalizedBlockStream;
import io.xrelay.substrate.client.SubstrateClient;
import io.xrelay.substrate.client.WebSocketRpcClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Follows one Substrate chain's finalized blocks from a stored checkpoint, so a restart resumes
 * where it stopped and every block in between is delivered once, in order. Routes listen to it.
 */
public final class SubstrateChainWatcher {
  private static final System.Logger LOG = System.getLogger(SubstrateChainWatcher.class.getName());

  /** The calls a watcher makes on every chain; their error counters start at zero. */
  private static final List<String> WATCHED_METHODS =
      List.of(
          "chain_getFinalizedHead",
          "chain_getHeader",
          "chain_getBlockHash",
          "chain_getBlock",
          "state_getStorage",
          "chain_subscribeFinalizedHeads");

  private final Vertx vertx;
  private final String chain;
  private final List<String> endpoints;
  private final WorkStore store;
  private final RelayerMetrics metrics;
  private final Duration caughtUpWithin;
  private final Clock clock;
  private final List<Function<FinalizedBlock, Future<?>>> listeners = new CopyOnWriteArrayList<>();

  private volatile WebSocketRpcClient rpc;
  private volatile SubstrateClient client;
  private volatile FinalizedBlockStream stream;
  private volatile long finalized = -1;
  private volatile Instant lastFinalizedAt;
  private volatile boolean started;
  private long gaugeTimer = -1;
  private Future<?> checkpointed = Future.succeededFuture();

  public SubstrateChainWatcher(
      final Vertx vertx,
      final String chain,
      final List<String> endpoints,
      final WorkStore store,
      final RelayerMetrics metrics,
      final Duration caughtUpWithin,
      final Clock clock) {
    this.vertx = vertx;
    this.chain = chain;
    this.endpoints = List.copyOf(endpoints);
    this.store = store;
    this.metrics = metrics;
    this.caughtUpWithin = caughtUpWithin;
    this.clock = clock;
  }

  public String chain() {
    return chain;
  }

  /** The client, once started. */
  public SubstrateClient client() {
    return client;
  }

  /** Listens to every finalized block, in order; nothing waits for the listener. */
  public void onFinalized(final Consumer<FinalizedBlock> listener) {
    listeners.add(
        block -> {
          listener.accept(block);
          return Future.succeededFuture();
        });
  }

  /**
   * Listens to every finalized block, in order, durably: the chain's checkpoint moves past a block
   * only once the listener's future for it has succeeded, so a crash before that delivers the block
   * again after the restart. Listeners must therefore be idempotent (deterministic work item ids).
   */
  public void onFinalizedDurably(final Function<FinalizedBlock, Future<?>> listener) {
    listeners.add(listener);
  }

  private String checkpointName() {
    return "chain/" + chain + "/finalized";
  }

  /** Connects and starts following; idempotent. */
  public synchronized Future<Void> start() {
    if (started) {
      return Future.succeededFuture();
    }
    started = true;
    lastFinalizedAt = clock.instant();
    metrics.reconnects(chain);
    metrics.initializeRpcErrors(chain, WATCHED_METHODS);
    gaugeTimer = vertx.setPeriodic(1_000, t -> refreshGauges());
    return WebSocketRpcClient.connect(vertx, WebSocketRpcClient.Options.of(endpoints))
        .compose(
            connected -> {
              rpc = connected;
              client = new SubstrateClient(new MeteredJsonRpcClient(connected, chain, metrics));
              client.rpc().onReconnect(() -> metrics.reconnects(chain).increment());
              // the best block is informative: a node that does not serve it is not fatal
              client
                  .subscribeNewHeads(head -> metrics.bestBlock(chain, head.number()))
                  .onFailure(
                      error ->
                          LOG.log(
                              System.Logger.Level.WARNING,
                              chain + ": no best-block subscription: " + error.getMessage()));
              return Future.all(
                  store.checkpoint(checkpointName()),
                  client.finalizedHead().compose(client::header));
            })
        .compose(
            all -> {
              final java.util.Optional<Long> saved = all.resultAt(0);
              final long head = all.<io.xrelay.substrate.block.BlockHeader>resultAt(1).number();
              long checkpoint = saved.orElse(-1L);
              if (checkpoint > head) {
                // The chain is behind what we processed: a devnet restarted from genesis, or a
                // wrong endpoint.
                LOG.log(
                    System.Logger.Level.WARNING,
                    chain
                        + ": checkpoint "
                        + checkpoint
                        + " is ahead of the chain's head "
                        + head
                        + "; following from the head");
                checkpoint = -1;
              }
              return resumable(checkpoint);
            })
        .compose(
            checkpoint -> {
              stream = new FinalizedBlockStream(vertx, client, checkpoint, this::onBlock);
              LOG.log(
                  System.Logger.Level.INFO,
                  chain
                      + ": following finalized blocks after "
                      + (checkpoint < 0 ? "the current head" : "#" + checkpoint)
                      + " on "
                      + client.rpc().currentEndpoint());
              return stream.start();
            });
  }

  /**
   * A checkpoint whose next block the node no longer keeps cannot be backfilled: start at the head.
   */
  private Future<Long> resumable(final long checkpoint) {
    if (checkpoint < 0) {
      return Future.succeededFuture(checkpoint);
    }
    return client
        .blockHash(checkpoint + 1)
        .map(hash -> checkpoint)
        .recover(
            error -> {
              LOG.log(
                  System.Logger.Level.WARNING,
                  chain
                      + ": block "
                      + (checkpoint + 1)
                      + " is not available ("
                      + error.getMessage()
                      + "); following from the head");
              return Future.succeededFuture(-1L);
            });
  }

  private void onBlock(final FinalizedBlock block) {
    finalized = block.number();
    lastFinalizedAt = clock.instant();
    metrics.finalizedBlock(chain, block.number());
    final List<Future<?>> handled = new ArrayList<>(listeners.size());
    for (final Function<FinalizedBlock, Future<?>> listener : listeners) {
      try {
        handled.add(listener.apply(block));
      } catch (RuntimeException e) {
        handled.add(Future.failedFuture(e));
      }
    }
    // Checkpoints are saved in block order, each after its block's listeners are done. After a
    // failure the checkpoint stays before that block for the rest of this run, so a restart
    // delivers it (and the blocks after it) again.
    final Future<?> previous = checkpointed;
    checkpointed =
        previous.compose(
            ok ->
                Future.join(handled)
                    .transform(
                        done -> {
                          if (done.failed()) {
                            LOG.log(
                                System.Logger.Level.ERROR,
                                chain
                                    + ": block "
                                    + block.number()
                                    + " was not fully handled ("
                                    + done.cause().getMessage()
                                    + "); the checkpoint stays at "
                                    + (block.number() - 1)
                                    + " until a restart delivers it again");
                            return Future.failedFuture(done.cause());
                          }
                          return store.saveCheckpoint(checkpointName(), block.number());
                        }));
  }

  private void refreshGauges() {
    final ChainStatus status = status();
    metrics.connected(chain, status.connected());
    metrics.lagSeconds(chain, status.secondsSinceFinalized());
  }

  public ChainStatus status() {
    final boolean connected = rpc != null && rpc.isConnected();
    final long since =
        lastFinalizedAt == null
            ? -1
            : Duration.between(lastFinalizedAt, clock.instant()).toSeconds();
    return new ChainStatus(
        chain,
        "substrate",
        connected,
        rpc == null ? endpoints.get(0) : rpc.currentEndpoint(),
        finalized,
        since,
        connected && finalized >= 0 && since >= 0 && since <= caughtUpWithin.toSeconds());
  }

  public synchronized Future<Void> stop() {
    if (!started) {
      return Future.succeededFuture();
    }
    started = false;
    vertx.cancelTimer(gaugeTimer);
    final Future<Void> stopped = stream == null ? Future.succeededFuture() : stream.stop();
    return stopped
        .otherwiseEmpty()
        // the last checkpoint is written before the connection closes
        .compose(v -> checkpointed.otherwiseEmpty())
        .compose(v -> rpc == null ? Future.succeededFuture() : rpc.close());
  }
}
