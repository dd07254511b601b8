package io.xrelay.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A PostgreSQL store that several instances may share. {@code url} is {@code
 * postgresql://host[:port]/database} without a password; the password comes from {@code password}.
 */
public record PostgresStoreConfig(
    URI url,
    Optional<String> user,
    Optional<SecretSource> password,
    int poolSize,
    String instanceId,
    OwnershipConfig ownership,
    Duration retention)
    implements StoreConfig {
  public static final int DEFAULT_POOL_SIZE = 4;

  public PostgresStoreConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(ownership, "ownership");
  }

  @Override
  public StoreKind kind() {
    return StoreKind.POSTGRES;
  }
}
