package io.xrelay.crypto.secp256k1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.crypto.Keccak256;
import io.xrelay.scale.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Secp256k1KeyRecoveryTest {
  // A real BEEFY vote (shared/fixtures/beefy/beefy-gossip-vectors.json, voteMessage).
  private static final byte[] VOTE_COMMITMENT_HASH =
      Hex.decode("0xa5d64346bf462af5968bec63ea8d80e23e66e89f502a8ae233fb452031b7dfac");
  private static final EcdsaSignature VOTE_SIGNATURE =
      EcdsaSignature.fromBytes(
          Hex.decode(
              "0xc52804f9a242093d0bc43e87ec2b7fc028359668fd4c8478954223ab7a7f66b2"
                  + "6eb3a67c9d07d7507536bbab2618e49cf39425c172d4c0e7d0a04e7ebd61b45f01"));
  private static final String VOTE_AUTHORITY_ID =
      "0x024b1b43b9ddd8a8abf9bd503bf9b42602a7ddae6941a6c904b8e76b7a3d6331da";

  private static final List<Secp256k1KeyRecovery> BACKENDS = backends();

  private static List<Secp256k1KeyRecovery> backends() {
    return List.of(new BouncyCastleKeyRecovery(), NativeKeyRecovery.load());
  }

  @Test
  void shouldLoadTheNativeLibraryOnThisMachine() {
    assertThat(Secp256k1.activeBackend()).isEqualTo(Secp256k1Backend.NATIVE_LIBSECP256K1);
    assertThat(Secp256k1.nativeUnavailableReason()).isEmpty();
  }

  @Test
  void shouldRecoverTheAuthorityOfARealBeefyVoteWithBothBackends() {
    for (final Secp256k1KeyRecovery backend : BACKENDS) {
      final Secp256k1PublicKey key = backend.recover(VOTE_COMMITMENT_HASH, VOTE_SIGNATURE).get();
      assertThat(Hex.encode(key.compressed()))
          .as(backend.backend().label())
          .isEqualTo(VOTE_AUTHORITY_ID);
      assertThat(key.ethereumAddress().toChecksumHex())
          .isEqualTo("0xc593e3A171582e99cd97D826Cb07694d390b844b");
    }
  }

  @Test
  void shouldDecompressAnAuthorityIdToTheRecoveredKey() {
    final Secp256k1PublicKey parsed = Secp256k1PublicKey.parse(Hex.decode(VOTE_AUTHORITY_ID)).get();
    assertThat(parsed).isEqualTo(Secp256k1.recover(VOTE_COMMITMENT_HASH, VOTE_SIGNATURE).get());
    assertThat(Secp256k1PublicKey.parse(parsed.uncompressed())).contains(parsed);
  }

  @Test
  void shouldRejectBytesThatAreNotAPointOnTheCurve() {
    final byte[] notOnCurve = Hex.decode(VOTE_AUTHORITY_ID);
    notOnCurve[0] = 0x05;
    assertThat(Secp256k1PublicKey.parse(notOnCurve)).isEmpty();
    assertThat(Secp256k1PublicKey.parse(new byte[33])).isEmpty();
    assertThat(Secp256k1PublicKey.parse(new byte[20])).isEmpty();
  }

  @Test
  void shouldRecoverTheSameKeyFromTheLowSFormWithTheParityFlipped() {
    final Secp256k1Signer signer = Secp256k1Signer.fromPrivateKey(privateKey(7));
    final byte[] hash = Keccak256.hash("commitment".getBytes(StandardCharsets.UTF_8));
    final EcdsaSignature lowS = signer.sign(hash);
    assertThat(lowS.isHighS()).isFalse();
    final EcdsaSignature highS =
        EcdsaSignature.fromEthereum(
            lowS.recoveryId() ^ 1,
            lowS.r(),
            EcdsaSignature.toBytes32(EcdsaSignature.CURVE_ORDER.subtract(lowS.sValue())));
    assertThat(highS.isHighS()).isTrue();
    assertThat(highS.normalizedLowS()).isEqualTo(lowS);
    for (final Secp256k1KeyRecovery backend : BACKENDS) {
      assertThat(backend.recover(hash, highS)).contains(signer.publicKey());
      assertThat(backend.recover(hash, lowS)).contains(signer.publicKey());
    }
    assertThat(lowS.ethereumV()).isEqualTo(27 + lowS.recoveryId());
  }

  @Test
  void shouldAgreeOnRandomKeysAndMessages() {
    final Random random = new Random(3);
    for (int i = 0; i < 50; i++) {
      final Secp256k1Signer signer = Secp256k1Signer.fromPrivateKey(randomKey(random));
      final byte[] hash = new byte[32];
      random.nextBytes(hash);
      final EcdsaSignature signature = signer.sign(hash);
      for (final Secp256k1KeyRecovery backend : BACKENDS) {
        assertThat(backend.recover(hash, signature)).contains(signer.publicKey());
      }
      // The same signature over another message recovers to some other key on both backends.
      hash[0] ^= 1;
      final var bouncy = BACKENDS.get(0).recover(hash, signature);
      assertThat(bouncy).isNotEqualTo(java.util.Optional.of(signer.publicKey()));
      assertThat(BACKENDS.get(1).recover(hash, signature)).isEqualTo(bouncy);
    }
  }

  @Test
  void shouldRecoverNothingFromOutOfRangeValues() {
    final byte[] zero = new byte[32];
    final byte[] order = EcdsaSignature.toBytes32(EcdsaSignature.CURVE_ORDER);
    final byte[] one = EcdsaSignature.toBytes32(BigInteger.ONE);
    final List<EcdsaSignature> invalid =
        List.of(
            EcdsaSignature.fromEthereum(0, zero, one),
            EcdsaSignature.fromEthereum(0, one, zero),
            EcdsaSignature.fromEthereum(1, order, one),
            EcdsaSignature.fromEthereum(1, one, order),
            EcdsaSignature.fromEthereum(9, VOTE_SIGNATURE.r(), VOTE_SIGNATURE.s()),
            EcdsaSignature.fromEthereum(29, VOTE_SIGNATURE.r(), VOTE_SIGNATURE.s()));
    for (final Secp256k1KeyRecovery backend : BACKENDS) {
      for (final EcdsaSignature signature : invalid) {
        assertThat(backend.recover(VOTE_COMMITMENT_HASH, signature))
            .as(backend.backend() + " " + signature)
            .isEmpty();
      }
    }
  }

  @Test
  void shouldReadEthereumVAsARecoveryId() {
    final EcdsaSignature ethereumForm =
        EcdsaSignature.fromEthereum(28, VOTE_SIGNATURE.r(), VOTE_SIGNATURE.s());
    assertThat(ethereumForm.recoveryId()).isEqualTo(1);
    assertThat(Secp256k1.recover(VOTE_COMMITMENT_HASH, ethereumForm))
        .isEqualTo(Secp256k1.recover(VOTE_COMMITMENT_HASH, VOTE_SIGNATURE));
  }

  @Test
  void shouldRefuseMessageHashesThatAreNot32Bytes() {
    for (final Secp256k1KeyRecovery backend : BACKENDS) {
      assertThatThrownBy(() -> backend.recover(new byte[31], VOTE_SIGNATURE))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> EcdsaSignature.fromBytes(new byte[64]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldWriteEip55Checksums() {
    // Test vectors from EIP-55.
    for (final String address :
        List.of(
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")) {
      assertThat(EthereumAddress.fromHex(address.toLowerCase()).toChecksumHex()).isEqualTo(address);
    }
  }

  static byte[] privateKey(final int value) {
    return EcdsaSignature.toBytes32(BigInteger.valueOf(value));
  }

  private static byte[] randomKey(final Random random) {
    final byte[] key = new byte[32];
    random.nextBytes(key);
    key[0] &= 0x7f;
    key[31] |= 1;
    return key;
  }
}
