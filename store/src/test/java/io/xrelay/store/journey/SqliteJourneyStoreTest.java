package io.xrelay.store.journey;

import io.vertx.core.Vertx;
import io.xrelay.store.sqlite.SqliteDurability;
import io.xrelay.store.sqlite.SqliteJourneyStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteJourneyStoreTest extends JourneyStoreContractTest {
  @TempDir Path dataDirectory;

  @Override
  protected JourneyStore openStore(final Vertx vertx) {
    return new SqliteJourneyStore(
        vertx, dataDirectory.resolve(SqliteJourneyStore.FILE_NAME), SqliteDurability.PROCESS_CRASH);
  }

  @Override
  protected void createDatabase(final Vertx vertx) {}

  @Override
  protected void dropDatabase(final Vertx vertx) {}
}
