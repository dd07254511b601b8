package io.xrelay.store.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.xrelay.store.Await;
import io.xrelay.store.FreezableTcpProxy;
import io.xrelay.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances compete for routes through Leases on fabric8's CRUD mock API server (which stores
 * and serves objects like an API server, resource versions included).
 */
class KubernetesLeaseOwnershipIT {
  private static final String NAMESPACE = "relayers";
  private static final String ROUTE = "kusama-beefy";
  private static final LeaseTiming FAST =
      new LeaseTiming(Duration.ofSeconds(2), Duration.ofMillis(1_000), Duration.ofMillis(200));

  private Vertx vertx;
  private KubernetesMockServer server;
  private KubernetesClient observer;
  private final List<KubernetesClient> clients = new ArrayList<>();
  private final List<KubernetesLeaseOwnership> instances = new ArrayList<>();

  @BeforeEach
  void startApiServer() {
    vertx = Vertx.vertx();
    // CRUD mode over plain HTTP: the one-argument constructor means HTTPS with expectations only.
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    observer = client(server.getPort());
  }

  @AfterEach
  void stopAll() throws Exception {
    for (final KubernetesLeaseOwnership instance : instances) {
      Await.result(instance.stop());
    }
    clients.forEach(KubernetesClient::close);
    server.destroy();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private KubernetesClient client(final int port) {
    final KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder()
                    .withMasterUrl("http://127.0.0.1:" + port)
                    .withNamespace(NAMESPACE)
                    .withRequestRetryBackoffLimit(0)
                    .withRequestTimeout(2_000)
                    .build())
            .build();
    clients.add(client);
    return client;
  }

  private KubernetesLeaseOwnership instance(final String identity, final KubernetesClient client) {
    final KubernetesLeaseOwnership instance =
        new KubernetesLeaseOwnership(
            vertx,
            client,
            NAMESPACE,
            KubernetesLeaseOwnership.DEFAULT_LEASE_PREFIX,
            identity,
            FAST);
    instances.add(instance);
    return instance;
  }

  private KubernetesLeaseOwnership instance(final String identity) {
    return instance(identity, client(server.getPort()));
  }

  private Lease lease(final String route) {
    return observer
        .leases()
        .inNamespace(NAMESPACE)
        .withName(KubernetesLeaseOwnership.leaseName(route))
        .get();
  }

  private static boolean within(final Duration limit, final BooleanSupplier condition)
      throws InterruptedException {
    final long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }

  @Test
  void shouldGiveARouteToExactlyOneOfTwoInstances() throws Exception {
    final KubernetesLeaseOwnership a = instance("pod-a");
    final KubernetesLeaseOwnership b = instance("pod-b");

    final Future<Boolean> byA = a.tryAcquire(ROUTE);
    final Future<Boolean> byB = b.tryAcquire(ROUTE);
    final boolean aWon = Await.result(byA);
    final boolean bWon = Await.result(byB);

    assertThat(aWon ^ bWon).as("exactly one winner (a=%s, b=%s)", aWon, bWon).isTrue();
    final KubernetesLeaseOwnership winner = aWon ? a : b;
    final KubernetesLeaseOwnership loser = aWon ? b : a;
    assertThat(lease(ROUTE).getSpec().getHolderIdentity()).isEqualTo(aWon ? "pod-a" : "pod-b");
    // Several renewals later the owner still owns it and the other still does not.
    Thread.sleep(3 * FAST.retryPeriod().toMillis() + FAST.renewDeadline().toMillis());
    assertThat(winner.owns(ROUTE)).isTrue();
    assertThat(loser.owns(ROUTE)).isFalse();
    assertThat(Await.result(loser.tryAcquire(ROUTE))).isFalse();
    assertThat(Await.result(winner.tryAcquire(ROUTE))).isTrue();
  }

  @Test
  void shouldHandTheRouteOverOnRelease() throws Exception {
    final KubernetesLeaseOwnership a = instance("pod-a");
    final KubernetesLeaseOwnership b = instance("pod-b");
    final List<String> lostByA = new CopyOnWriteArrayList<>();
    a.onLost(lostByA::add);
    assertThat(Await.result(a.tryAcquire(ROUTE))).isTrue();
    assertThat(Await.result(b.tryAcquire(ROUTE))).isFalse();

    Await.result(a.release(ROUTE));

    assertThat(a.owns(ROUTE)).isFalse();
    assertThat(lease(ROUTE).getSpec().getHolderIdentity()).isEmpty();
    // Well before the Lease would have run out: the release handed it back.
    assertThat(within(FAST.leaseDuration().minusMillis(500), () -> b.owns(ROUTE))).isTrue();
    assertThat(lease(ROUTE).getSpec().getHolderIdentity()).isEqualTo("pod-b");
    assertThat(lostByA).isEmpty();
  }

