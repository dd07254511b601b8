package io.xrelay.config;

import java.util.Objects;
import java.util.Optional;

/**
 * How route ownership is decided among instances: {@code namespace} and {@code leasePrefix} are
 * used by {@link OwnershipKind#KUBERNETES_LEASE} only (an empty namespace means the pod's own).
 */
public record OwnershipConfig(OwnershipKind kind, Optional<String> namespace, String leasePrefix) {
  public static final String DEFAULT_LEASE_PREFIX = "xrelay-";

  public OwnershipConfig {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(leasePrefix, "leasePrefix");
  }
}
