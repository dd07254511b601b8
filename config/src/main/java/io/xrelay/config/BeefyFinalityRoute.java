package io.xrelay.config;

import java.util.Objects;

/**
 * Follows the finalized heads and BEEFY justifications of a Substrate chain and verifies each
 * justification against the validator set in chain storage. It submits nothing.
 */
public record BeefyFinalityRoute(String name, String source, boolean enabled, RetryPolicy retry)
    implements RouteConfig {
  public BeefyFinalityRoute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(retry, "retry");
  }

  @Override
  public RouteKind kind() {
    return RouteKind.BEEFY_FINALITY;
  }
}
