package io.xrelay.store.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.xrelay.store.StoreException;
import io.xrelay.store.journey.Journey;
import io.xrelay.store.journey.JourneyLeg;
import io.xrelay.store.journey.JourneyQuery;
import io.xrelay.store.journey.JourneySql;
import io.xrelay.store.journey.JourneyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Journeys in the PostgreSQL schema the work store uses; several instances may share it (upserts
 * are idempotent, so two writers of one journey converge).
 */
public final class PostgresJourneyStore implements JourneyStore {
  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final Vertx vertx;
  private final PgConnectOptions connectOptions;
  private final int poolSize;
  private final String schema;
  private volatile Pool pool;
  private Future<Void> started;
  private boolean stopped;

  public PostgresJourneyStore(
      final Vertx vertx,
      final PgConnectOptions connectOptions,
      final int poolSize,
      final String schema) {
    if (!SCHEMA_NAME.matcher(schema).matches()) {
      throw new IllegalArgumentException(
          "schema must be a lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63), got '"
              + schema
              + "'");
    }
    this.vertx = vertx;
    this.connectOptions = connectOptions;
    this.poolSize = poolSize;
    this.schema = schema;
  }

  @Override
  public synchronized Future<Void> start() {
    if (stopped) {
      return Future.failedFuture(
          new StoreException(
              "the journey store of schema " + schema + " was stopped", false, null));
    }
    if (started == null) {
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
              .recover(e -> Future.failedFuture(PostgresFailure.of("create journey tables", e)));
    }
    return started;
  }

  private Future<Void> createSchema(final SqlConnection connection) {
    final List<String> statements = new ArrayList<>();
    // Instances starting together take turns (CREATE IF NOT EXISTS races on the catalog).
    statements.add(
        "SELECT pg_advisory_xact_lock(" + AdvisoryLockKey.of("xrelay-schema", schema) + ")");
    statements.add("CREATE SCHEMA IF NOT EXISTS " + schema);
    statements.addAll(JourneySql.schema(schema + ".", "bigint"));
    Future<Void> chain = Future.succeededFuture();
    for (final String statement : statements) {
      chain = chain.compose(ignored -> connection.query(statement).execute().mapEmpty());
    }
    return chain;
  }

  @Override
  public synchronized Future<Void> stop() {
    if (stopped) {
      return Future.succeededFuture();
    }
    stopped = true;
    return pool == null ? Future.succeededFuture() : pool.close();
  }

  private Pool pool(final String operation) {
    synchronized (this) {
      if (started == null || stopped) {
        throw new StoreException(operation + ": the journey store is not started", false, null);
      }
    }
    return pool;
  }

