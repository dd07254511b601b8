package io.xrelay.relayer.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.xrelay.config.ConfigLoader;
import io.xrelay.config.RelayerConfig;
import io.xrelay.store.WorkItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stores a configuration names, opened for real: SQLite in a folder, PostgreSQL on
 * 127.0.0.1:5432.
 */
class StoresIT {
  @TempDir Path dir;

  @Test
  void shouldOpenThePostgresStoreWithAdvisoryLockOwnershipFromTheConfig() throws Exception {
    final Path file =
        Files.writeString(
            dir.resolve("relayer.yaml"),
            "store:\n  kind: postgres\n  url: postgresql://127.0.0.1:5432/test\n  user: postgres\n"
                + "chains:\n  kusama:\n    kind: substrate\n    endpoints: [ws://127.0.0.1:1]\n");
    final RelayerConfig config = new ConfigLoader(Map.of()).load(file, Map.of()).config();
    final Vertx vertx = Vertx.vertx();
    try {
      final Stores stores = Stores.open(vertx, config.store(), Clock.systemUTC());
      stores.store().start().await(30, TimeUnit.SECONDS);
      final String id = "stores-it/" + UUID.randomUUID();
      assertThat(
              stores
                  .store()
                  .insert(WorkItem.pending(id, "stores-it", "{}", Instant.now()))
                  .await(30, TimeUnit.SECONDS))
          .isTrue();
      assertThat(stores.store().get(id).await(30, TimeUnit.SECONDS)).isPresent();
      assertThat(
              stores
                  .ownership()
                  .tryAcquire("stores-it-" + UUID.randomUUID())
                  .await(30, TimeUnit.SECONDS))
          .isTrue();
      stores.store().delete(id).await(30, TimeUnit.SECONDS);
      stores.ownership().stop().await(30, TimeUnit.SECONDS);
      stores.store().stop().await(30, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldOpenTheSqliteStoreAndRefuseASecondOneOnTheSameFile() throws Exception {
    final Path file =
        Files.writeString(
            dir.resolve("relayer.yaml"),
            "data-dir: "
                + dir
                + "\nchains:\n  kusama:\n    kind: substrate\n    endpoints: [ws://127.0.0.1:1]\n");
    final RelayerConfig config = new ConfigLoader(Map.of()).load(file, Map.of()).config();
    final Vertx vertx = Vertx.vertx();
    try {
      final Stores first = Stores.open(vertx, config.store(), Clock.systemUTC());
      first.store().start().await(30, TimeUnit.SECONDS);
      assertThat(first.ownership().tryAcquire("any").await(30, TimeUnit.SECONDS)).isTrue();
      final Stores second = Stores.open(vertx, config.store(), Clock.systemUTC());
      final Throwable refused =
          second
              .store()
              .start()
              .toCompletionStage()
              .toCompletableFuture()
              .handle((ok, error) -> error)
              .get(30, TimeUnit.SECONDS);
      assertThat(refused).isNotNull();
      first.store().stop().await(30, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
