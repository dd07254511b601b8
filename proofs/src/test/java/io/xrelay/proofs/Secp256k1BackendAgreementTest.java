package io.xrelay.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.crypto.secp256k1.BouncyCastleKeyRecovery;
import io.xrelay.crypto.secp256k1.EcdsaSignature;
import io.xrelay.crypto.secp256k1.EthereumAddress;
import io.xrelay.crypto.secp256k1.NativeKeyRecovery;
import io.xrelay.crypto.secp256k1.Secp256k1PublicKey;
import io.xrelay.proofs.beefy.BeefyGossipMessage;
import io.xrelay.proofs.beefy.SignedCommitment;
import io.xrelay.proofs.calldata.BeefyClientCall;
import io.xrelay.proofs.calldata.BeefyClientCalldata;
import io.xrelay.proofs.calldata.ValidatorProof;
import io.xrelay.scale.Hex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** libsecp256k1 and BouncyCastle recover the same key from every real signature in the fixtures. */
class Secp256k1BackendAgreementTest {
  private static final NativeKeyRecovery NATIVE = NativeKeyRecovery.load();
  private static final BouncyCastleKeyRecovery BOUNCY_CASTLE = new BouncyCastleKeyRecovery();

  private record Sample(
      String where, H256 hash, EcdsaSignature signature, Optional<EthereumAddress> signer) {}

  @Test
  void shouldRecoverTheSameKeyWithBothBackendsFromEveryFixtureSignature() {
    final List<Sample> samples = samples();
    assertThat(samples).hasSize(5 * 28 + 5 + 25 + 3);
    for (final Sample sample : samples) {
      final Optional<Secp256k1PublicKey> fromNative =
          NATIVE.recover(sample.hash().bytes(), sample.signature());
      final Optional<Secp256k1PublicKey> fromJava =
          BOUNCY_CASTLE.recover(sample.hash().bytes(), sample.signature());
      assertThat(fromNative).as(sample.where()).isPresent();
      assertThat(fromJava).as(sample.where()).isEqualTo(fromNative);
      sample
          .signer()
          .ifPresent(
              expected ->
                  assertThat(fromNative.get().ethereumAddress())
                      .as(sample.where())
                      .isEqualTo(expected));
      // And the high-s twin of each signature recovers to the same key on both.
      final EcdsaSignature twin = highSTwin(sample.signature());
      assertThat(NATIVE.recover(sample.hash().bytes(), twin)).isEqualTo(fromNative);
      assertThat(BOUNCY_CASTLE.recover(sample.hash().bytes(), twin)).isEqualTo(fromNative);
    }
  }

  private static List<Sample> samples() {
    final List<Sample> samples = new ArrayList<>();
    for (final Path file : FixtureFiles.list("beefy/polkadot-mainnet-calldata")) {
      final BeefyClientCall call =
          BeefyClientCalldata.decodeHex(
              FixtureFiles.text("beefy/polkadot-mainnet-calldata/" + file.getFileName()));
      final H256 hash = call.commitment().hash();
      for (final ValidatorProof proof : call.validatorProofs()) {
        samples.add(
            new Sample(
                file.getFileName() + " " + proof.index(),
                hash,
                proof.signature(),
                Optional.of(proof.account())));
      }
    }
    final JsonNode log = FixtureFiles.json("beefy/snowbridge-beefy-commitment-2023.json");
    final H256 hash2023 = H256.fromHex(log.get("commitmentHash").asText());
    for (final JsonNode proof : log.at("/params/proofs")) {
      samples.add(
          new Sample(
              "2023 " + proof.get("Index"),
              hash2023,
              EcdsaSignature.fromEthereum(
                  proof.get("V").asInt(),
                  Hex.decode(proof.get("R").asText()),
                  Hex.decode(proof.get("S").asText())),
              Optional.of(EthereumAddress.fromHex(proof.get("Account").asText()))));
    }
    final JsonNode gossip = FixtureFiles.json("beefy/beefy-gossip-vectors.json");
    final BeefyGossipMessage.Vote vote =
        (BeefyGossipMessage.Vote)
            BeefyGossipMessage.decode(Hex.decode(gossip.at("/voteMessage/scaleHex").asText()));
    samples.add(
        new Sample(
            "vote",
            vote.commitment().hash(),
            vote.signature(),
            Secp256k1PublicKey.parse(vote.authorityId()).map(Secp256k1PublicKey::ethereumAddress)));
    final SignedCommitment signed =
        ((BeefyGossipMessage.FinalityProof)
                BeefyGossipMessage.decode(
                    Hex.decode(gossip.at("/finalityProofMessage/scaleHex").asText())))
            .proof()
            .signedCommitment();
    for (final int slot : signed.signerIndices()) {
      samples.add(
          new Sample(
              "gossip " + slot,
              signed.commitment().hash(),
              signed.signatures().get(slot).orElseThrow(),
              Optional.empty()));
    }
    return samples;
  }

  private static EcdsaSignature highSTwin(final EcdsaSignature signature) {
    final byte[] s = EcdsaSignature.CURVE_ORDER.subtract(signature.sValue()).toByteArray();
    final byte[] s32 = new byte[32];
    final int copy = Math.min(32, s.length);
    System.arraycopy(s, s.length - copy, s32, 32 - copy, copy);
    return EcdsaSignature.fromEthereum(signature.recoveryId() ^ 1, signature.r(), s32);
  }
}
