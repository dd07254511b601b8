package io.xrelay.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.xrelay.store.Await;
import io.xrelay.store.StoreException;
import io.xrelay.store.WorkItem;
import io.xrelay.store.WorkStore;
import io.xrelay.store.WorkStoreContractTest;
import io.xrelay.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteWorkStoreTest extends WorkStoreContractTest {
  @TempDir Path dataDirectory;

  @Override
  protected WorkStore openStore(final Vertx vertx, final MutableClock clock) {
    return new SqliteWorkStore(vertx, databaseFile(), SqliteDurability.PROCESS_CRASH, clock);
  }

  @Override
  protected WorkStore secondOwner() {
    // One process owns an SQLite file: the second owner is the same store from other contexts.
    return store;
  }

  @Override
  protected void createDatabase(final Vertx vertx) {}

  @Override
  protected void dropDatabase(final Vertx vertx) {}

  private Path databaseFile() {
    return dataDirectory.resolve(SqliteWorkStore.FILE_NAME);
  }

  @Test
  void shouldUseWriteAheadLoggingInOneFileUnderTheDataDirectory() throws Exception {
    Await.result(store.insert(pending("a", T0)));

    assertThat(databaseFile()).exists();
    assertThat(dataDirectory.resolve(SqliteWorkStore.FILE_NAME + "-wal")).exists();
    assertThat(DatabaseFileLock.lockFileOf(databaseFile())).exists();
    try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + databaseFile());
        Statement statement = reader.createStatement();
        ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
      mode.next();
      assertThat(mode.getString(1)).isEqualTo("wal");
    }
  }

  @Test
  void shouldRefuseASecondStoreOnTheSameFileUntilTheFirstStops() throws Exception {
    final SqliteWorkStore second =
        new SqliteWorkStore(vertx, databaseFile(), SqliteDurability.POWER_LOSS, clock);

    final Throwable failure = Await.failure(second.start());

    assertThat(failure).isInstanceOf(StoreException.class);
    assertThat(((StoreException) failure).retryable()).isFalse();
    assertThat(failure.getMessage()).contains(databaseFile().toString()).contains("in use");
    assertThat(second.holdsDatabase()).isFalse();
    assertThat(((SqliteWorkStore) store).holdsDatabase()).isTrue();

    Await.result(store.stop());
    Await.result(second.start());
    assertThat(second.holdsDatabase()).isTrue();
    Await.result(second.stop());
  }

  @Test
  void shouldCreateTheDataDirectoryWhenMissing() throws Exception {
    final Path nested = dataDirectory.resolve("deeper/data");
    final SqliteWorkStore fresh = SqliteWorkStore.inDataDirectory(vertx, nested);

    Await.result(fresh.start());
    Await.result(fresh.insert(WorkItem.pending("x", ROUTE, "{}", T0)));
    Await.result(fresh.stop());

    assertThat(nested.resolve(SqliteWorkStore.FILE_NAME)).exists();
  }

  @Test
  void shouldRefuseADatabaseFromANewerRelayer() throws Exception {
    Await.result(store.stop());
    try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + databaseFile());
        Statement statement = writer.createStatement()) {
      statement.executeUpdate("PRAGMA user_version = " + (SqliteWorkStore.SCHEMA_VERSION + 1));
    }
    store = openStore(vertx, clock);

    final Throwable failure = Await.failure(store.start());

    assertThat(failure).isInstanceOf(StoreException.class);
    assertThat(failure.getMessage())
        .contains("schema version " + (SqliteWorkStore.SCHEMA_VERSION + 1));
    assertThat(((SqliteWorkStore) store).holdsDatabase()).isFalse();
  }

  @Test
  void shouldFailToStartOnAFileThatIsNotADatabase() throws Exception {
    Await.result(store.stop());
    final Path garbage = dataDirectory.resolve("garbage.db");
    Files.writeString(
        garbage, "this is not an SQLite database, only text long enough to look like one..");
    store = new SqliteWorkStore(vertx, garbage, SqliteDurability.PROCESS_CRASH, clock);

    final Throwable failure = Await.failure(store.start());

    assertThat(failure).isInstanceOf(StoreException.class);
    assertThat(((StoreException) failure).retryable()).isFalse();
    assertThat(failure.getMessage()).contains(garbage.toString());
  }
}
