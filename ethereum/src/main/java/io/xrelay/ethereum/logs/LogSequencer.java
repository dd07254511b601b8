package io.xrelay.ethereum.logs;

import io.xrelay.ethereum.rpc.LogEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Puts logs from backfill and from a subscription, which overlap, into chain order and drops the
 * ones already handed on. A log is the same when its block hash, log index and {@code removed} flag
 * are (a removal is news about a log, so it is not a duplicate of the log). What it remembers is
 * pruned to the last {@code window} blocks below the highest seen, so memory stays bounded; a
 * duplicate older than that is dropped by block number instead.
 *
 * <p>Not thread-safe: one stream owns one sequencer.
 */
public final class LogSequencer {
  /** Chain order: block number, then log index; a removal before a log at the same place. */
  public static final Comparator<LogEntry> CHAIN_ORDER =
      Comparator.comparingLong(LogEntry::blockNumber)
          .thenComparingLong(LogEntry::logIndex)
          .thenComparing(log -> !log.removed());

  private final long window;
  private final TreeMap<Long, Set<String>> seenByBlock = new TreeMap<>();
  private long highest = -1;

  public LogSequencer(final long window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1 block, not " + window);
    }
    this.window = window;
  }

  /** The logs of {@code batch} not handed on before, in chain order; it remembers them. */
  public List<LogEntry> accept(final List<LogEntry> batch) {
    final List<LogEntry> sorted = new ArrayList<>(batch);
    sorted.sort(CHAIN_ORDER);
    final List<LogEntry> fresh = new ArrayList<>();
    for (final LogEntry log : sorted) {
      if (log.blockNumber() < highest - window) {
        continue;
      }
      if (seenByBlock.computeIfAbsent(log.blockNumber(), n -> new HashSet<>()).add(key(log))) {
        fresh.add(log);
        highest = Math.max(highest, log.blockNumber());
      }
    }
    prune();
    return fresh;
  }

  /** The highest block number of a log handed on; -1 before the first. */
  public long highestBlock() {
    return highest;
  }

  private void prune() {
    final Map<Long, Set<String>> old = seenByBlock.headMap(highest - window, false);
    old.clear();
  }

  private static String key(final LogEntry log) {
    return log.blockHash() + "/" + log.logIndex() + (log.removed() ? "/removed" : "");
  }
}
