package io.xrelay.config;

/** Which Ethereum block tag counts as final. */
public enum EthereumFinality implements ConfigChoice {
  FINALIZED("finalized"),
  SAFE("safe");

  private final String configName;

  EthereumFinality(final String configName) {
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
