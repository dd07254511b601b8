package io.xrelay.store.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import io.xrelay.store.StoreException;
import io.xrelay.store.Transition;
import io.xrelay.store.WorkItem;
import io.xrelay.store.WorkQuery;
import io.xrelay.store.WorkState;
import io.xrelay.store.WorkStore;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The store for several instances: tables in one schema of a PostgreSQL database, reached through
 * the reactive Vert.x client. Every change is one statement, so it is atomic on its own: an insert
 * that does nothing on a duplicate id, and a transition that is a single conditional UPDATE on id,
 * state and version, which PostgreSQL re-checks after waiting for a concurrent update of the same
 * row, so of two owners racing for one item exactly one wins.
 */
public final class PostgresWorkStore implements WorkStore {
  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final String COLUMNS =
      "id, route, state, payload, attempts, tx_hash, last_error, retry_at, created_at,"
          + " updated_at, version";
  private static final String OPEN_STATES = "'PENDING', 'IN_FLIGHT', 'SUBMITTED', 'FAILED'";

  private enum Lifecycle {
    NEW,
    STARTED,
    STOPPED
  }

  private final Vertx vertx;
  private final PgConnectOptions connectOptions;
  private final int poolSize;
  private final String schema;
  private final Clock clock;

  private Lifecycle lifecycle = Lifecycle.NEW;
  private Future<Void> started;
  private Future<Void> stopped;
  private volatile Pool pool;

  /**
   * @param schema the schema that holds the tables (created if missing); instances that share work
   *     must name the same one
   */
  public PostgresWorkStore(
      final Vertx vertx,
      final PgConnectOptions connectOptions,
      final int poolSize,
      final String schema,
      final Clock clock) {
    if (!SCHEMA_NAME.matcher(schema).matches()) {
      throw new IllegalArgumentException(
          "schema must be a lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63), got '"
              + schema
              + "'");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
    }
    this.vertx = vertx;
    // Notices ("relation already exists, skipping" on every start) would be logged as warnings.
    this.connectOptions =
        new PgConnectOptions(connectOptions)
            .setCachePreparedStatements(true)
            .addProperty("client_min_messages", "warning");
    this.poolSize = poolSize;
    this.schema = schema;
    this.clock = clock;
  }

  public String schema() {
    return schema;
  }

  @Override
  public synchronized Future<Void> start() {
    if (lifecycle == Lifecycle.STOPPED) {
      return Future.failedFuture(
          new StoreException("the store of schema " + schema + " was stopped", false, null));
    }
    if (started == null) {
      lifecycle = Lifecycle.STARTED;
      final Pool created =
          PgBuilder.pool()
              .with(new PoolOptions().setMaxSize(poolSize))
              .connectingTo(connectOptions)
              .using(vertx)
              .build();
      pool = created;
      started =
          created
              .withTransaction(this::createSchema)
              .recover(e -> Future.failedFuture(PostgresFailure.of("create schema " + schema, e)))
              .onFailure(e -> resetAfterFailedStart(created));
    }
    return started;
  }

  @Override
  public synchronized Future<Void> stop() {
    if (stopped == null) {
      lifecycle = Lifecycle.STOPPED;
      final Pool current = pool;
      stopped = current == null ? Future.succeededFuture() : current.close();
    }
    return stopped;
  }

