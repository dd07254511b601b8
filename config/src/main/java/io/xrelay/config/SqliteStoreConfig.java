package io.xrelay.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** The embedded SQLite store: one file, one instance. */
public record SqliteStoreConfig(
    Path path, String instanceId, OwnershipConfig ownership, Duration retention)
    implements StoreConfig {
  public SqliteStoreConfig {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(ownership, "ownership");
    Objects.requireNonNull(retention, "retention");
  }

  @Override
  public StoreKind kind() {
    return StoreKind.SQLITE;
  }
}
