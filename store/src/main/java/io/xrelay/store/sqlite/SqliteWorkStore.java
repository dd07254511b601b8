package io.xrelay.store.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.xrelay.store.StoreException;
import io.xrelay.store.Transition;
import io.xrelay.store.WorkItem;
import io.xrelay.store.WorkQuery;
import io.xrelay.store.WorkState;
import io.xrelay.store.WorkStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The embedded store: one SQLite file in WAL mode under the data directory.
 *
 * <p>JDBC blocks, and SQLite has a single writer, so every statement runs on one dedicated worker
 * thread over one connection: statements never wait on each other's locks, and each future
 * completes on the Vert.x context of its caller. Every change is its own committed transaction
 * before its future completes; what that commit survives is set by {@link SqliteDurability}.
 *
 * <p>While started, the store holds {@link DatabaseFileLock} on the file, so a second relayer on
 * the same data directory fails at start instead of sharing the database.
 */
public final class SqliteWorkStore implements WorkStore {
  /** The database file's name inside the data directory. */
  public static final String FILE_NAME = "relayer.db";

  /** Bumped by every schema change; a newer file is refused rather than misread. */
  static final int SCHEMA_VERSION = 1;

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
  private final Path databaseFile;
  private final SqliteDurability durability;
  private final Clock clock;

  private Lifecycle lifecycle = Lifecycle.NEW;
  private Future<Void> started;
  private Future<Void> stopped;
  private WorkerExecutor worker;
  private volatile DatabaseFileLock fileLock;

  // Confined to the worker thread.
  private Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  public SqliteWorkStore(
      final Vertx vertx,
      final Path databaseFile,
      final SqliteDurability durability,
      final Clock clock) {
    this.vertx = vertx;
    this.databaseFile = databaseFile.toAbsolutePath();
    this.durability = durability;
    this.clock = clock;
  }

  /** The store in {@code dataDirectory}/{@value #FILE_NAME}, surviving a kill of the process. */
  public static SqliteWorkStore inDataDirectory(final Vertx vertx, final Path dataDirectory) {
    return new SqliteWorkStore(
        vertx, dataDirectory.resolve(FILE_NAME), SqliteDurability.PROCESS_CRASH, Clock.systemUTC());
  }

  public Path databaseFile() {
    return databaseFile;
  }

  /** Whether this store is started and holds the database's file lock. */
  public boolean holdsDatabase() {
    final DatabaseFileLock lock = fileLock;
    return lock != null && lock.isHeld();
  }

  @Override
  public synchronized Future<Void> start() {
    if (lifecycle == Lifecycle.STOPPED) {
      return Future.failedFuture(
          new StoreException("the store of " + databaseFile + " was stopped", false, null));
    }
    if (started == null) {
      lifecycle = Lifecycle.STARTED;
      // A pool of exactly one thread: SQLite has one writer, and the connection is confined to it.
      worker = vertx.createSharedWorkerExecutor("xrelay-sqlite-" + UUID.randomUUID(), 1);
      started =
          worker
              .<Void>executeBlocking(
                  () -> {
                    open();
                    return null;
                  },
                  true)
              .onFailure(e -> resetAfterFailedStart());
    }
    return started;
  }

  @Override
  public synchronized Future<Void> stop() {
    if (stopped == null) {
      final Lifecycle previous = lifecycle;
      lifecycle = Lifecycle.STOPPED;
      if (previous == Lifecycle.NEW) {
        stopped = Future.succeededFuture();
      } else {
        // Queued behind every statement already submitted, so those still complete.
        final WorkerExecutor executor = worker;
        stopped =
            executor
                .<Void>executeBlocking(
                    () -> {
                      closeConnection();
                      return null;
                    },
                    true)
                .eventually(executor::close);
      }
    }
    return stopped;
  }

