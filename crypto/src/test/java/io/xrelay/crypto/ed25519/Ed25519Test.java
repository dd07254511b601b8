package io.xrelay.crypto.ed25519;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.scale.Hex;
import org.junit.jupiter.api.Test;

class Ed25519Test {
  // A real GRANDPA precommit (shared/fixtures/grandpa/grandpa-precommit-signature-vector.json).
  private static final byte[] SIGNED_PAYLOAD =
      Hex.decode(
          "0x01f324aead92562be4ce5aeaa031bd7807123f145238649ce24043823c4e20b61a"
              + "aa75ef00f52e0400000000000e19000000000000");
  private static final byte[] PUBLIC_KEY =
      Hex.decode("0x19b6ba718c28b1078474dc63e9d8a6f4d794da79f661da070fcca13b3bba50e7");
  private static final byte[] SIGNATURE =
      Hex.decode(
          "0xad0a9bd0680665848cf227e9d0ff547ed075421c2a24875a99e26736f0499daf"
              + "5e582dd5a2de42980663210d8d289e0cb0803b2ba5cfb917d56fdc1cdadd7209");

  @Test
  void shouldAcceptARealGrandpaPrecommitSignature() {
    assertThat(SIGNED_PAYLOAD).hasSize(53);
    assertThat(Ed25519.verify(PUBLIC_KEY, SIGNED_PAYLOAD, SIGNATURE)).isTrue();
  }

  @Test
  void shouldRejectEveryFlippedBit() {
    for (int bit = 0; bit < SIGNED_PAYLOAD.length * 8; bit++) {
      final byte[] payload = SIGNED_PAYLOAD.clone();
      payload[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThat(Ed25519.verify(PUBLIC_KEY, payload, SIGNATURE))
          .as("payload bit %d", bit)
          .isFalse();
    }
    for (int bit = 0; bit < SIGNATURE.length * 8; bit++) {
      final byte[] signature = SIGNATURE.clone();
      signature[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThat(Ed25519.verify(PUBLIC_KEY, SIGNED_PAYLOAD, signature))
          .as("signature bit %d", bit)
          .isFalse();
    }
    for (int bit = 0; bit < PUBLIC_KEY.length * 8; bit++) {
      final byte[] key = PUBLIC_KEY.clone();
      key[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThat(Ed25519.verify(key, SIGNED_PAYLOAD, SIGNATURE)).as("key bit %d", bit).isFalse();
    }
  }

  @Test
  void shouldRejectWrongLengthsWithoutThrowing() {
    assertThat(Ed25519.verify(new byte[31], SIGNED_PAYLOAD, SIGNATURE)).isFalse();
    assertThat(Ed25519.verify(PUBLIC_KEY, SIGNED_PAYLOAD, new byte[63])).isFalse();
  }
}
