package io.xrelay.substrate.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.crypto.Blake2b;
import io.xrelay.crypto.ed25519.Ed25519;
import io.xrelay.crypto.secp256k1.EcdsaSignature;
import io.xrelay.crypto.secp256k1.Secp256k1;
import io.xrelay.scale.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyPairTest {

  @ParameterizedTest
  @CsvSource({
    // The devnet's BEEFY authorities (shared/fixtures/chains/PROVENANCE.md).
    "//Alice, 0x020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1",
    "//Bob, 0x0390084fdbf27d2b79d26a4f13f0ccd982cb755a661969143c37cbc49ef5b91f27",
  })
  void shouldDeriveTheDevValidatorsEcdsaKeys(final String uri, final String publicKey) {
    final KeyPair key = KeyPair.fromUri(uri, KeyScheme.ECDSA);
    assertThat(Hex.encode(key.publicKey())).isEqualTo(publicKey);
    assertThat(key.accountId()).isEqualTo(Blake2b.hash256(Hex.decode(publicKey)));
  }

  @ParameterizedTest
  @CsvSource({
    "//Alice, 0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee",
    "//Bob, 0xd17c2d7823ebf260fd138f2d7e27d114c0145d968b5ff5006125f2414fadae69",
  })
  void shouldDeriveTheWellKnownEd25519DevKeys(final String uri, final String publicKey) {
    final KeyPair key = KeyPair.fromUri(uri, KeyScheme.ED25519);
    assertThat(Hex.encode(key.publicKey())).isEqualTo(publicKey);
    assertThat(Hex.encode(key.accountId())).isEqualTo(publicKey);
  }

  @Test
  void shouldTreatAnExplicitDevPhraseLikeTheShortForm() {
    assertThat(KeyPair.fromUri(SecretUri.DEV_PHRASE + "//Alice", KeyScheme.ED25519).publicKey())
        .isEqualTo(KeyPair.fromUri("//Alice", KeyScheme.ED25519).publicKey());
  }

  @Test
  void shouldDeriveFromAHexSeedAndNumericJunctions() {
    final String seed = "0x" + "11".repeat(32);
    final KeyPair plain = KeyPair.fromUri(seed, KeyScheme.ED25519);
    final KeyPair derived = KeyPair.fromUri(seed + "//1", KeyScheme.ED25519);
    final KeyPair named = KeyPair.fromUri(seed + "//one", KeyScheme.ED25519);
    assertThat(plain.publicKey()).isNotEqualTo(derived.publicKey()).isNotEqualTo(named.publicKey());
    assertThat(derived.publicKey()).isNotEqualTo(named.publicKey());
    assertThat(KeyPair.fromUri(seed + "//1", KeyScheme.ED25519).publicKey())
        .isEqualTo(derived.publicKey());
  }

  @Test
  void shouldUseThePasswordOfAPhrase() {
    assertThat(KeyPair.fromUri("//Alice///secret", KeyScheme.ED25519).publicKey())
        .isNotEqualTo(KeyPair.fromUri("//Alice", KeyScheme.ED25519).publicKey());
  }

  @Test
  void shouldSignSoTheRuntimeCanVerify() {
    final byte[] payload = "extrinsic payload".getBytes(StandardCharsets.UTF_8);

    final KeyPair ed25519 = KeyPair.fromUri("//Alice", KeyScheme.ED25519);
    final byte[] edSignature = ed25519.signMultiSignature(payload);
    assertThat(edSignature).hasSize(65);
    assertThat(edSignature[0]).isEqualTo((byte) 0);
    assertThat(Ed25519.verify(ed25519.publicKey(), payload, Arrays.copyOfRange(edSignature, 1, 65)))
        .isTrue();

    final KeyPair ecdsa = KeyPair.fromUri("//Alice", KeyScheme.ECDSA);
    final byte[] ecSignature = ecdsa.signMultiSignature(payload);
    assertThat(ecSignature).hasSize(66);
    assertThat(ecSignature[0]).isEqualTo((byte) 2);
    final EcdsaSignature signature =
        EcdsaSignature.fromBytes(Arrays.copyOfRange(ecSignature, 1, 66));
    assertThat(signature.v()).isLessThanOrEqualTo(1);
    assertThat(Secp256k1.recover(Blake2b.hash256(payload), signature).orElseThrow().compressed())
        .isEqualTo(ecdsa.publicKey());
  }

  @Test
  void shouldSignAPrehashedCommitmentLikeABeefyValidator() {
    final byte[] commitmentHash =
        io.xrelay.crypto.Keccak256.hash("commitment".getBytes(StandardCharsets.UTF_8));
    final KeyPair alice = KeyPair.fromUri("//Alice", KeyScheme.ECDSA);
    final EcdsaSignature signature = alice.signPrehashed(commitmentHash);
    assertThat(Secp256k1.recover(commitmentHash, signature).orElseThrow().compressed())
        .isEqualTo(alice.publicKey());
    assertThatThrownBy(
            () -> KeyPair.fromUri("//Alice", KeyScheme.ED25519).signPrehashed(commitmentHash))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldRefuseSoftJunctionsAndBadSecretsWithoutEchoingThem() {
    assertThatThrownBy(() -> KeyPair.fromUri("//Alice/soft", KeyScheme.ED25519))
        .hasMessageContaining("only hard junctions");
    assertThatThrownBy(() -> KeyPair.fromUri("correct horse battery staple//x", KeyScheme.ECDSA))
        .hasMessageContaining("not a valid BIP39")
        .hasMessageNotContaining("horse");
    assertThatThrownBy(() -> KeyPair.fromUri("0x1234", KeyScheme.ED25519))
        .hasMessageContaining("32 bytes");
    assertThat(KeyPair.fromUri("//Alice", KeyScheme.ED25519).toString()).doesNotContain("bottom");
    assertThat(SecretUri.parse("//Alice").toString())
        .doesNotContain("bottom")
        .doesNotContain("Alice");
  }
}