  @Override
  public Future<Boolean> insert(final WorkItem item) {
    return onWorker(
        "insert " + item.id(),
        () -> {
          final PreparedStatement insert =
              statement(
                  "INSERT INTO work_items ("
                      + COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING");
          insert.setString(1, item.id());
          insert.setString(2, item.route());
          insert.setString(3, item.state().name());
          insert.setString(4, item.payload());
          insert.setInt(5, item.attempts());
          insert.setString(6, item.txHash().orElse(null));
          insert.setString(7, item.lastError().orElse(null));
          setOptionalInstant(insert, 8, item.retryAt());
          insert.setLong(9, EpochMicros.of(item.createdAt()));
          insert.setLong(10, EpochMicros.of(item.updatedAt()));
          insert.setLong(11, item.version());
          return insert.executeUpdate() == 1;
        });
  }

  @Override
  public Future<Optional<WorkItem>> get(final String id) {
    return onWorker("get " + id, () -> read(id));
  }

  @Override
  public Future<List<WorkItem>> list(final WorkQuery query) {
    return onWorker(
        "list " + query,
        () -> {
          final List<String> conditions = new ArrayList<>();
          query.route().ifPresent(route -> conditions.add("route = ?"));
          query.state().ifPresent(state -> conditions.add("state = ?"));
          final PreparedStatement select =
              statement(
                  "SELECT "
                      + COLUMNS
                      + " FROM work_items"
                      + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                      + " ORDER BY created_at DESC, id DESC LIMIT ?");
          int index = 1;
          if (query.route().isPresent()) {
            select.setString(index++, query.route().get());
          }
          if (query.state().isPresent()) {
            select.setString(index++, query.state().get().name());
          }
          select.setInt(index, query.limit());
          return readAll(select);
        });
  }

  @Override
  public Future<List<WorkItem>> due(final String route, final Instant now, final int limit) {
    checkLimit(limit);
    return onWorker(
        "due items of " + route,
        () -> {
          final PreparedStatement select =
              statement(
                  "SELECT "
                      + COLUMNS
                      + " FROM work_items WHERE route = ? AND (state = 'PENDING'"
                      + " OR (state = 'FAILED' AND retry_at <= ?)) ORDER BY created_at, id LIMIT ?");
          select.setString(1, route);
          select.setLong(2, EpochMicros.of(now));
          select.setInt(3, limit);
          return readAll(select);
        });
  }

  @Override
  public Future<List<WorkItem>> inState(
      final String route, final WorkState state, final int limit) {
    checkLimit(limit);
    return onWorker(
        state + " items of " + route,
        () -> {
          final PreparedStatement select =
              statement(
                  "SELECT "
                      + COLUMNS
                      + " FROM work_items WHERE route = ? AND state = ? ORDER BY created_at, id"
                      + " LIMIT ?");
          select.setString(1, route);
          select.setString(2, state.name());
          select.setInt(3, limit);
          return readAll(select);
        });
  }

  @Override
  public Future<Optional<WorkItem>> transition(final Transition transition) {
    final String operation =
        "move " + transition.id() + " from " + transition.from() + " to " + transition.to();
    final Optional<String> missing = transition.missingDetail();
    if (missing.isPresent()) {
      return Future.failedFuture(new StoreException(operation + ": " + missing.get(), false, null));
    }
    return onWorker(
        operation,
        () -> {
          final PreparedStatement update =
              statement(
                  "UPDATE work_items SET state = ?, version = version + 1, attempts = attempts + ?,"
                      + " tx_hash = COALESCE(?, tx_hash), last_error = COALESCE(?, last_error),"
                      + " retry_at = ?, updated_at = ? WHERE id = ? AND state = ? AND version = ?");
          update.setString(1, transition.to().name());
          update.setInt(2, transition.incrementAttempts() ? 1 : 0);
          update.setString(3, transition.txHash().orElse(null));
          update.setString(4, transition.error().orElse(null));
          setOptionalInstant(
              update,
              5,
              transition.to() == WorkState.FAILED ? transition.retryAt() : Optional.empty());
          update.setLong(6, EpochMicros.of(clock.instant()));
          update.setString(7, transition.id());
          update.setString(8, transition.from().name());
          update.setLong(9, transition.expectedVersion());
          // The update commits on its own; no other connection can change the row before the read
          // below, since this thread holds the only one (and the file lock keeps others out).
          return update.executeUpdate() == 1 ? read(transition.id()) : Optional.empty();
        });
  }

  @Override
  public Future<Long> purgeConfirmed(final Instant updatedBefore, final int limit) {
    checkLimit(limit);
    return onWorker(
        "purge confirmed items",
        () -> {
          final PreparedStatement purge =
              statement(
                  "DELETE FROM work_items WHERE id IN (SELECT id FROM work_items"
                      + " WHERE state = 'CONFIRMED' AND updated_at < ? LIMIT ?)");
          purge.setLong(1, EpochMicros.of(updatedBefore));
          purge.setInt(2, limit);
          return (long) purge.executeUpdate();
        });
  }

  @Override
  public Future<Boolean> delete(final String id) {
    return onWorker(
        "delete " + id,
        () -> {
          final PreparedStatement delete = statement("DELETE FROM work_items WHERE id = ?");
          delete.setString(1, id);
          return delete.executeUpdate() == 1;
        });
  }

  @Override
  public Future<Map<WorkState, Long>> countByState(final String route) {
    return onWorker(
        "count items of " + route,
        () -> {
          final PreparedStatement count =
              statement("SELECT state, count(*) FROM work_items WHERE route = ? GROUP BY state");
          count.setString(1, route);
          final Map<WorkState, Long> counts = new EnumMap<>(WorkState.class);
          for (final WorkState state : WorkState.values()) {
            counts.put(state, 0L);
          }
          try (ResultSet rows = count.executeQuery()) {
            while (rows.next()) {
              counts.put(WorkState.valueOf(rows.getString(1)), rows.getLong(2));
            }
          }
          return counts;
        });
  }

  @Override
  public Future<Optional<Instant>> oldestOpen(final String route) {
    return onWorker(
        "oldest open item of " + route,
        () -> {
          final PreparedStatement oldest =
              statement(
                  "SELECT min(created_at) FROM work_items WHERE route = ? AND state IN ("
                      + OPEN_STATES
                      + ")");
          oldest.setString(1, route);
          try (ResultSet rows = oldest.executeQuery()) {
            rows.next();
            final long micros = rows.getLong(1);
            return rows.wasNull()
                ? Optional.<Instant>empty()
                : Optional.of(EpochMicros.toInstant(micros));
          }
        });
  }

  @Override
  public Future<Void> saveCheckpoint(final String name, final long value) {
    return onWorker(
        "save checkpoint " + name,
        () -> {
          final PreparedStatement upsert =
              statement(
                  "INSERT INTO checkpoints (name, value, updated_at) VALUES (?, ?, ?)"
                      + " ON CONFLICT (name) DO UPDATE SET value = excluded.value,"
                      + " updated_at = excluded.updated_at");
          upsert.setString(1, name);
          upsert.setLong(2, value);
          upsert.setLong(3, EpochMicros.of(clock.instant()));
          upsert.executeUpdate();
          return null;
        });
  }

  @Override
  public Future<Optional<Long>> checkpoint(final String name) {
    return onWorker(
        "read checkpoint " + name,
        () -> {
          final PreparedStatement select =
              statement("SELECT value FROM checkpoints WHERE name = ?");
          select.setString(1, name);
          try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(rows.getLong(1)) : Optional.<Long>empty();
          }
        });
  }

