package io.xrelay.config;

/** The durable store of work items and checkpoints. */
public sealed interface StoreConfig permits SqliteStoreConfig, PostgresStoreConfig {
  StoreKind kind();

  /** This instance's name in route ownership records and leases. */
  String instanceId();

  OwnershipConfig ownership();
}
