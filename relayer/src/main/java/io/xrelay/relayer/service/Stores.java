package io.xrelay.relayer.service;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.xrelay.config.OwnershipKind;
import io.xrelay.config.PostgresStoreConfig;
import io.xrelay.config.SqliteStoreConfig;
import io.xrelay.config.StoreConfig;
import io.xrelay.store.RouteOwnership;
import io.xrelay.store.WorkStore;
import io.xrelay.store.kubernetes.KubernetesLeaseOwnership;
import io.xrelay.store.kubernetes.LeaseTiming;
import io.xrelay.store.postgres.PostgresAdvisoryLockOwnership;
import io.xrelay.store.postgres.PostgresWorkStore;
import io.xrelay.store.sqlite.SingleInstanceOwnership;
import io.xrelay.store.sqlite.SqliteDurability;
import io.xrelay.store.sqlite.SqliteWorkStore;
import java.time.Clock;
import java.time.Duration;

/** Opens the store and the route ownership the configuration names. */
public record Stores(WorkStore store, RouteOwnership ownership) {
  /** Instances that share a PostgreSQL database keep their work in this schema. */
  static final String POSTGRES_SCHEMA = "xrelay";

  public static Stores open(final Vertx vertx, final StoreConfig config, final Clock clock) {
    if (config instanceof SqliteStoreConfig sqlite) {
      final SqliteWorkStore store =
          new SqliteWorkStore(vertx, sqlite.path(), SqliteDurability.PROCESS_CRASH, clock);
      return new Stores(store, new SingleInstanceOwnership(store));
    }
    final PostgresStoreConfig postgres = (PostgresStoreConfig) config;
    final PgConnectOptions options = PgConnectOptions.fromUri(postgres.url().toString());
    postgres.user().ifPresent(options::setUser);
    postgres.password().ifPresent(password -> options.setPassword(password.read().reveal()));
    final PostgresWorkStore store =
        new PostgresWorkStore(vertx, options, postgres.poolSize(), POSTGRES_SCHEMA, clock);
    if (postgres.ownership().kind() == OwnershipKind.KUBERNETES_LEASE) {
      // In a pod, the client reads the service account's token and namespace by itself.
      final KubernetesClient kubernetes = new KubernetesClientBuilder().build();
      final String namespace = postgres.ownership().namespace().orElse(kubernetes.getNamespace());
      return new Stores(
          store,
          new KubernetesLeaseOwnership(
              vertx,
              kubernetes,
              namespace,
              postgres.ownership().leasePrefix(),
              postgres.instanceId(),
              LeaseTiming.kubernetesDefaults()));
    }
    // advisory-lock, and single too: with a shared database the lock is the safe reading of it.
    return new Stores(
        store,
        new PostgresAdvisoryLockOwnership(
            vertx, options, POSTGRES_SCHEMA, postgres.instanceId(), Duration.ofSeconds(1)));
  }
}
