package io.xrelay.devnet;

import java.util.List;

/**
 * anvil's well-known dev accounts (from the public "test test ... junk" mnemonic), funded with
 * 10,000 ETH each. The keys are public knowledge: never use them outside a local devnet.
 */
public final class DevnetEthereumAccounts {
  /** An account's address and private key, both 0x-hex. */
  public record Account(String address, String privateKey) {
    @Override
    public String toString() {
      return "Account[" + address + "]";
    }
  }

  /** Index 0 deploys the devnet's contracts; tests take the others, one per test class. */
  public static final List<Account> ACCOUNTS =
      List.of(
          new Account(
              "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
              "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"),
          new Account(
              "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
              "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"),
          new Account(
              "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
              "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a"),
          new Account(
              "0x90f79bf6eb2c4f870365e785982e1f101e93b906",
              "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6"));

  private DevnetEthereumAccounts() {}
}
