package io.xrelay.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.xrelay.store.Await;
import io.xrelay.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceOwnershipTest {
  @TempDir Path dataDirectory;
  private Vertx vertx;
  private SqliteWorkStore store;

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    store =
        new SqliteWorkStore(
            vertx,
            dataDirectory.resolve(SqliteWorkStore.FILE_NAME),
            SqliteDurability.PROCESS_CRASH,
            Clock.systemUTC());
  }

  @AfterEach
  void close() throws Exception {
    Await.result(store.stop());
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldOwnEveryRouteWhileTheStoreHoldsTheDatabase() throws Exception {
    Await.result(store.start());
    final SingleInstanceOwnership ownership = new SingleInstanceOwnership(store);

    assertThat(Await.result(ownership.tryAcquire("kusama-beefy"))).isTrue();
    assertThat(Await.result(ownership.tryAcquire("polkadot-beefy"))).isTrue();
    assertThat(ownership.owns("kusama-beefy")).isTrue();
    assertThat(ownership.owns("never-asked")).isFalse();

    Await.result(ownership.release("kusama-beefy"));
    assertThat(ownership.owns("kusama-beefy")).isFalse();
    assertThat(ownership.owns("polkadot-beefy")).isTrue();

    Await.result(store.stop());
    assertThat(ownership.owns("polkadot-beefy")).isFalse();
  }

  @Test
  void shouldOwnNothingWithoutTheDatabase() throws Exception {
    final SingleInstanceOwnership ownership = new SingleInstanceOwnership(store);

    final Throwable failure = Await.failure(ownership.tryAcquire("kusama-beefy"));

    assertThat(failure).isInstanceOf(StoreException.class).hasMessageContaining("not open");
    assertThat(ownership.owns("kusama-beefy")).isFalse();
  }

  @Test
  void shouldOwnNothingAfterStop() throws Exception {
    Await.result(store.start());
    final SingleInstanceOwnership ownership = new SingleInstanceOwnership(store);
    assertThat(Await.result(ownership.tryAcquire("kusama-beefy"))).isTrue();

    Await.result(ownership.stop());
    Await.result(ownership.stop());

    assertThat(ownership.owns("kusama-beefy")).isFalse();
    assertThat(Await.failure(ownership.tryAcquire("kusama-beefy")))
        .isInstanceOf(StoreException.class);
  }
}
