package io.xrelay.bench.relayer;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.xrelay.relayer.metrics.RelayerMetrics;
import io.xrelay.relayer.work.RetryPolicy;
import io.xrelay.relayer.work.WorkHandler;
import io.xrelay.relayer.work.WorkOutcome;
import io.xrelay.relayer.work.WorkPipeline;
import io.xrelay.store.RouteOwnership;
import io.xrelay.store.WorkItem;
import io.xrelay.store.WorkState;
import io.xrelay.store.WorkStore;
import io.xrelay.store.postgres.PostgresAdvisoryLockOwnership;
import io.xrelay.store.postgres.PostgresWorkStore;
import io.xrelay.store.sqlite.SingleInstanceOwnership;
import io.xrelay.store.sqlite.SqliteDurability;
import io.xrelay.store.sqlite.SqliteWorkStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The latency a {@link WorkPipeline} adds to one item: from {@code offer} (the durable insert) to
 * the item's CONFIRMED state committed in the store, with a handler that confirms at once, so what
 * is measured is the pipeline and its store (insert, ownership check, PENDING -> IN_FLIGHT ->
 * CONFIRMED, queue gauges). Sample mode: JMH prints p50, p90, p99 and the maximum.
 *
 * <p>{@code store}: {@code sqlite} (WAL, synchronous=NORMAL) or {@code postgres} (127.0.0.1:5432,
 * database {@code test}, user {@code postgres}; a fresh schema per trial, dropped after).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class PipelineLatencyBenchmark {
  private static final String ROUTE = "bench-pipeline";

  @Param({"sqlite", "postgres"})
  public String store;

  private Vertx vertx;
  private WorkStore workStore;
  private RouteOwnership ownership;
  private WorkPipeline pipeline;
  private Path dataDirectory;
  private String schema;
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, Promise<Void>> waiting = new ConcurrentHashMap<>();

  @Setup(Level.Trial)
  public void open() throws Exception {
    vertx = Vertx.vertx();
    if (store.equals("sqlite")) {
      dataDirectory = Files.createTempDirectory("xrelay-pipeline-bench");
      final SqliteWorkStore sqlite =
          new SqliteWorkStore(
              vertx,
              dataDirectory.resolve(SqliteWorkStore.FILE_NAME),
              SqliteDurability.PROCESS_CRASH,
              Clock.systemUTC());
      workStore = new ConfirmationSignal(sqlite);
      ownership = new SingleInstanceOwnership(sqlite);
    } else if (store.equals("postgres")) {
      schema = "xrelay_bench_" + UUID.randomUUID().toString().replace("-", "");
      workStore =
          new ConfirmationSignal(
              new PostgresWorkStore(vertx, postgres(), 8, schema, Clock.systemUTC()));
      ownership =
          new PostgresAdvisoryLockOwnership(
              vertx, postgres(), schema, "bench", Duration.ofSeconds(5));
    } else {
      throw new IllegalArgumentException("unknown store " + store);
    }
    workStore.start().await(30, TimeUnit.SECONDS);
    pipeline =
        new WorkPipeline(
            vertx,
            ROUTE,
            workStore,
            ownership,
            new ConfirmAtOnce(),
            new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 3),
            new RelayerMetrics(),
            WorkPipeline.Options.DEFAULT,
            Clock.systemUTC());
    pipeline.start().await(10, TimeUnit.SECONDS);
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    pipeline.stop(Duration.ofSeconds(5)).await(10, TimeUnit.SECONDS);
    ownership.stop().await(10, TimeUnit.SECONDS);
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
      try (Stream<Path> paths = Files.walk(dataDirectory)) {
        for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  @Benchmark
  public void offerToConfirmed() throws Exception {
    final String id = ROUTE + "/" + sequence.incrementAndGet();
    final Promise<Void> confirmed = Promise.promise();
    waiting.put(id, confirmed);
    final Promise<Boolean> offered = Promise.promise();
    vertx
        .getOrCreateContext()
        .runOnContext(
            v ->
                pipeline
                    .offer(WorkItem.pending(id, ROUTE, "{}", Clock.systemUTC().instant()))
                    .onComplete(offered));
    offered.future().await(30, TimeUnit.SECONDS);
    confirmed.future().await(30, TimeUnit.SECONDS);
  }

  /** The route's work: nothing to do, so the measured time is the pipeline's own. */
  private static final class ConfirmAtOnce implements WorkHandler {
    @Override
    public Future<WorkOutcome> process(final WorkItem item) {
      return Future.succeededFuture(new WorkOutcome.Confirmed("benchmark"));
    }

    @Override
    public Future<WorkOutcome> reconcile(final WorkItem item) {
      return process(item);
    }
  }

  /** The real store, telling the benchmark when an item's CONFIRMED state is committed. */
  private final class ConfirmationSignal extends ForwardingWorkStore {
    ConfirmationSignal(final WorkStore delegate) {
      super(delegate);
    }

    @Override
    public Future<java.util.Optional<WorkItem>> transition(
        final io.xrelay.store.Transition transition) {
      return super.transition(transition)
          .onSuccess(
              moved ->
                  moved
                      .filter(item -> item.state() == WorkState.CONFIRMED)
                      .map(item -> waiting.remove(item.id()))
                      .ifPresent(Promise::tryComplete));
    }
  }

  private static PgConnectOptions postgres() {
    return new PgConnectOptions()
        .setHost("127.0.0.1")
        .setPort(5432)
        .setDatabase("test")
        .setUser("postgres")
        .addProperty("client_min_messages", "warning");
  }
}
