package io.xrelay.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Row;
import io.xrelay.store.Await;
import io.xrelay.store.FreezableTcpProxy;
import io.xrelay.store.StoreException;
import io.xrelay.store.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances, each with its own dedicated connection, compete for routes on the real PostgreSQL:
 * one wins, and the other takes over when the first one's session ends.
 */
class PostgresAdvisoryLockOwnershipIT {
  private static final String ROUTE = "kusama-beefy";
  private static final long TAKEOVER_DEADLINE_MILLIS = 10_000;

  private Vertx vertx;
  private String namespace;
  private final List<PostgresAdvisoryLockOwnership> instances = new ArrayList<>();

  @BeforeEach
  void connect() {
    vertx = Vertx.vertx();
    TestPostgres.assumeAvailable(vertx);
    // Each run competes only with itself, whatever else holds advisory locks on this database.
    namespace = "xrelay-test-" + UUID.randomUUID();
  }

  @AfterEach
  void stop() throws Exception {
    for (final PostgresAdvisoryLockOwnership instance : instances) {
      Await.result(instance.stop());
    }
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private PostgresAdvisoryLockOwnership instance(final String name) {
    return instance(name, TestPostgres.connectOptions());
  }

  private PostgresAdvisoryLockOwnership instance(
      final String name, final PgConnectOptions options) {
    final PostgresAdvisoryLockOwnership instance =
        new PostgresAdvisoryLockOwnership(vertx, options, namespace, name, Duration.ofSeconds(1));
    instances.add(instance);
    return instance;
  }

  /** The server processes that hold the advisory lock of {@code key}. */
  private List<Integer> lockHolders(final long key) throws Exception {
    final List<Integer> pids = new ArrayList<>();
    for (final Row row :
        TestPostgres.sql(
            vertx,
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1"
                + " AND classid::bigint = "
                + (key >>> 32)
                + " AND objid::bigint = "
                + (key & 0xFFFFFFFFL))) {
      pids.add(row.getInteger(0));
    }
    return pids;
  }

  private static boolean eventually(
      final PostgresAdvisoryLockOwnership instance, final String route) throws Exception {
    final long deadline = System.currentTimeMillis() + TAKEOVER_DEADLINE_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      if (Await.result(instance.tryAcquire(route))) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static void awaitCondition(final java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    final long deadline = System.currentTimeMillis() + TAKEOVER_DEADLINE_MILLIS;
    while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
  }

  @Test
  void shouldGiveARouteToExactlyOneOfTwoInstances() throws Exception {
    final PostgresAdvisoryLockOwnership a = instance("a");
    final PostgresAdvisoryLockOwnership b = instance("b");

    final Future<Boolean> byA = a.tryAcquire(ROUTE);
    final Future<Boolean> byB = b.tryAcquire(ROUTE);
    final boolean aWon = Await.result(byA);
    final boolean bWon = Await.result(byB);

    assertThat(aWon ^ bWon).as("exactly one winner (a=%s, b=%s)", aWon, bWon).isTrue();
    final PostgresAdvisoryLockOwnership winner = aWon ? a : b;
    final PostgresAdvisoryLockOwnership loser = aWon ? b : a;
    assertThat(winner.owns(ROUTE)).isTrue();
    assertThat(loser.owns(ROUTE)).isFalse();
    assertThat(Await.result(loser.tryAcquire(ROUTE))).isFalse();
    assertThat(lockHolders(winner.lockKey(ROUTE)))
        .containsExactly(winner.backendProcessId().orElseThrow());
  }

  @Test
  void shouldHandTheRouteOverOnRelease() throws Exception {
    final PostgresAdvisoryLockOwnership a = instance("a");
    final PostgresAdvisoryLockOwnership b = instance("b");
    // Asking again, even all at once, must not stack locks that one release would leave behind.
    final List<Future<Boolean>> asks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      asks.add(a.tryAcquire(ROUTE));
    }
    for (final Future<Boolean> ask : asks) {
      assertThat(Await.result(ask)).isTrue();
    }

    Await.result(a.release(ROUTE));

    assertThat(a.owns(ROUTE)).isFalse();
    assertThat(Await.result(b.tryAcquire(ROUTE))).isTrue();
    assertThat(lockHolders(a.lockKey(ROUTE))).containsExactly(b.backendProcessId().orElseThrow());
    assertThat(Await.result(a.tryAcquire(ROUTE))).isFalse();
  }

  @Test
  void shouldLetTheOtherInstanceTakeOverWhenTheOwnersSessionIsTerminated() throws Exception {
    final PostgresAdvisoryLockOwnership a = instance("a");
    final PostgresAdvisoryLockOwnership b = instance("b");
    final List<String> lostByA = new CopyOnWriteArrayList<>();
    a.onLost(lostByA::add);
    assertThat(Await.result(a.tryAcquire(ROUTE))).isTrue();
    assertThat(Await.result(a.tryAcquire("polkadot-beefy"))).isTrue();
    assertThat(Await.result(b.tryAcquire(ROUTE))).isFalse();
    final int ownerBackend = a.backendProcessId().orElseThrow();

    TestPostgres.sql(vertx, "SELECT pg_terminate_backend(" + ownerBackend + ")");

    assertThat(eventually(b, ROUTE)).isTrue();
    assertThat(eventually(b, "polkadot-beefy")).isTrue();
    awaitCondition(() -> lostByA.size() == 2);
    assertThat(lostByA).containsExactlyInAnyOrder(ROUTE, "polkadot-beefy");
    assertThat(a.owns(ROUTE)).isFalse();
    assertThat(a.owns("polkadot-beefy")).isFalse();
    assertThat(lockHolders(b.lockKey(ROUTE))).containsExactly(b.backendProcessId().orElseThrow());

    // The instance that lost its session connects again and competes as before.
    assertThat(Await.result(a.tryAcquire(ROUTE))).isFalse();
    assertThat(Await.result(a.tryAcquire("asset-hub-kusama"))).isTrue();
    assertThat(a.backendProcessId().orElseThrow()).isNotEqualTo(ownerBackend);
  }

  @Test
  void shouldNoticeASilentConnectionAndLetTheOtherInstanceTakeOver() throws Exception {
    final PgConnectOptions direct = TestPostgres.connectOptions();
    final FreezableTcpProxy proxy =
        new FreezableTcpProxy(vertx, direct.getHost(), direct.getPort());
    final int proxyPort = Await.result(proxy.start());
    try {
      final PostgresAdvisoryLockOwnership a =
          instance("a", new PgConnectOptions(direct).setHost("127.0.0.1").setPort(proxyPort));
      final PostgresAdvisoryLockOwnership b = instance("b");
      final List<String> lostByA = new CopyOnWriteArrayList<>();
      a.onLost(lostByA::add);
      assertThat(Await.result(a.tryAcquire(ROUTE))).isTrue();
      assertThat(Await.result(b.tryAcquire(ROUTE))).isFalse();

      // No close, no reset: only the periodic check can find out.
      proxy.freeze();

      awaitCondition(() -> !lostByA.isEmpty());
      assertThat(lostByA).containsExactly(ROUTE);
      assertThat(a.owns(ROUTE)).isFalse();
      // Giving up the connection closes it, which ends the server session and frees the route.
      assertThat(eventually(b, ROUTE)).isTrue();
    } finally {
      Await.result(proxy.close());
    }
  }

  @Test
  void shouldReleaseEverythingOnStopWithoutReportingALoss() throws Exception {
    final PostgresAdvisoryLockOwnership a = instance("a");
    final PostgresAdvisoryLockOwnership b = instance("b");
    final List<String> lostByA = new CopyOnWriteArrayList<>();
    a.onLost(lostByA::add);
    assertThat(Await.result(a.tryAcquire(ROUTE))).isTrue();

    Await.result(a.stop());
    Await.result(a.stop());

    assertThat(a.owns(ROUTE)).isFalse();
    assertThat(Await.result(b.tryAcquire(ROUTE))).isTrue();
    final Throwable afterStop = Await.failure(a.tryAcquire(ROUTE));
    assertThat(afterStop).isInstanceOf(StoreException.class);
    assertThat(((StoreException) afterStop).retryable()).isFalse();
    assertThat(lostByA).isEmpty();
  }

  @Test
  void shouldKeepNamespacesApart() throws Exception {
    final PostgresAdvisoryLockOwnership a = instance("a");
    final PostgresAdvisoryLockOwnership elsewhere =
        new PostgresAdvisoryLockOwnership(
            vertx, TestPostgres.connectOptions(), namespace + "-other", "c", Duration.ofSeconds(1));
    instances.add(elsewhere);

    assertThat(Await.result(a.tryAcquire(ROUTE))).isTrue();
    assertThat(Await.result(elsewhere.tryAcquire(ROUTE))).isTrue();
    assertThat(Set.of(a.lockKey(ROUTE), elsewhere.lockKey(ROUTE))).hasSize(2);
  }

  @Test
  void shouldFailRetryablyWhileTheDatabaseIsUnreachable() throws Exception {
    final PostgresAdvisoryLockOwnership a = instance("a", TestPostgres.connectOptions().setPort(1));

    final Throwable failure = Await.failure(a.tryAcquire(ROUTE));

    assertThat(failure).isInstanceOf(StoreException.class);
    assertThat(((StoreException) failure).retryable()).isTrue();
    assertThat(failure.getMessage()).contains("acquire route " + ROUTE);
    assertThat(a.owns(ROUTE)).isFalse();
  }
}
