package io.xrelay.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.crypto.secp256k1.Secp256k1Signer;
import io.xrelay.scale.Hex;
import org.junit.jupiter.api.Test;

class DevnetEthereumAccountsTest {

  @Test
  void shouldListKeysThatDeriveToTheirAddresses() {
    assertThat(DevnetEthereumAccounts.ACCOUNTS).hasSize(9);
    for (final DevnetEthereumAccounts.Account account : DevnetEthereumAccounts.ACCOUNTS) {
      assertThat(
              Secp256k1Signer.fromPrivateKey(Hex.decode(account.privateKey()))
                  .publicKey()
                  .ethereumAddress()
                  .toChecksumHex()
                  .toLowerCase(java.util.Locale.ROOT))
          .isEqualTo(account.address());
    }
  }
}
