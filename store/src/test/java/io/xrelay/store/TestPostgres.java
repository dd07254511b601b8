package io.xrelay.store;

import static org.assertj.core.api.Assumptions.assumeThat;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL the tests run against: 127.0.0.1:5432, database {@code test}, user {@code
 * postgres}, trust auth, unless {@code XRELAY_TEST_PG_HOST}, {@code _PORT}, {@code _DATABASE},
 * {@code _USER} or {@code _PASSWORD} say otherwise.
 *
 * <p>When {@code CI=true} a missing database fails the tests; on a developer machine without one
 * they are skipped.
 */
public final class TestPostgres {
  private TestPostgres() {}

  public static PgConnectOptions connectOptions() {
    return new PgConnectOptions()
        .setHost(env("XRELAY_TEST_PG_HOST", "127.0.0.1"))
        .setPort(Integer.parseInt(env("XRELAY_TEST_PG_PORT", "5432")))
        .setDatabase(env("XRELAY_TEST_PG_DATABASE", "test"))
        .setUser(env("XRELAY_TEST_PG_USER", "postgres"))
        .setPassword(env("XRELAY_TEST_PG_PASSWORD", ""))
        .addProperty("client_min_messages", "warning");
  }

  /** Skips the calling test when PostgreSQL is down, unless on CI, where that is a failure. */
  public static void assumeAvailable(final Vertx vertx) {
    Throwable failure = null;
    try {
      PgConnection.connect(vertx, connectOptions())
          .compose(connection -> connection.close())
          .await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      failure = e;
    }
    if (failure != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(
          "PostgreSQL at " + describe() + " is required on CI and is not reachable", failure);
    }
    assumeThat(failure).as("PostgreSQL reachable at %s", describe()).isNull();
  }

  /** A schema name no other test run uses. */
  public static String uniqueSchema() {
    return "xrelay_test_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** Runs one statement on a fresh connection of its own. */
  public static RowSet<Row> sql(final Vertx vertx, final String statement) throws Exception {
    return PgConnection.connect(vertx, connectOptions())
        .compose(
            connection ->
                connection.query(statement).execute().eventually(() -> connection.close()))
        .await(30, TimeUnit.SECONDS);
  }

  public static void dropSchema(final Vertx vertx, final String schema) throws Exception {
    sql(vertx, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static String describe() {
    final PgConnectOptions options = connectOptions();
    return options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
  }

  private static String env(final String name, final String fallback) {
    final String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}
