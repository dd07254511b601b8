package io.xrelay.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Follows XCM transfers sent from {@code source} (only those to {@code target}, when set) hop by
 * hop through the configured chains to their outcome. A transfer with no outcome after {@code
 * timeout} ({@code bridgedTimeout} when it crosses a bridge) is reported as timed out. Each outcome
 * is posted to every URL in {@code webhooks}.
 */
public record XcmTrackerRoute(
    String name,
    String source,
    Optional<String> target,
    boolean enabled,
    RetryPolicy retry,
    Duration timeout,
    Duration bridgedTimeout,
    List<URI> webhooks)
    implements RouteConfig {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
  public static final Duration DEFAULT_BRIDGED_TIMEOUT = Duration.ofHours(24);

  public XcmTrackerRoute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(bridgedTimeout, "bridgedTimeout");
    webhooks = List.copyOf(webhooks);
  }

  @Override
  public RouteKind kind() {
    return RouteKind.XCM_TRACKER;
  }
}
