package io.xrelay.store.journey;

import io.vertx.core.Vertx;
import io.xrelay.store.TestPostgres;
import io.xrelay.store.postgres.PostgresJourneyStore;

class PostgresJourneyStoreTest extends JourneyStoreContractTest {
  private String schema;

  @Override
  protected void createDatabase(final Vertx vertx) {
    TestPostgres.assumeAvailable(vertx);
    schema = TestPostgres.uniqueSchema();
  }

  @Override
  protected JourneyStore openStore(final Vertx vertx) {
    return new PostgresJourneyStore(vertx, TestPostgres.connectOptions(), 4, schema);
  }

  @Override
  protected void dropDatabase(final Vertx vertx) throws Exception {
    if (schema != null) {
      TestPostgres.dropSchema(vertx, schema);
    }
  }
}
