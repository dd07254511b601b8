package io.xrelay.config;

/** How the instances sharing a store agree which one runs each route. */
public enum OwnershipKind implements ConfigChoice {
  SINGLE("single"),
  ADVISORY_LOCK("advisory-lock"),
  KUBERNETES_LEASE("kubernetes-lease");

  private final String configName;

  OwnershipKind(final String configName) {
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
