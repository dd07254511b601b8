package io.xrelay.substrate.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.scale.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ss58Test {
  private static final byte[] ALICE_SR25519 =
      Hex.decode("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");

  @ParameterizedTest
  @CsvSource({
    "42, 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
    "2, HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F",
    "0, 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5",
  })
  void shouldEncodeAndDecodeTheWellKnownAliceAddresses(final int prefix, final String address) {
    assertThat(Ss58.encode(ALICE_SR25519, prefix)).isEqualTo(address);
    final Ss58.Address decoded = Ss58.decode(address);
    assertThat(decoded.prefix()).isEqualTo(prefix);
    assertThat(decoded.accountId()).isEqualTo(ALICE_SR25519);
  }

  @Test
  void shouldMatchTheXcmCheckAccountSeenOnTheDevnet() {
    // "modl" ++ "py/xcmch" padded with zeros, on Kusama (shared/reference/chopsticks-devnet.md).
    final byte[] checkAccount = Arrays.copyOf(Hex.decode("0x6d6f646c70792f78636d6368"), 32);
    assertThat(Ss58.encode(checkAccount, Ss58.KUSAMA))
        .isEqualTo("F3opxRbN5ZcGCL9nNgBRwNtmbuy3Z7fxADRPaVNrriP5Man");
  }

  @Test
  void shouldRoundTripTwoBytePrefixes() {
    for (final int prefix : new int[] {64, 255, 1284, 16383}) {
      final String address = Ss58.encode(ALICE_SR25519, prefix);
      assertThat(Ss58.decode(address).prefix()).as("prefix %d", prefix).isEqualTo(prefix);
    }
  }

  @Test
  void shouldRejectBadAddresses() {
    assertThatThrownBy(() -> Ss58.decode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ"))
        .hasMessageContaining("checksum");
    assertThatThrownBy(() -> Ss58.decode("5Grwva0F5z")).hasMessageContaining("'0' at position 6");
  }
}
