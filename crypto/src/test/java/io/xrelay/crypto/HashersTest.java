package io.xrelay.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.scale.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashersTest {

  @ParameterizedTest
  @CsvSource({
    // RFC 7693 / reference implementation vectors
    "'', 0x0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8",
    "abc, 0xbddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319",
  })
  void shouldComputeBlake2b256(final String input, final String expected) {
    assertThat(Hex.encode(Blake2b.hash256(input.getBytes(UTF_8)))).isEqualTo(expected);
  }

  @Test
  void shouldComputeBlake2b128() {
    assertThat(Hex.encode(Blake2b.hash128(new byte[0])))
        .isEqualTo("0xcae66941d9efbd404e4d88758ea67670");
  }

  @ParameterizedTest
  @CsvSource({
    "'', 0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
    "abc, 0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
  })
  void shouldComputeKeccak256(final String input, final String expected) {
    assertThat(Hex.encode(Keccak256.hash(input.getBytes(UTF_8)))).isEqualTo(expected);
  }

  @Test
  void shouldHashAConcatenationLikeTheWhole() {
    final byte[] left = "left".getBytes(UTF_8);
    final byte[] right = "right".getBytes(UTF_8);
    assertThat(Keccak256.hash(left, right)).isEqualTo(Keccak256.hash("leftright".getBytes(UTF_8)));
  }

  @Test
  void shouldComputeXxHash64ReferenceValues() {
    // xxHash64 reference: empty input with seed 0 is 0xef46db3751d8e999.
    assertThat(Twox.xxHash64(new byte[0], 0)).isEqualTo(0xef46db3751d8e999L);
    assertThat(Hex.encode(Twox.hash64(new byte[0]))).isEqualTo("0x99e9d85137db46ef");
  }

  @ParameterizedTest
  @CsvSource({
    // Storage prefixes of FRAME pallets and items, as every Substrate chain computes them.
    "System, 0x26aa394eea5630e07c48ae0c9558cef7",
    "Events, 0x80d41e5e16056765bc8461851072c9d7",
    "Account, 0xb99d880ec681799c0cf30e8886371da9",
    "Balances, 0xc2261276cc9d1f8598ea4b6a74b15c2f",
    "Number, 0x02a5c1b19ab7a04f536c519aca4983ac",
  })
  void shouldComputeTwox128StoragePrefixes(final String name, final String expected) {
    assertThat(Hex.encode(Twox.hash128(name.getBytes(UTF_8)))).isEqualTo(expected);
  }

  @Test
  void shouldComputeTwox256AsFourSeededRounds() {
    final byte[] input = ":code".getBytes(UTF_8);
    final byte[] full = Twox.hash256(input);
    assertThat(full).hasSize(32);
    for (int seed = 0; seed < 4; seed++) {
      final long expected = Twox.xxHash64(input, seed);
      long actual = 0;
      for (int i = 7; i >= 0; i--) {
        actual = (actual << 8) | (full[8 * seed + i] & 0xff);
      }
      assertThat(actual).as("seed %d", seed).isEqualTo(expected);
    }
    assertThat(Twox.hash128(input)).isEqualTo(java.util.Arrays.copyOf(full, 16));
  }
}
