package io.xrelay.config;

/** What a route does. */
public enum RouteKind implements ConfigChoice {
  BEEFY_FINALITY("beefy-finality"),
  BEEFY_TO_ETHEREUM("beefy-to-ethereum"),
  XCM_TRACKER("xcm-tracker");

  private final String configName;

  RouteKind(final String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }

  @Override
  public String toString() {
    return configName;
  }
}
