package io.xrelay.relayer.xcm.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransferAmountTest {
  @ParameterizedTest
  @CsvSource({
    "1, 12, 1000000000000",
    "1.5, 12, 1500000000000",
    "0.000000000001, 12, 1",
    "2.50, 10, 25000000000",
    "1000000, 12, 1000000000000000000"
  })
  void shouldScaleDecimalsToPlanck(final String text, final int decimals, final String planck) {
    assertThat(TransferAmount.parse(text, decimals)).isEqualTo(new BigInteger(planck));
  }

  @Test
  void shouldRefuseWhatIsNotAPositiveAmountOfTheAsset() {
    assertThatThrownBy(() -> TransferAmount.parse("0.0000000000001", 12))
        .hasMessageContaining("more than 12 decimal places");
    assertThatThrownBy(() -> TransferAmount.parse("-1", 12)).hasMessageContaining("not a positive");
    assertThatThrownBy(() -> TransferAmount.parse("0", 12)).hasMessageContaining("not a positive");
    assertThatThrownBy(() -> TransferAmount.parse("1,5", 12))
        .hasMessageContaining("not a decimal number");
  }

  @Test
  void shouldFormatPlanckAsADecimal() {
    assertThat(TransferAmount.format(new BigInteger("1500000000000"), 12)).isEqualTo("1.5");
    assertThat(TransferAmount.format(new BigInteger("10000000000000"), 12)).isEqualTo("10");
    assertThat(TransferAmount.format(BigInteger.ONE, 12)).isEqualTo("0.000000000001");
  }
}
