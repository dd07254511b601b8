package io.xrelay.config;

/** Where work items and checkpoints are kept. */
public enum StoreKind implements ConfigChoice {
  SQLITE("sqlite"),
  POSTGRES("postgres");

  private final String configName;

  StoreKind(final String configName) {
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
