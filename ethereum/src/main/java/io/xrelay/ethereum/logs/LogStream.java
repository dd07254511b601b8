package io.xrelay.ethereum.logs;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.xrelay.ethereum.rpc.LogEntry;
import io.xrelay.ethereum.rpc.LogFilter;
import io.xrelay.ethereum.rpc.WebSocketEthereumRpc;
import io.xrelay.substrate.client.RpcSubscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every log of one contract from a starting block on, each exactly once and in chain order, as the
 * chain head sees it (for settled logs see {@link FinalizedLogStream}). It backfills with {@code
 * eth_getLogs} in chunks from the checkpoint to the head, then follows a logs subscription; after a
 * reconnect it backfills the gap again. Live logs that arrive while a backfill runs wait for it,
 * and the {@link LogSequencer} drops what both paths delivered. A reorg shows as the subscription's
 * {@code removed: true} logs, handed on as they come.
 *
 * <p>State lives on one Vert.x context; the sink runs there.
 */
public final class LogStream {
  private static final System.Logger LOG = System.getLogger(LogStream.class.getName());

  /**
   * What to follow.
   *
   * @param topic0 the event signatures to match (any); empty for all
   * @param fromBlock the first block whose logs are wanted
   * @param chunkBlocks the most blocks one {@code eth_getLogs} call spans
   * @param retryDelay the wait before a failed backfill call is tried again
   */
  public record Options(
      String address, List<String> topic0, long fromBlock, int chunkBlocks, Duration retryDelay) {
    public Options {
      if (fromBlock < 0) {
        throw new IllegalArgumentException("fromBlock must not be negative: " + fromBlock);
      }
      if (chunkBlocks < 1) {
        throw new IllegalArgumentException("chunkBlocks must be at least 1: " + chunkBlocks);
      }
      if (retryDelay.isNegative() || retryDelay.isZero()) {
        throw new IllegalArgumentException("retryDelay must be positive");
      }
      topic0 = List.copyOf(topic0);
    }

    public static Options of(final String address, final List<String> topic0, final long from) {
      return new Options(address, topic0, from, 1000, Duration.ofSeconds(1));
    }

    public Options withChunkBlocks(final int blocks) {
      return new Options(address, topic0, fromBlock, blocks, retryDelay);
    }
  }

  private final Vertx vertx;
  private final Context context;
  private final WebSocketEthereumRpc rpc;
  private final Options options;
  private final Handler<LogEntry> sink;
  private final LogSequencer sequencer = new LogSequencer(4096);
  private final List<LogEntry> waiting = new ArrayList<>();
  private final AtomicLong backfills = new AtomicLong();
  private RpcSubscription subscription;
  private long next;
  private long seenReconnects;
  // True from the start: notifications that overtake the subscribe reply wait for the first fill.
  private boolean backfilling = true;
  private boolean again;
  private boolean closed;

  private LogStream(
      final Vertx vertx,
      final WebSocketEthereumRpc rpc,
      final Options options,
      final Handler<LogEntry> sink) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.rpc = rpc;
    this.options = options;
    this.sink = sink;
    this.next = options.fromBlock();
  }

  /**
   * Subscribes, then starts the first backfill; the future completes once subscribed (logs from the
   * backfill follow).
   */
  public static Future<LogStream> start(
      final Vertx vertx,
      final WebSocketEthereumRpc rpc,
      final Options options,
      final Handler<LogEntry> sink) {
    final LogStream stream = new LogStream(vertx, rpc, options, sink);
    final Promise<LogStream> started = Promise.promise();
    stream.context.runOnContext(
        v -> {
          stream.seenReconnects = rpc.reconnects();
          rpc.subscribeLogs(
                  options.address(),
                  options.topic0(),
                  log -> stream.context.runOnContext(x -> stream.onLive(log)))
              .onComplete(
                  result ->
                      stream.context.runOnContext(
                          x -> {
                            if (result.failed()) {
                              started.fail(result.cause());
                              return;
                            }
                            stream.subscription = result.result();
                            rpc.onReconnect(
                                () -> stream.context.runOnContext(y -> stream.backfill()));
                            stream.backfills.incrementAndGet();
                            stream.backfillToHead();
                            started.complete(stream);
                          }));
        });
    return started.future();
  }

  /** Backfill runs started so far (the first, and one per reconnect or gap). */
  public long backfills() {
    return backfills.get();
  }

  private void onLive(final LogEntry log) {
    if (closed || log.blockNumber() < options.fromBlock()) {
      return;
    }
    if (rpc.reconnects() != seenReconnects) {
      // The first notification of a new connection may come before the reconnect listener runs:
      // the gap must be filled before it.
      waiting.add(log);
      backfill();
      return;
    }
    if (backfilling) {
      waiting.add(log);
      return;
    }
    deliver(List.of(log));
  }

  private void backfill() {
    if (closed) {
      return;
    }
    seenReconnects = rpc.reconnects();
    if (backfilling) {
      again = true;
      return;
    }
    backfilling = true;
    backfills.incrementAndGet();
    backfillToHead();
  }

  private void backfillToHead() {
    rpc.blockNumber()
        .onComplete(
            head ->
                context.runOnContext(
                    v -> {
                      if (head.failed()) {
                        retryLater(head.cause());
                        return;
                      }
                      fetch(BlockRange.chunks(next, head.result(), options.chunkBlocks()), 0);
                    }));
  }

  private void fetch(final List<BlockRange> ranges, final int index) {
    if (closed) {
      return;
    }
    if (index == ranges.size()) {
      finishBackfill();
      return;
    }
    final BlockRange range = ranges.get(index);
    rpc.logs(new LogFilter(options.address(), range.from(), range.to(), options.topic0()))
        .onComplete(
            logs ->
                context.runOnContext(
                    v -> {
                      if (logs.failed()) {
                        retryLater(logs.cause());
                        return;
                      }
                      deliver(logs.result());
                      next = Math.max(next, range.to() + 1);
                      fetch(ranges, index + 1);
                    }));
  }

  private void finishBackfill() {
    if (again) {
      again = false;
      backfillToHead();
      return;
    }
    final List<LogEntry> live = new ArrayList<>(waiting);
    waiting.clear();
    backfilling = false;
    deliver(live);
  }

  private void retryLater(final Throwable cause) {
    LOG.log(
        System.Logger.Level.WARNING,
        "log backfill from block " + next + " failed, trying again: " + cause.getMessage());
    vertx.setTimer(
        options.retryDelay().toMillis(), t -> context.runOnContext(v -> backfillToHead()));
  }

  private void deliver(final List<LogEntry> logs) {
    for (final LogEntry log : sequencer.accept(logs)) {
      if (closed) {
        return;
      }
      // A log of block b means the blocks below b were seen in full by whichever path sent it.
      next = Math.max(next, log.blockNumber());
      sink.handle(log);
    }
  }

  /** Idempotent: stops delivering and unsubscribes. */
  public Future<Void> close() {
    final Promise<Void> closedPromise = Promise.promise();
    context.runOnContext(
        v -> {
          if (closed) {
            closedPromise.complete();
            return;
          }
          closed = true;
          (subscription == null ? Future.<Void>succeededFuture() : subscription.unsubscribe())
              .otherwiseEmpty()
              .onComplete(closedPromise);
        });
    return closedPromise.future();
  }
}