  private static List<String> marks(final int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> "$" + i).collect(Collectors.toList());
  }

  private String prefix() {
    return schema + ".";
  }

  @Override
  public Future<Void> upsert(final Journey journey) {
    final String operation = "save journey " + journey.messageId();
    final Pool current;
    try {
      current = pool(operation);
    } catch (StoreException e) {
      return Future.failedFuture(e);
    }
    final List<Tuple> legs = new ArrayList<>();
    int ordinal = 0;
    for (final JourneyLeg leg : journey.legs()) {
      legs.add(Tuple.from(JourneySql.legValues(journey.messageId(), ordinal++, leg)));
    }
    final List<Tuple> keys =
        journey.keys().stream().map(key -> Tuple.of(key, journey.messageId())).toList();
    return current
        .withTransaction(
            connection -> {
              Future<?> chain =
                  connection
                      .preparedQuery(JourneySql.upsertJourney(prefix(), marks(8)))
                      .execute(Tuple.from(JourneySql.journeyValues(journey)));
              if (!legs.isEmpty()) {
                chain =
                    chain.compose(
                        v ->
                            connection
                                .preparedQuery(JourneySql.insertLeg(prefix(), marks(13)))
                                .executeBatch(legs));
              }
              if (!keys.isEmpty()) {
                chain =
                    chain.compose(
                        v ->
                            connection
                                .preparedQuery(JourneySql.insertKey(prefix(), marks(2)))
                                .executeBatch(keys));
              }
              return chain.<Void>mapEmpty();
            })
        .recover(e -> Future.failedFuture(PostgresFailure.of(operation, e)));
  }

  @Override
  public Future<Optional<Journey>> get(final String idOrKey) {
    final String operation = "get journey " + idOrKey;
    try {
      final Pool current = pool(operation);
      return select(
              current,
              "SELECT * FROM " + prefix() + "xcm_journeys WHERE message_id = $1",
              Tuple.of(idOrKey))
          .compose(
              direct ->
                  direct.isEmpty()
                      ? select(
                          current,
                          "SELECT j.* FROM "
                              + prefix()
                              + "xcm_journeys j JOIN "
                              + prefix()
                              + "xcm_journey_keys k ON k.message_id = j.message_id WHERE k.key ="
                              + " $1 ORDER BY j.updated_at DESC LIMIT 1",
                          Tuple.of(idOrKey))
                      : Future.succeededFuture(direct))
          .map(found -> found.isEmpty() ? Optional.<Journey>empty() : Optional.of(found.get(0)))
          .recover(e -> Future.failedFuture(PostgresFailure.of(operation, e)));
    } catch (StoreException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public Future<List<Journey>> list(final JourneyQuery query) {
    final String operation = "list journeys";
    try {
      final JourneySql.Filter filter = JourneySql.Filter.of(query, i -> "$" + i);
      final List<Object> values = new ArrayList<>(filter.values());
      values.add(query.limit());
      return select(
              pool(operation),
              "SELECT * FROM "
                  + prefix()
                  + "xcm_journeys"
                  + filter.where()
                  + " ORDER BY updated_at DESC, message_id LIMIT $"
                  + values.size(),
              Tuple.from(values))
          .recover(e -> Future.failedFuture(PostgresFailure.of(operation, e)));
    } catch (StoreException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public Future<List<Journey>> pending(final int limit) {
    final String operation = "pending journeys";
    try {
      return select(
              pool(operation),
              "SELECT * FROM "
                  + prefix()
                  + "xcm_journeys WHERE outcome = 'pending' ORDER BY updated_at, message_id"
                  + " LIMIT $1",
              Tuple.of(limit))
          .recover(e -> Future.failedFuture(PostgresFailure.of(operation, e)));
    } catch (StoreException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public Future<Boolean> delete(final String messageId) {
    final String operation = "delete journey " + messageId;
    try {
      return pool(operation)
          .withTransaction(
              connection ->
                  connection
                      .preparedQuery(
                          "DELETE FROM " + prefix() + "xcm_journey_legs WHERE message_id = $1")
                      .execute(Tuple.of(messageId))
                      .compose(
                          v ->
                              connection
                                  .preparedQuery(
                                      "DELETE FROM "
                                          + prefix()
                                          + "xcm_journey_keys WHERE message_id = $1")
                                  .execute(Tuple.of(messageId)))
                      .compose(
                          v ->
                              connection
                                  .preparedQuery(
                                      "DELETE FROM "
                                          + prefix()
                                          + "xcm_journeys WHERE message_id = $1")
                                  .execute(Tuple.of(messageId)))
                      .map(rows -> rows.rowCount() > 0))
          .recover(e -> Future.failedFuture(PostgresFailure.of(operation, e)));
    } catch (StoreException e) {
      return Future.failedFuture(e);
    }
  }

  /** Journey rows, then their legs and keys in one query each. */
  private Future<List<Journey>> select(final SqlClient client, final String sql, final Tuple args) {
    return client
        .preparedQuery(sql)
        .execute(args)
        .compose(
            rows -> {
              final List<Row> journeyRows = new ArrayList<>();
              rows.forEach(journeyRows::add);
              if (journeyRows.isEmpty()) {
                return Future.succeededFuture(List.<Journey>of());
              }
              final String[] ids =
                  journeyRows.stream().map(r -> r.getString("message_id")).toArray(String[]::new);
              return Future.all(
                      client
                          .preparedQuery(
                              "SELECT * FROM "
                                  + prefix()
                                  + "xcm_journey_legs WHERE message_id = ANY($1) ORDER BY"
                                  + " message_id, ordinal, time_millis")
                          .execute(Tuple.of(ids)),
                      client
                          .preparedQuery(
                              "SELECT key, message_id FROM "
                                  + prefix()
                                  + "xcm_journey_keys WHERE message_id = ANY($1) ORDER BY key")
                          .execute(Tuple.of(ids)))
                  .map(
                      all -> {
                        final Map<String, List<JourneyLeg>> legs = new HashMap<>();
                        final RowSet<Row> legRows = all.resultAt(0);
                        legRows.forEach(
                            r ->
                                legs.computeIfAbsent(
                                        r.getString("message_id"), k -> new ArrayList<>())
                                    .add(JourneySql.leg(row(r))));
                        final Map<String, Set<String>> keys = new HashMap<>();
                        final RowSet<Row> keyRows = all.resultAt(1);
                        keyRows.forEach(
                            r ->
                                keys.computeIfAbsent(
                                        r.getString("message_id"), k -> new LinkedHashSet<>())
                                    .add(r.getString("key")));
                        final List<Journey> journeys = new ArrayList<>();
                        for (final Row r : journeyRows) {
                          final String id = r.getString("message_id");
                          journeys.add(
                              JourneySql.journey(
                                  row(r),
                                  keys.getOrDefault(id, Set.of()),
                                  legs.getOrDefault(id, List.of())));
                        }
                        return journeys;
                      });
            });
  }

  private static JourneySql.Row row(final Row row) {
    return new JourneySql.Row() {
      @Override
      public String text(final String column) {
        return row.getString(column);
      }

      @Override
      public long number(final String column) {
        final Number value = (Number) row.getValue(column);
        return value == null ? 0 : value.longValue();
      }

      @Override
      public boolean bool(final String column) {
        return Boolean.TRUE.equals(row.getBoolean(column));
      }
    };
  }
}
