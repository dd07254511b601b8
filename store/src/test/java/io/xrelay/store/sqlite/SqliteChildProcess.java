package io.xrelay.store.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.xrelay.store.Transition;
import io.xrelay.store.WorkItem;
import io.xrelay.store.WorkState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A relayer stand-in that {@link SqliteProcessIT} runs as a separate JVM and kills.
 *
 * <ul>
 *   <li>{@code write <database>}: pushes items through insert, IN_FLIGHT, SUBMITTED and CONFIRMED
 *       forever, printing {@code <id> <version>} after each change's future completes, and saving
 *       the next item's number as a checkpoint after each item;
 *   <li>{@code open <database>}: starts a store, prints {@code started} or {@code refused
 *       <message>} and exits.
 * </ul>
 */
public final class SqliteChildProcess {
  static final String CHECKPOINT = "kill-test/next";
  private static final Map<WorkState, WorkState> NEXT =
      Map.of(
          WorkState.PENDING, WorkState.IN_FLIGHT,
          WorkState.IN_FLIGHT, WorkState.SUBMITTED,
          WorkState.SUBMITTED, WorkState.CONFIRMED);

  private SqliteChildProcess() {}

  public static void main(final String[] args) throws Exception {
    final Vertx vertx = Vertx.vertx();
    final SqliteWorkStore store =
        new SqliteWorkStore(
            vertx, Path.of(args[1]), SqliteDurability.PROCESS_CRASH, Clock.systemUTC());
    try {
      store.start().await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.out.println("refused " + e.getMessage());
      System.exit(0);
    }
    System.out.println("started");
    System.out.flush();
    if (!"write".equals(args[0])) {
      System.exit(0);
    }
    // Resumes like a route does: from its checkpoint, re-inserting (a no-op when the item exists)
    // and moving the item on from whatever state the store has.
    for (long n = await(store.checkpoint(CHECKPOINT)).orElse(0L); ; n++) {
      final String id = "kill-test/" + n;
      if (await(store.insert(WorkItem.pending(id, "kill-test", "{}", Instant.now())))) {
        System.out.println(id + " 0");
        System.out.flush();
      }
      WorkItem item = await(store.get(id)).orElseThrow();
      while (item.state() != WorkState.CONFIRMED) {
        final WorkState next = NEXT.get(item.state());
        Transition transition = Transition.of(item, next);
        if (next == WorkState.SUBMITTED) {
          transition = transition.withTxHash("0x" + Long.toHexString(n));
        }
        item = await(store.transition(transition)).orElseThrow();
        System.out.println(id + " " + item.version());
        System.out.flush();
      }
      await(store.saveCheckpoint(CHECKPOINT, n + 1));
    }
  }

  private static <T> T await(final Future<T> future) throws Exception {
    return future.await(30, TimeUnit.SECONDS);
  }
}
