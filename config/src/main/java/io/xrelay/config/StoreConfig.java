package io.xrelay.config;

import java.time.Duration;

/** The durable store of work items and checkpoints. */
public sealed interface StoreConfig permits SqliteStoreConfig, PostgresStoreConfig {
  StoreKind kind();

  /** This instance's name in route ownership records and leases. */
  String instanceId();

  OwnershipConfig ownership();

  /** How long CONFIRMED items are kept before they are purged (dead ones stay until deleted). */
  Duration retention();

  Duration DEFAULT_RETENTION = Duration.ofDays(7);
}
