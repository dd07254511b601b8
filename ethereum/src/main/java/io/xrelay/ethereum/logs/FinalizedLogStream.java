package io.xrelay.ethereum.logs;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.xrelay.ethereum.rpc.Block;
import io.xrelay.ethereum.rpc.BlockTag;
import io.xrelay.ethereum.rpc.LogEntry;
import io.xrelay.ethereum.rpc.LogFilter;
import io.xrelay.ethereum.rpc.WebSocketEthereumRpc;
import io.xrelay.substrate.client.RpcSubscription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every log of one contract from a starting block on, exactly once and in chain order, handed on
 * only once its block is at or below the {@code finalized} block and the block at that number still
 * has the log's hash. It reads settled ranges with {@code eth_getLogs} (which never returns {@code
 * removed} logs) and checks each block's hash; a mismatch (a reorg deeper than the node's finalized
 * tag) leaves the range for the next round. New heads, reconnects and a periodic timer each start a
 * round, so a dropped connection only delays delivery.
 *
 * <p>The checkpoint is block-granular: every log of a block goes out in one round.
 */
public final class FinalizedLogStream {
  private static final System.Logger LOG = System.getLogger(FinalizedLogStream.class.getName());

  private final Vertx vertx;
  private final Context context;
  private final WebSocketEthereumRpc rpc;
  private final LogStream.Options options;
  private final BlockTag settled;
  private final Handler<LogEntry> sink;
  private final LogSequencer sequencer = new LogSequencer(4096);
  private RpcSubscription heads;
  private long timer = -1;
  private long next;
  private boolean running;
  private boolean again;
  private boolean closed;

  private FinalizedLogStream(
      final Vertx vertx,
      final WebSocketEthereumRpc rpc,
      final LogStream.Options options,
      final BlockTag settled,
      final Handler<LogEntry> sink) {
    this.vertx = vertx;
    this.settled = settled;
    this.context = vertx.getOrCreateContext();
    this.rpc = rpc;
    this.options = options;
    this.sink = sink;
    this.next = options.fromBlock();
  }

  /** Subscribes to new heads and starts the first round; {@code retryDelay} is also the poll. */
  public static Future<FinalizedLogStream> start(
      final Vertx vertx,
      final WebSocketEthereumRpc rpc,
      final LogStream.Options options,
      final Handler<LogEntry> sink) {
    return start(vertx, rpc, options, BlockTag.FINALIZED, sink);
  }

  /**
   * As {@link #start(Vertx, WebSocketEthereumRpc, LogStream.Options, Handler)}, with {@code
   * settled} ({@link BlockTag#FINALIZED} or {@link BlockTag#SAFE}) as the block that counts as
   * final.
   */
  public static Future<FinalizedLogStream> start(
      final Vertx vertx,
      final WebSocketEthereumRpc rpc,
      final LogStream.Options options,
      final BlockTag settled,
      final Handler<LogEntry> sink) {
    final FinalizedLogStream stream = new FinalizedLogStream(vertx, rpc, options, settled, sink);
    final Promise<FinalizedLogStream> started = Promise.promise();
    stream.context.runOnContext(
        v ->
            rpc.subscribeNewHeads(head -> stream.context.runOnContext(x -> stream.round()))
                .onComplete(
                    result ->
                        stream.context.runOnContext(
                            x -> {
                              if (result.failed()) {
                                started.fail(result.cause());
                                return;
                              }
                              stream.heads = result.result();
                              rpc.onReconnect(
                                  () -> stream.context.runOnContext(y -> stream.round()));
                              stream.timer =
                                  vertx.setPeriodic(
                                      options.retryDelay().toMillis(),
                                      t -> stream.context.runOnContext(y -> stream.round()));
                              stream.round();
                              started.complete(stream);
                            })));
    return started.future();
  }

  /** The next block whose logs are not yet handed on. */
  public Future<Long> checkpoint() {
    final Promise<Long> promise = Promise.promise();
    context.runOnContext(v -> promise.complete(next));
    return promise.future();
  }

  private void round() {
    if (closed) {
      return;
    }
    if (running) {
      again = true;
      return;
    }
    running = true;
    rpc.block(settled)
        .onComplete(
            finalized ->
                context.runOnContext(
                    v -> {
                      if (finalized.failed()) {
                        done(finalized.cause());
                        return;
                      }
                      final Optional<Block> block = finalized.result();
                      if (block.isEmpty() || block.get().number() < next) {
                        done(null);
                        return;
                      }
                      fetch(
                          BlockRange.chunks(next, block.get().number(), options.chunkBlocks()), 0);
                    }));
  }

  private void fetch(final List<BlockRange> ranges, final int index) {
    if (closed) {
      return;
    }
    if (index == ranges.size()) {
      done(null);
      return;
    }
    final BlockRange range = ranges.get(index);
    rpc.logs(new LogFilter(options.address(), range.from(), range.to(), options.topic0()))
        .compose(logs -> canonical(logs).map(ok -> ok ? logs : null))
        .onComplete(
            result ->
                context.runOnContext(
                    v -> {
                      if (result.failed()) {
                        done(result.cause());
                        return;
                      }
                      if (result.result() == null) {
                        done(
                            new IllegalStateException(
                                "a block of "
                                    + range.from()
                                    + ".."
                                    + range.to()
                                    + " changed below the finalized tag; reading it again"));
                        return;
                      }
                      for (final LogEntry log : sequencer.accept(result.result())) {
                        if (!log.removed() && !closed) {
                          sink.handle(log);
                        }
                      }
                      next = range.to() + 1;
                      fetch(ranges, index + 1);
                    }));
  }

  /** Whether every block the logs name still has the hash they name. */
  private Future<Boolean> canonical(final List<LogEntry> logs) {
    final Map<Long, String> hashes = new LinkedHashMap<>();
    for (final LogEntry log : logs) {
      final String previous = hashes.putIfAbsent(log.blockNumber(), log.blockHash());
      if (previous != null && !previous.equals(log.blockHash())) {
        return Future.succeededFuture(false);
      }
    }
    final List<Future<Boolean>> checks = new ArrayList<>();
    for (final Map.Entry<Long, String> entry : hashes.entrySet()) {
      checks.add(
          rpc.block(BlockTag.number(entry.getKey()))
              .map(b -> b.isPresent() && b.get().hash().equals(entry.getValue())));
    }
    return Future.all(checks).map(all -> checks.stream().allMatch(Future::result));
  }

  private void done(final Throwable failure) {
    if (failure != null) {
      LOG.log(
          System.Logger.Level.WARNING,
          "finalized log round from block " + next + " failed: " + failure.getMessage());
    }
    running = false;
    if (again && failure == null) {
      again = false;
      round();
    }
  }

  /** Idempotent: stops the rounds and unsubscribes. */
  public Future<Void> close() {
    final Promise<Void> closedPromise = Promise.promise();
    context.runOnContext(
        v -> {
          if (closed) {
            closedPromise.complete();
            return;
          }
          closed = true;
          if (timer >= 0) {
            vertx.cancelTimer(timer);
          }
          (heads == null ? Future.<Void>succeededFuture() : heads.unsubscribe())
              .otherwiseEmpty()
              .onComplete(closedPromise);
        });
    return closedPromise.future();
  }
}
