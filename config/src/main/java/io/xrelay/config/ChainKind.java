package io.xrelay.config;

/** The family of a chain, which decides its endpoints and identity keys. */
public enum ChainKind implements ConfigChoice {
  SUBSTRATE("substrate"),
  ETHEREUM("ethereum");

  private final String configName;

  ChainKind(final String configName) {
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
