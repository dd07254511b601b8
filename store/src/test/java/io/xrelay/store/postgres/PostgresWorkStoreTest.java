package io.xrelay.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.xrelay.store.Await;
import io.xrelay.store.StoreException;
import io.xrelay.store.TestPostgres;
import io.xrelay.store.WorkStore;
import io.xrelay.store.WorkStoreContractTest;
import io.xrelay.testing.MutableClock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresWorkStoreTest extends WorkStoreContractTest {
  private String schema;
  private final List<WorkStore> others = new ArrayList<>();

  @Override
  protected void createDatabase(final Vertx vertx) {
    TestPostgres.assumeAvailable(vertx);
    schema = TestPostgres.uniqueSchema();
  }

  @Override
  protected WorkStore openStore(final Vertx vertx, final MutableClock clock) {
    return new PostgresWorkStore(vertx, TestPostgres.connectOptions(), 4, schema, clock);
  }

  @Override
  protected WorkStore secondOwner() throws Exception {
    final WorkStore other = openStore(vertx, clock);
    others.add(other);
    Await.result(other.start());
    return other;
  }

  @Override
  protected void dropDatabase(final Vertx vertx) throws Exception {
    for (final WorkStore other : others) {
      Await.result(other.stop());
    }
    if (schema != null) {
      TestPostgres.dropSchema(vertx, schema);
    }
  }

  @Test
  void shouldCreateTheSchemaOnceWhenInstancesStartTogether() throws Exception {
    Await.result(store.stop());
    TestPostgres.dropSchema(vertx, schema);
    final List<WorkStore> instances = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      instances.add(openStore(vertx, clock));
    }
    others.addAll(instances);

    final List<Future<Void>> starts = new ArrayList<>();
    instances.forEach(instance -> starts.add(instance.start()));
    for (final Future<Void> start : starts) {
      Await.result(start);
    }

    assertThat(Await.result(instances.get(0).insert(pending("a", T0)))).isTrue();
    assertThat(Await.result(instances.get(3).get("a"))).isPresent();
    assertThat(
            TestPostgres.sql(
                    vertx,
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                        + schema
                        + "'")
                .iterator()
                .next()
                .getLong(0))
        .as("work_items, checkpoints, records")
        .isEqualTo(3L);
  }

  @Test
  void shouldFailRetryablyWhenTheDatabaseIsUnreachableAndStartLater() throws Exception {
    final PostgresWorkStore unreachable =
        new PostgresWorkStore(
            vertx, TestPostgres.connectOptions().setPort(1), 1, schema, Clock.systemUTC());

    final Throwable failure = Await.failure(unreachable.start());

    assertThat(failure).isInstanceOf(StoreException.class);
    assertThat(((StoreException) failure).retryable()).isTrue();
    assertThat(failure.getMessage()).contains("create schema " + schema);
    // A failed start leaves the store startable again rather than stuck.
    assertThat(Await.failure(unreachable.start())).isInstanceOf(StoreException.class);
    Await.result(unreachable.stop());
  }

  @Test
  void shouldRefuseASchemaNameThatIsNotAPlainIdentifier() {
    for (final String bad : List.of("", "Upper", "x; DROP TABLE y", "9lives", "a-b", "\"q\"")) {
      assertThatThrownBy(
              () ->
                  new PostgresWorkStore(
                      vertx, TestPostgres.connectOptions(), 1, bad, Clock.systemUTC()))
          .as("schema %s", bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void shouldClassifyDatabaseAnswersAsPermanentAndBrokenConnectionsAsRetryable() throws Exception {
    TestPostgres.sql(vertx, "ALTER TABLE " + schema + ".work_items RENAME TO gone");

    final Throwable missingTable = Await.failure(store.get("a"));

    assertThat(missingTable).isInstanceOf(StoreException.class);
    assertThat(((StoreException) missingTable).retryable()).isFalse();
    assertThat(missingTable.getMessage()).contains("get a").contains("42P01");
  }
}
