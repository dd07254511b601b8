package io.xrelay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class WeiTextTest {

  @Test
  void shouldReadAmountsInEachUnit() {
    assertThat(WeiText.parse("50gwei")).isEqualTo(new BigInteger("50000000000"));
    assertThat(WeiText.parse("1.5 gwei")).isEqualTo(new BigInteger("1500000000"));
    assertThat(WeiText.parse("0.001ether")).isEqualTo(new BigInteger("1000000000000000"));
    assertThat(WeiText.parse("12345")).isEqualTo(BigInteger.valueOf(12345));
    assertThat(WeiText.parse("7wei")).isEqualTo(BigInteger.valueOf(7));
  }

  @Test
  void shouldRejectFractionsOfAWeiAndOtherText() {
    assertThatThrownBy(() -> WeiText.parse("0.5wei")).hasMessageContaining("whole number of wei");
    assertThatThrownBy(() -> WeiText.parse("50 gwie")).hasMessageContaining("is not an amount");
    assertThatThrownBy(() -> WeiText.parse("-1gwei")).hasMessageContaining("is not an amount");
  }

  @Test
  void shouldFormatWholeGweiAsGwei() {
    assertThat(WeiText.format(new BigInteger("200000000000"))).isEqualTo("200gwei");
    assertThat(WeiText.format(BigInteger.valueOf(1500))).isEqualTo("1500wei");
  }
}
