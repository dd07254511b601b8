package io.xrelay.proofs.beefy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.scale.ScaleDecodeException;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class BeefyValidatorSetTest {
  private final TestValidators validators = TestValidators.of(3);

  @Test
  void shouldReadTheAuthoritiesAsStorageHoldsThem() {
    final BeefyValidatorSet set = BeefyValidatorSet.ofEncodedAuthorities(7, encoded(3));

    assertThat(set).isEqualTo(validators.validatorSet(7));
  }

  @Test
  void shouldRefuseAValueWithBytesLeftOver() {
    final byte[] encoded = encoded(3);
    final byte[] longer = java.util.Arrays.copyOf(encoded, encoded.length + 1);

    assertThatThrownBy(() -> BeefyValidatorSet.ofEncodedAuthorities(7, longer))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("Beefy.Authorities");
  }

  /** {@code Vec<AuthorityId>}: compact count (n << 2 for n < 64), then the compressed keys. */
  private byte[] encoded(final int count) {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(count << 2);
    for (int i = 0; i < count; i++) {
      out.writeBytes(validators.signer(i).publicKey().compressed());
    }
    return out.toByteArray();
  }
}