  @Override
  public Future<Boolean> insert(final WorkItem item) {
    return execute(
        "insert " + item.id(),
        "INSERT INTO "
            + table("work_items")
            + " ("
            + COLUMNS
            + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING",
        Tuple.of(
                item.id(),
                item.route(),
                item.state().name(),
                item.payload(),
                item.attempts(),
                item.txHash().orElse(null),
                item.lastError().orElse(null))
            .addValue(item.retryAt().map(PostgresWorkStore::timestamp).orElse(null))
            .addValue(timestamp(item.createdAt()))
            .addValue(timestamp(item.updatedAt()))
            .addLong(item.version()),
        rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Optional<WorkItem>> get(final String id) {
    return execute(
        "get " + id,
        "SELECT " + COLUMNS + " FROM " + table("work_items") + " WHERE id = $1",
        Tuple.of(id),
        PostgresWorkStore::first);
  }

  @Override
  public Future<List<WorkItem>> list(final WorkQuery query) {
    final List<String> conditions = new ArrayList<>();
    final Tuple arguments = Tuple.tuple();
    if (query.route().isPresent()) {
      arguments.addString(query.route().get());
      conditions.add("route = $" + arguments.size());
    }
    if (query.state().isPresent()) {
      arguments.addString(query.state().get().name());
      conditions.add("state = $" + arguments.size());
    }
    arguments.addInteger(query.limit());
    return execute(
        "list " + query,
        "SELECT "
            + COLUMNS
            + " FROM "
            + table("work_items")
            + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
            + " ORDER BY created_at DESC, id DESC LIMIT $"
            + arguments.size(),
        arguments,
        PostgresWorkStore::all);
  }

  @Override
  public Future<List<WorkItem>> due(final String route, final Instant now, final int limit) {
    checkLimit(limit);
    return execute(
        "due items of " + route,
        "SELECT "
            + COLUMNS
            + " FROM "
            + table("work_items")
            + " WHERE route = $1 AND (state = 'PENDING' OR (state = 'FAILED' AND retry_at <= $2))"
            + " ORDER BY created_at, id LIMIT $3",
        Tuple.of(route, timestamp(now), limit),
        PostgresWorkStore::all);
  }

  @Override
  public Future<List<WorkItem>> inState(
      final String route, final WorkState state, final int limit) {
    checkLimit(limit);
    return execute(
        state + " items of " + route,
        "SELECT "
            + COLUMNS
            + " FROM "
            + table("work_items")
            + " WHERE route = $1 AND state = $2 ORDER BY created_at, id LIMIT $3",
        Tuple.of(route, state.name(), limit),
        PostgresWorkStore::all);
  }

  @Override
  public Future<Optional<WorkItem>> transition(final Transition transition) {
    final String operation =
        "move " + transition.id() + " from " + transition.from() + " to " + transition.to();
    final Optional<String> missing = transition.missingDetail();
    if (missing.isPresent()) {
      return Future.failedFuture(new StoreException(operation + ": " + missing.get(), false, null));
    }
    final Optional<Instant> retryAt =
        transition.to() == WorkState.FAILED ? transition.retryAt() : Optional.empty();
    return execute(
        operation,
        "UPDATE "
            + table("work_items")
            + " SET state = $4, version = version + 1, attempts = attempts + $5,"
            + " tx_hash = COALESCE($6, tx_hash), last_error = COALESCE($7, last_error),"
            + " retry_at = $8, updated_at = $9"
            + " WHERE id = $1 AND state = $2 AND version = $3 RETURNING "
            + COLUMNS,
        Tuple.of(
                transition.id(),
                transition.from().name(),
                transition.expectedVersion(),
                transition.to().name(),
                transition.incrementAttempts() ? 1 : 0,
                transition.txHash().orElse(null),
                transition.error().orElse(null))
            .addValue(retryAt.map(PostgresWorkStore::timestamp).orElse(null))
            .addValue(timestamp(clock.instant())),
        PostgresWorkStore::first);
  }

  @Override
  public Future<Long> purgeConfirmed(final Instant updatedBefore, final int limit) {
    checkLimit(limit);
    return execute(
        "purge confirmed items",
        "DELETE FROM "
            + table("work_items")
            + " WHERE id IN (SELECT id FROM "
            + table("work_items")
            + " WHERE state = 'CONFIRMED' AND updated_at < $1 LIMIT $2)",
        Tuple.of(timestamp(updatedBefore), limit),
        rows -> (long) rows.rowCount());
  }

  @Override
  public Future<Boolean> delete(final String id) {
    return execute(
        "delete " + id,
        "DELETE FROM " + table("work_items") + " WHERE id = $1",
        Tuple.of(id),
        rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Map<WorkState, Long>> countByState(final String route) {
    return execute(
        "count items of " + route,
        "SELECT state, count(*) FROM " + table("work_items") + " WHERE route = $1 GROUP BY state",
        Tuple.of(route),
        rows -> {
          final Map<WorkState, Long> counts = new EnumMap<>(WorkState.class);
          for (final WorkState state : WorkState.values()) {
            counts.put(state, 0L);
          }
          for (final Row row : rows) {
            counts.put(WorkState.valueOf(row.getString(0)), row.getLong(1));
          }
          return counts;
        });
  }

  @Override
  public Future<Optional<Instant>> oldestOpen(final String route) {
    return execute(
        "oldest open item of " + route,
        "SELECT min(created_at) FROM "
            + table("work_items")
            + " WHERE route = $1 AND state IN ("
            + OPEN_STATES
            + ")",
        Tuple.of(route),
        rows ->
            Optional.ofNullable(rows.iterator().next().getOffsetDateTime(0))
                .map(OffsetDateTime::toInstant));
  }

  @Override
  public Future<Void> saveCheckpoint(final String name, final long value) {
    return execute(
        "save checkpoint " + name,
        "INSERT INTO "
            + table("checkpoints")
            + " (name, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE"
            + " SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at",
        Tuple.of(name, value, timestamp(clock.instant())),
        rows -> null);
  }

  @Override
  public Future<Optional<Long>> checkpoint(final String name) {
    return execute(
        "read checkpoint " + name,
        "SELECT value FROM " + table("checkpoints") + " WHERE name = $1",
        Tuple.of(name),
        rows ->
            rows.size() == 0
                ? Optional.<Long>empty()
                : Optional.of(rows.iterator().next().getLong(0)));
  }

  @Override
  public Future<Void> saveRecord(final String name, final String value) {
    return execute(
        "save record " + name,
        "INSERT INTO "
            + table("records")
            + " (name, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE"
            + " SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at",
        Tuple.of(name, value, timestamp(clock.instant())),
        rows -> null);
  }

  @Override
  public Future<Optional<String>> record(final String name) {
    return execute(
        "read record " + name,
        "SELECT value FROM " + table("records") + " WHERE name = $1",
        Tuple.of(name),
        rows ->
            rows.size() == 0
                ? Optional.<String>empty()
                : Optional.of(rows.iterator().next().getString(0)));
  }

  @Override
  public Future<java.util.SortedMap<String, String>> records(final String prefix) {
    return execute(
        "read records " + prefix + "*",
        "SELECT name, value FROM " + table("records") + " WHERE left(name, $1) = $2",
        Tuple.of(prefix.length(), prefix),
        rows -> {
          final java.util.SortedMap<String, String> found = new java.util.TreeMap<>();
          rows.forEach(row -> found.put(row.getString(0), row.getString(1)));
          return found;
        });
  }

  @Override
  public Future<Long> deleteRecords(final String prefix) {
    return execute(
        "delete records " + prefix + "*",
        // left(), not LIKE: record names carry '_' and '%' freely.
        "DELETE FROM " + table("records") + " WHERE left(name, $1) = $2",
        Tuple.of(prefix.length(), prefix),
        rows -> (long) rows.rowCount());
  }

  private <T> Future<T> execute(
      final String operation,
      final String sql,
      final Tuple arguments,
      final Function<RowSet<Row>, T> result) {
    final Pool current;
    synchronized (this) {
      if (lifecycle != Lifecycle.STARTED) {
        return Future.failedFuture(
            new StoreException(
                operation + ": the store of schema " + schema + " is not started", false, null));
      }
      current = pool;
    }
    return current
        .preparedQuery(sql)
        .execute(arguments)
        .map(result)
        .recover(e -> Future.failedFuture(PostgresFailure.of(operation, e)));
  }

  private Future<Void> createSchema(final io.vertx.sqlclient.SqlConnection connection) {
    final String states =
        Arrays.stream(WorkState.values())
            .map(state -> "'" + state.name() + "'")
            .collect(Collectors.joining(", "));
    // CREATE ... IF NOT EXISTS is not safe against a concurrent CREATE of the same name (it fails
    // on
    // a unique index of the catalog), so instances starting together take turns.
    final List<String> statements =
        List.of(
            "SELECT pg_advisory_xact_lock(" + AdvisoryLockKey.of("xrelay-schema", schema) + ")",
            "CREATE SCHEMA IF NOT EXISTS " + schema,
            "CREATE TABLE IF NOT EXISTS "
                + table("work_items")
                + " (id text COLLATE \"C\" PRIMARY KEY,"
                + " route text NOT NULL,"
                + " state text NOT NULL CHECK (state IN ("
                + states
                + ")),"
                + " payload text NOT NULL,"
                + " attempts integer NOT NULL,"
                + " tx_hash text,"
                + " last_error text,"
                + " retry_at timestamptz,"
                + " created_at timestamptz NOT NULL,"
                + " updated_at timestamptz NOT NULL,"
                + " version bigint NOT NULL)",
            "CREATE INDEX IF NOT EXISTS work_items_by_route_state ON "
                + table("work_items")
                + " (route, state, created_at, id)",
            "CREATE INDEX IF NOT EXISTS work_items_by_age ON "
                + table("work_items")
                + " (created_at, id)",
            "CREATE TABLE IF NOT EXISTS "
                + table("checkpoints")
                + " (name text PRIMARY KEY, value bigint NOT NULL, updated_at timestamptz NOT NULL)",
            "CREATE TABLE IF NOT EXISTS "
                + table("records")
                + " (name text COLLATE \"C\" PRIMARY KEY, value text NOT NULL,"
                + " updated_at timestamptz NOT NULL)");
    Future<Void> chain = Future.succeededFuture();
    for (final String statement : statements) {
      chain = chain.compose(ignored -> connection.query(statement).execute().mapEmpty());
    }
    return chain;
  }

  private synchronized void resetAfterFailedStart(final Pool created) {
    // The database may be reachable later; a new start tries again with a new pool.
    if (lifecycle == Lifecycle.STARTED && pool == created) {
      lifecycle = Lifecycle.NEW;
      started = null;
      pool = null;
      created.close();
    }
  }

  private String table(final String name) {
    return schema + "." + name;
  }

  private static OffsetDateTime timestamp(final Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  private static Optional<WorkItem> first(final RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(item(rows.iterator().next()));
  }

  private static List<WorkItem> all(final RowSet<Row> rows) {
    final List<WorkItem> items = new ArrayList<>(rows.size());
    for (final Row row : rows) {
      items.add(item(row));
    }
    return items;
  }

  private static WorkItem item(final Row row) {
    return new WorkItem(
        row.getString(0),
        row.getString(1),
        WorkState.valueOf(row.getString(2)),
        row.getString(3),
        row.getInteger(4),
        Optional.ofNullable(row.getString(5)),
        Optional.ofNullable(row.getString(6)),
        Optional.ofNullable(row.getOffsetDateTime(7)).map(OffsetDateTime::toInstant),
        row.getOffsetDateTime(8).toInstant(),
        row.getOffsetDateTime(9).toInstant(),
        row.getLong(10));
  }

  private static void checkLimit(final int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
  }
}
