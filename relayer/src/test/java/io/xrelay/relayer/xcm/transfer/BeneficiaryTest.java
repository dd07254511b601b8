package io.xrelay.relayer.xcm.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.substrate.keys.Ss58;
import io.xrelay.xcm.model.Junction;
import org.junit.jupiter.api.Test;

class BeneficiaryTest {
  private static final String BOB =
      "0xd17c2d7823ebf260fd138f2d7e27d114c0145d968b5ff5006125f2414fadae69";

  @Test
  void shouldReadSs58AndHexAccountsAsAccountId32() {
    final Beneficiary fromHex = Beneficiary.parse(BOB);
    final Beneficiary fromSs58 = Beneficiary.parse(Ss58.encode(fromHex.account(), Ss58.KUSAMA));

    assertThat(fromSs58.hex()).isEqualTo(BOB);
    assertThat(fromHex.location().parents()).isZero();
    assertThat(fromHex.location().interior().get(0)).isInstanceOf(Junction.AccountId32.class);
  }

  @Test
  void shouldReadTwentyBytesAsAccountKey20() {
    final Beneficiary key20 = Beneficiary.parse("0x" + "ab".repeat(20));

    assertThat(key20.isAccountId32()).isFalse();
    assertThat(key20.location().interior().get(0)).isInstanceOf(Junction.AccountKey20.class);
  }

  @Test
  void shouldSayWhatIsWrongWithAnAccount() {
    assertThatThrownBy(() -> Beneficiary.parse("0x1234")).hasMessageContaining("has 2 bytes");
    assertThatThrownBy(() -> Beneficiary.parse("0xzz")).hasMessageContaining("not valid hex");
    assertThatThrownBy(() -> Beneficiary.parse("5Grw")).hasMessageContaining("neither an SS58");
  }
}
