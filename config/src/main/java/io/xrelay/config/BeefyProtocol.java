package io.xrelay.config;

/** How BEEFY commitments are proven to Snowbridge's BeefyClient. */
public enum BeefyProtocol implements ConfigChoice {
  INTERACTIVE("interactive"),
  FIAT_SHAMIR("fiat-shamir");

  private final String configName;

  BeefyProtocol(final String configName) {
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