  @Test
  void shouldLetTheOtherInstanceTakeOverWhenTheOwnersRequestsFail() throws Exception {
    takeOverAfter(proxy -> Await.result(proxy.close()));
  }

  @Test
  void shouldLetTheOtherInstanceTakeOverWhenTheOwnersRequestsHang() throws Exception {
    // The owner's elector thread now waits on requests longer than its renew deadline: only the
    // check of the last renewal tells it in time.
    takeOverAfter(FreezableTcpProxy::freeze);
  }

  @FunctionalInterface
  private interface ApiCut {
    void apply(FreezableTcpProxy proxy) throws Exception;
  }

  private void takeOverAfter(final ApiCut cut) throws Exception {
    final FreezableTcpProxy proxy = new FreezableTcpProxy(vertx, "127.0.0.1", server.getPort());
    final int proxyPort = Await.result(proxy.start());
    final KubernetesLeaseOwnership a = instance("pod-a", client(proxyPort));
    final KubernetesLeaseOwnership b = instance("pod-b");
    final List<String> lostByA = new CopyOnWriteArrayList<>();
    a.onLost(lostByA::add);
    assertThat(Await.result(a.tryAcquire(ROUTE))).isTrue();
    assertThat(Await.result(a.tryAcquire("polkadot-beefy"))).isTrue();
    assertThat(Await.result(b.tryAcquire(ROUTE))).isFalse();
    assertThat(Await.result(b.tryAcquire("polkadot-beefy"))).isFalse();

    // The owner's renewals stop, as when its node is cut off.
    cut.apply(proxy);
    final long cutOff = System.nanoTime();

    assertThat(within(Duration.ofSeconds(5), () -> lostByA.size() == 2)).isTrue();
    assertThat(lostByA).containsExactlyInAnyOrder(ROUTE, "polkadot-beefy");
    assertThat(a.owns(ROUTE)).isFalse();
    final long lostAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cutOff);
    assertThat(within(Duration.ofSeconds(10), () -> b.owns(ROUTE) && b.owns("polkadot-beefy")))
        .isTrue();
    final long takenAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cutOff);
    // The old owner let go before the new one took over.
    assertThat(lostAfterMillis).isLessThan(takenAfterMillis);
    assertThat(lease(ROUTE).getSpec().getHolderIdentity()).isEqualTo("pod-b");
    Await.result(proxy.close());
  }

  @Test
  void shouldReleaseEverythingOnStopWithoutReportingALoss() throws Exception {
    final KubernetesLeaseOwnership a = instance("pod-a");
    final KubernetesLeaseOwnership b = instance("pod-b");
    final List<String> lostByA = new CopyOnWriteArrayList<>();
    a.onLost(lostByA::add);
    assertThat(Await.result(a.tryAcquire(ROUTE))).isTrue();

    Await.result(a.stop());
    Await.result(a.stop());

    assertThat(a.owns(ROUTE)).isFalse();
    assertThat(lease(ROUTE).getSpec().getHolderIdentity()).isEmpty();
    assertThat(Await.result(b.tryAcquire(ROUTE))).isTrue();
    final Throwable afterStop = Await.failure(a.tryAcquire(ROUTE));
    assertThat(afterStop).isInstanceOf(StoreException.class);
    assertThat(((StoreException) afterStop).retryable()).isFalse();
    assertThat(lostByA).isEmpty();
  }

  @Test
  void shouldFailRetryablyWhileTheApiIsUnreachable() throws Exception {
    final FreezableTcpProxy proxy = new FreezableTcpProxy(vertx, "127.0.0.1", server.getPort());
    final int proxyPort = Await.result(proxy.start());
    Await.result(proxy.close());
    final KubernetesLeaseOwnership a = instance("pod-a", client(proxyPort));

    final Throwable failure = Await.failure(a.tryAcquire(ROUTE));

    assertThat(failure).isInstanceOf(StoreException.class);
    assertThat(((StoreException) failure).retryable()).isTrue();
    assertThat(failure.getMessage()).contains("acquire route " + ROUTE);
    assertThat(a.owns(ROUTE)).isFalse();
  }
}