  @Override
  public Future<Void> saveRecord(final String name, final String value) {
    return onWorker(
        "save record " + name,
        () -> {
          final PreparedStatement upsert =
              statement(
                  "INSERT INTO records (name, value, updated_at) VALUES (?, ?, ?)"
                      + " ON CONFLICT (name) DO UPDATE SET value = excluded.value,"
                      + " updated_at = excluded.updated_at");
          upsert.setString(1, name);
          upsert.setString(2, value);
          upsert.setLong(3, EpochMicros.of(clock.instant()));
          upsert.executeUpdate();
          return null;
        });
  }

  @Override
  public Future<Optional<String>> record(final String name) {
    return onWorker(
        "read record " + name,
        () -> {
          final PreparedStatement select = statement("SELECT value FROM records WHERE name = ?");
          select.setString(1, name);
          try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
          }
        });
  }

  @Override
  public Future<java.util.SortedMap<String, String>> records(final String prefix) {
    return onWorker(
        "read records " + prefix + "*",
        () -> {
          final PreparedStatement select =
              statement("SELECT name, value FROM records WHERE substr(name, 1, ?) = ?");
          select.setInt(1, prefix.length());
          select.setString(2, prefix);
          final java.util.SortedMap<String, String> found = new java.util.TreeMap<>();
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              found.put(rows.getString(1), rows.getString(2));
            }
          }
          return found;
        });
  }

  @Override
  public Future<Long> deleteRecords(final String prefix) {
    return onWorker(
        "delete records " + prefix + "*",
        () -> {
          // substr, not LIKE: record names carry '_' and '%' freely.
          final PreparedStatement delete =
              statement("DELETE FROM records WHERE substr(name, 1, ?) = ?");
          delete.setInt(1, prefix.length());
          delete.setString(2, prefix);
          return (long) delete.executeUpdate();
        });
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  private <T> Future<T> onWorker(final String operation, final SqlWork<T> work) {
    final WorkerExecutor executor;
    synchronized (this) {
      if (lifecycle != Lifecycle.STARTED) {
        return Future.failedFuture(notOpen(operation));
      }
      executor = worker;
    }
    return executor.executeBlocking(
        () -> {
          if (connection == null) {
            throw notOpen(operation);
          }
          try {
            return work.run();
          } catch (SQLException e) {
            throw SqliteFailure.of(operation, e);
          }
        },
        true);
  }

  private StoreException notOpen(final String operation) {
    return new StoreException(
        operation + ": the store of " + databaseFile + " is not open", false, null);
  }

  private void open() {
    final DatabaseFileLock lock = DatabaseFileLock.acquire(databaseFile);
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile);
      try (Statement pragma = connection.createStatement()) {
        try (ResultSet mode = pragma.executeQuery("PRAGMA journal_mode = WAL")) {
          if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
            throw new StoreException(
                "SQLite refused WAL mode for "
                    + databaseFile
                    + " (is it on a network file system?)",
                false,
                null);
          }
        }
        pragma.executeUpdate("PRAGMA synchronous = " + durability.synchronousPragma());
        pragma.executeUpdate("PRAGMA busy_timeout = 5000");
        createSchema(pragma);
      }
      fileLock = lock;
    } catch (SQLException e) {
      closeConnection();
      lock.close();
      throw SqliteFailure.of("open " + databaseFile, e);
    } catch (RuntimeException e) {
      closeConnection();
      lock.close();
      throw e;
    }
  }

  private void createSchema(final Statement statement) throws SQLException {
    final int version;
    try (ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
      rows.next();
      version = rows.getInt(1);
    }
    if (version > SCHEMA_VERSION) {
      throw new StoreException(
          databaseFile
              + " has schema version "
              + version
              + ", newer than this relayer's "
              + SCHEMA_VERSION
              + "; run the newer relayer",
          false,
          null);
    }
    final String states =
        Arrays.stream(WorkState.values())
            .map(state -> "'" + state.name() + "'")
            .collect(Collectors.joining(", "));
    connection.setAutoCommit(false);
    try {
      statement.executeUpdate(
          "CREATE TABLE IF NOT EXISTS work_items ("
              + "id TEXT NOT NULL PRIMARY KEY,"
              + " route TEXT NOT NULL,"
              + " state TEXT NOT NULL CHECK (state IN ("
              + states
              + ")),"
              + " payload TEXT NOT NULL,"
              + " attempts INTEGER NOT NULL,"
              + " tx_hash TEXT,"
              + " last_error TEXT,"
              + " retry_at INTEGER,"
              + " created_at INTEGER NOT NULL,"
              + " updated_at INTEGER NOT NULL,"
              + " version INTEGER NOT NULL)");
      statement.executeUpdate(
          "CREATE INDEX IF NOT EXISTS work_items_by_route_state"
              + " ON work_items (route, state, created_at, id)");
      statement.executeUpdate(
          "CREATE INDEX IF NOT EXISTS work_items_by_age ON work_items (created_at, id)");
      statement.executeUpdate(
          "CREATE TABLE IF NOT EXISTS checkpoints ("
              + "name TEXT NOT NULL PRIMARY KEY,"
              + " value INTEGER NOT NULL,"
              + " updated_at INTEGER NOT NULL)");
      statement.executeUpdate(
          "CREATE TABLE IF NOT EXISTS records ("
              + "name TEXT NOT NULL PRIMARY KEY,"
              + " value TEXT NOT NULL,"
              + " updated_at INTEGER NOT NULL)");
      statement.executeUpdate("PRAGMA user_version = " + SCHEMA_VERSION);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private synchronized void resetAfterFailedStart() {
    // A failed start leaves nothing open, and a later start may succeed (the other relayer that
    // held the database has exited). A stop that came meanwhile closes the worker itself.
    if (lifecycle == Lifecycle.STARTED) {
      lifecycle = Lifecycle.NEW;
      started = null;
      worker.close();
      worker = null;
    }
  }

  private void closeConnection() {
    for (final PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        // Closing the connection below frees it too.
      }
    }
    statements.clear();
    if (connection != null) {
      try {
        // The last connection to close checkpoints the WAL into the database file.
        connection.close();
      } catch (SQLException e) {
        // Every change was committed already; nothing is lost by a failed close.
      }
      connection = null;
    }
    final DatabaseFileLock lock = fileLock;
    if (lock != null) {
      lock.close();
      fileLock = null;
    }
  }

  private PreparedStatement statement(final String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  private Optional<WorkItem> read(final String id) throws SQLException {
    final PreparedStatement select =
        statement("SELECT " + COLUMNS + " FROM work_items WHERE id = ?");
    select.setString(1, id);
    final List<WorkItem> items = readAll(select);
    return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
  }

  private static List<WorkItem> readAll(final PreparedStatement select) throws SQLException {
    final List<WorkItem> items = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        items.add(
            new WorkItem(
                rows.getString(1),
                rows.getString(2),
                WorkState.valueOf(rows.getString(3)),
                rows.getString(4),
                rows.getInt(5),
                Optional.ofNullable(rows.getString(6)),
                Optional.ofNullable(rows.getString(7)),
                optionalInstant(rows, 8),
                EpochMicros.toInstant(rows.getLong(9)),
                EpochMicros.toInstant(rows.getLong(10)),
                rows.getLong(11)));
      }
    }
    return items;
  }

  private static Optional<Instant> optionalInstant(final ResultSet rows, final int column)
      throws SQLException {
    final long micros = rows.getLong(column);
    return rows.wasNull() ? Optional.empty() : Optional.of(EpochMicros.toInstant(micros));
  }

  private static void setOptionalInstant(
      final PreparedStatement statement, final int index, final Optional<Instant> instant)
      throws SQLException {
    if (instant.isPresent()) {
      statement.setLong(index, EpochMicros.of(instant.get()));
    } else {
      statement.setNull(index, java.sql.Types.INTEGER);
    }
  }

  private static void checkLimit(final int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
  }
}
