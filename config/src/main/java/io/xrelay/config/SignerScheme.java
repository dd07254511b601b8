package io.xrelay.config;

/**
 * The signature scheme of a signer: Substrate ed25519 or ECDSA accounts, or an Ethereum account.
 */
public enum SignerScheme implements ConfigChoice {
  ED25519("ed25519"),
  ECDSA("ecdsa"),
  ETHEREUM("ethereum");

  private final String configName;

  SignerScheme(final String configName) {
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
