package io.xrelay.bench.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.xrelay.store.Transition;
import io.xrelay.store.WorkItem;
import io.xrelay.store.WorkState;
import io.xrelay.store.WorkStore;
import io.xrelay.store.postgres.PostgresWorkStore;
import io.xrelay.store.sqlite.SqliteDurability;
import io.xrelay.store.sqlite.SqliteWorkStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Store throughput: items per second from insert to CONFIRMED (insert, then PENDING -> IN_FLIGHT ->
 * SUBMITTED -> CONFIRMED, four committed changes per item), driven from a Vert.x context as the
 * service drives it.
 *
 * <ul>
 *   <li>{@code oneAtATime}: one item after another, each change waiting for the previous one: the
 *       latency-bound rate of a single route;
 *   <li>{@code concurrent}: {@value #CONCURRENT} items on their way at once (each item's changes
 *       still in order), as several routes and submitters load one store.
 * </ul>
 *
 * <p>{@code store}: {@code sqlite} (WAL, synchronous=NORMAL, survives a process kill), {@code
 * sqlite-fsync} (synchronous=FULL, survives power loss), {@code postgres} (127.0.0.1:5432, database
 * {@code test}, user {@code postgres}, or {@code XRELAY_BENCH_PG_HOST}, {@code _PORT}, {@code
 * _DATABASE}, {@code _USER}; a fresh schema per trial, dropped after; pool of 8).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class StoreThroughputBenchmark {
  static final int CONCURRENT = 64;
  private static final String ROUTE = "bench";
  private static final String PAYLOAD =
      "{\"blockNumber\":24681357,\"commitment\":\"0x"
          + "ab".repeat(64)
          + "\",\"validatorSetId\":12767}";

  @Param({"sqlite", "sqlite-fsync", "postgres"})
  public String store;

  private Vertx vertx;
  private WorkStore workStore;
  private Path dataDirectory;
  private String schema;
  private final AtomicLong sequence = new AtomicLong();

  @Setup(Level.Trial)
  public void open() throws Exception {
    vertx = Vertx.vertx();
    switch (store) {
      case "sqlite":
      case "sqlite-fsync":
        dataDirectory = Files.createTempDirectory("xrelay-store-bench");
        workStore =
            new SqliteWorkStore(
                vertx,
                dataDirectory.resolve(SqliteWorkStore.FILE_NAME),
                store.equals("sqlite")
                    ? SqliteDurability.PROCESS_CRASH
                    : SqliteDurability.POWER_LOSS,
                Clock.systemUTC());
        break;
      case "postgres":
        schema = "xrelay_bench_" + UUID.randomUUID().toString().replace("-", "");
        workStore = new PostgresWorkStore(vertx, postgres(), 8, schema, Clock.systemUTC());
        break;
      default:
        throw new IllegalArgumentException("unknown store " + store);
    }
    workStore.start().await(30, TimeUnit.SECONDS);
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    workStore.stop().await(30, TimeUnit.SECONDS);
    if (schema != null) {
      PgConnection.connect(vertx, postgres())
          .compose(
              connection ->
                  connection
                      .query("DROP SCHEMA " + schema + " CASCADE")
                      .execute()
                      .eventually(connection::close))
          .await(30, TimeUnit.SECONDS);
    }
    if (dataDirectory != null) {
      deleteRecursively(dataDirectory);
    }
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  @Benchmark
  public void oneAtATime() throws Exception {
    onContext(this::itemToConfirmed);
  }

  @Benchmark
  @OperationsPerInvocation(CONCURRENT)
  public void concurrent() throws Exception {
    onContext(
        () -> {
          final List<Future<WorkItem>> items = new ArrayList<>(CONCURRENT);
          for (int i = 0; i < CONCURRENT; i++) {
            items.add(itemToConfirmed());
          }
          return Future.all(items).map(all -> null);
        });
  }

  private Future<WorkItem> itemToConfirmed() {
    final WorkItem item =
        WorkItem.pending(
            ROUTE + "/" + sequence.incrementAndGet(), ROUTE, PAYLOAD, Clock.systemUTC().instant());
    return workStore
        .insert(item)
        .compose(inserted -> move(Transition.of(item, WorkState.IN_FLIGHT)))
        .compose(
            inFlight ->
                move(
                    Transition.of(inFlight, WorkState.SUBMITTED)
                        .withTxHash("0x" + "cd".repeat(32))))
        .compose(submitted -> move(Transition.of(submitted, WorkState.CONFIRMED)));
  }

  private Future<WorkItem> move(final Transition transition) {
    return workStore
        .transition(transition)
        .map(
            moved ->
                moved.orElseThrow(
                    () -> new IllegalStateException("lost the race for " + transition.id())));
  }

  private <T> void onContext(final Supplier<Future<T>> work) throws Exception {
    final Promise<T> done = Promise.promise();
    vertx.getOrCreateContext().runOnContext(ignored -> work.get().onComplete(done));
    done.future().await(60, TimeUnit.SECONDS);
  }

  private static PgConnectOptions postgres() {
    return new PgConnectOptions()
        .setHost(env("XRELAY_BENCH_PG_HOST", "127.0.0.1"))
        .setPort(Integer.parseInt(env("XRELAY_BENCH_PG_PORT", "5432")))
        .setDatabase(env("XRELAY_BENCH_PG_DATABASE", "test"))
        .setUser(env("XRELAY_BENCH_PG_USER", "postgres"))
        .addProperty("client_min_messages", "warning");
  }

  private static String env(final String name, final String fallback) {
    final String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }

  private static void deleteRecursively(final Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
