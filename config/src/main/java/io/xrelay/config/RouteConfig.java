package io.xrelay.config;

/** One pipeline of the relayer: what it watches, where it delivers, how it retries. */
public sealed interface RouteConfig
    permits BeefyFinalityRoute, BeefyToEthereumRoute, XcmTrackerRoute {
  String name();

  RouteKind kind();

  /** The chain the route watches. */
  String source();

  /** A disabled route is validated but not started. */
  boolean enabled();

  RetryPolicy retry();
}
