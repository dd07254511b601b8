package io.xrelay.substrate.extrinsic;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.scale.Hex;
import org.junit.jupiter.api.Test;

class EraTest {

  @Test
  void shouldEncodeImmortal() {
    assertThat(Era.IMMORTAL.encode()).containsExactly(0);
    assertThat(Era.IMMORTAL.birth(1234)).isZero();
  }

  @Test
  void shouldEncodeMortalErasAsSubstrateDoes() {
    // Substrate: Era::mortal(64, 42) encodes as [5 + 42 % 16 * 16, 42 / 16].
    final Era short64 = Era.mortal(64, 42);
    assertThat(Hex.encode(short64.encode())).isEqualTo("0xa502");
    assertThat(short64.birth(42)).isEqualTo(42);
    assertThat(short64.birth(100)).isEqualTo(42);
    // Era::mortal(32768, 20_000) quantizes the phase by 8: [14 + 2500 % 16 * 16, 2500 / 16].
    assertThat(Hex.encode(Era.mortal(32768, 20_000).encode())).isEqualTo("0x4e9c");
  }

  @Test
  void shouldRoundPeriodsToPowersOfTwoWithinBounds() {
    assertThat(Era.mortal(50, 10).period()).isEqualTo(64);
    assertThat(Era.mortal(1, 10).period()).isEqualTo(4);
    assertThat(Era.mortal(1 << 20, 10).period()).isEqualTo(1 << 16);
  }
}
