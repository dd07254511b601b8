package io.xrelay.store.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.xrelay.store.StoreException;
import io.xrelay.store.journey.Journey;
import io.xrelay.store.journey.JourneyLeg;
import io.xrelay.store.journey.JourneyQuery;
import io.xrelay.store.journey.JourneySql;
import io.xrelay.store.journey.JourneyStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Journeys in their own SQLite file (WAL) beside the work store's, so the tracker's writes never
 * wait on the work pipeline's. As in {@link SqliteWorkStore}, one worker thread owns the
 * connection, and each upsert is one transaction.
 */
public final class SqliteJourneyStore implements JourneyStore {
  /** The database file's name inside the data directory. */
  public static final String FILE_NAME = "journeys.db";

  private final Vertx vertx;
  private final Path databaseFile;
  private final SqliteDurability durability;
  private WorkerExecutor worker;
  private Future<Void> started;
  private boolean stopped;

  // Confined to the worker thread.
  private Connection connection;

  public SqliteJourneyStore(
      final Vertx vertx, final Path databaseFile, final SqliteDurability durability) {
    this.vertx = vertx;
    this.databaseFile = databaseFile.toAbsolutePath();
    this.durability = durability;
  }

  @Override
  public synchronized Future<Void> start() {
    if (stopped) {
      return Future.failedFuture(
          new StoreException("the journey store of " + databaseFile + " was stopped", false, null));
    }
    if (started == null) {
      worker = vertx.createSharedWorkerExecutor("xrelay-journeys-" + UUID.randomUUID(), 1);
      started =
          worker.executeBlocking(
              () -> {
                try {
                  connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile);
                  try (Statement pragma = connection.createStatement()) {
                    pragma.execute("PRAGMA journal_mode = WAL");
                    pragma.executeUpdate("PRAGMA synchronous = " + durability.synchronousPragma());
                    pragma.executeUpdate("PRAGMA busy_timeout = 5000");
                    for (final String ddl : JourneySql.schema("", "INTEGER")) {
                      pragma.executeUpdate(ddl);
                    }
                  }
                  return null;
                } catch (SQLException e) {
                  throw SqliteFailure.of("open " + databaseFile, e);
                }
              },
              true);
    }
    return started;
  }

  @Override
  public synchronized Future<Void> stop() {
    if (stopped) {
      return Future.succeededFuture();
    }
    stopped = true;
    if (worker == null) {
      return Future.succeededFuture();
    }
    final WorkerExecutor executor = worker;
    return executor
        .<Void>executeBlocking(
            () -> {
              if (connection != null) {
                connection.close();
                connection = null;
              }
              return null;
            },
            true)
        .eventually(executor::close);
  }

  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  private <T> Future<T> onWorker(final String operation, final SqlWork<T> work) {
    final WorkerExecutor executor;
    synchronized (this) {
      if (started == null || stopped) {
        return Future.failedFuture(
            new StoreException(operation + ": the journey store is not open", false, null));
      }
      executor = worker;
    }
    return executor.executeBlocking(
        () -> {
          if (connection == null) {
            throw new StoreException(operation + ": the journey store is not open", false, null);
          }
          try {
            return work.run();
          } catch (SQLException e) {
            throw SqliteFailure.of(operation, e);
          }
        },
        true);
  }

  private static List<String> marks(final int count) {
    return Collections.nCopies(count, "?");
  }

  private static void bind(final PreparedStatement statement, final List<Object> values)
      throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      final Object value = values.get(i);
      if (value instanceof Boolean flag) {
        statement.setInt(i + 1, flag ? 1 : 0);
      } else {
        statement.setObject(i + 1, value);
      }
    }
  }

  @Override
  public Future<Void> upsert(final Journey journey) {
    return onWorker(
        "save journey " + journey.messageId(),
        () -> {
          connection.setAutoCommit(false);
          try {
            final List<Object> row = JourneySql.journeyValues(journey);
            try (PreparedStatement upsert =
                connection.prepareStatement(JourneySql.upsertJourney("", marks(row.size())))) {
              bind(upsert, row);
              upsert.executeUpdate();
            }
            try (PreparedStatement insert =
                connection.prepareStatement(JourneySql.insertLeg("", marks(13)))) {
              int ordinal = 0;
              for (final JourneyLeg leg : journey.legs()) {
                bind(insert, JourneySql.legValues(journey.messageId(), ordinal++, leg));
                insert.executeUpdate();
              }
            }
            try (PreparedStatement insert =
                connection.prepareStatement(JourneySql.insertKey("", marks(2)))) {
              for (final String key : journey.keys()) {
                bind(insert, List.of(key, journey.messageId()));
                insert.executeUpdate();
              }
            }
            connection.commit();
          } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
          } finally {
            connection.setAutoCommit(true);
          }
          return null;
        });
  }

  @Override
  public Future<Optional<Journey>> get(final String idOrKey) {
    return onWorker(
        "get journey " + idOrKey,
        () -> {
          final List<Journey> direct =
              select("SELECT * FROM xcm_journeys WHERE message_id = ?", List.of(idOrKey));
          if (!direct.isEmpty()) {
            return Optional.of(direct.get(0));
          }
          final List<Journey> byKey =
              select(
                  "SELECT j.* FROM xcm_journeys j JOIN xcm_journey_keys k ON k.message_id ="
                      + " j.message_id WHERE k.key = ? ORDER BY j.updated_at DESC LIMIT 1",
                  List.of(idOrKey));
          return byKey.isEmpty() ? Optional.<Journey>empty() : Optional.of(byKey.get(0));
        });
  }

  @Override
  public Future<List<Journey>> list(final JourneyQuery query) {
    return onWorker(
        "list journeys",
        () -> {
          final JourneySql.Filter filter = JourneySql.Filter.of(query, i -> "?");
          final List<Object> values = new ArrayList<>(filter.values());
          values.add(query.limit());
          return select(
              "SELECT * FROM xcm_journeys"
                  + filter.where()
                  + " ORDER BY updated_at DESC, message_id LIMIT ?",
              values);
        });
  }

  @Override
  public Future<List<Journey>> pending(final int limit) {
    return onWorker(
        "pending journeys",
        () ->
            select(
                "SELECT * FROM xcm_journeys WHERE outcome = 'pending' ORDER BY updated_at,"
                    + " message_id LIMIT ?",
                List.of(limit)));
  }

  @Override
  public Future<Boolean> delete(final String messageId) {
    return onWorker(
        "delete journey " + messageId,
        () -> {
          connection.setAutoCommit(false);
          try {
            int deleted = 0;
            for (final String table :
                List.of("xcm_journey_legs", "xcm_journey_keys", "xcm_journeys")) {
              try (PreparedStatement delete =
                  connection.prepareStatement("DELETE FROM " + table + " WHERE message_id = ?")) {
                delete.setString(1, messageId);
                deleted = delete.executeUpdate();
              }
            }
            connection.commit();
            return deleted > 0;
          } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
          } finally {
            connection.setAutoCommit(true);
          }
        });
  }

  private List<Journey> select(final String sql, final List<Object> values) throws SQLException {
    final List<Journey> journeys = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      bind(select, values);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          final String id = rows.getString("message_id");
          journeys.add(JourneySql.journey(row(rows), keys(id), legs(id)));
        }
      }
    }
    return journeys;
  }

  private Set<String> keys(final String messageId) throws SQLException {
    final Set<String> keys = new LinkedHashSet<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT key FROM xcm_journey_keys WHERE message_id = ? ORDER BY key")) {
      select.setString(1, messageId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          keys.add(rows.getString(1));
        }
      }
    }
    return keys;
  }

  private List<JourneyLeg> legs(final String messageId) throws SQLException {
    final List<JourneyLeg> legs = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT * FROM xcm_journey_legs WHERE message_id = ? ORDER BY ordinal, time_millis")) {
      select.setString(1, messageId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          legs.add(JourneySql.leg(row(rows)));
        }
      }
    }
    return legs;
  }

  private static JourneySql.Row row(final ResultSet rows) {
    return new JourneySql.Row() {
      @Override
      public String text(final String column) {
        try {
          return rows.getString(column);
        } catch (SQLException e) {
          throw new IllegalStateException(column, e);
        }
      }

      @Override
      public long number(final String column) {
        try {
          return rows.getLong(column);
        } catch (SQLException e) {
          throw new IllegalStateException(column, e);
        }
      }

      @Override
      public boolean bool(final String column) {
        try {
          return rows.getInt(column) != 0;
        } catch (SQLException e) {
          throw new IllegalStateException(column, e);
        }
      }
    };
  }
}
