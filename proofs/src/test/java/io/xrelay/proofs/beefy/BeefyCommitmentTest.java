package io.xrelay.proofs.beefy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.crypto.secp256k1.EcdsaSignature;
import io.xrelay.crypto.secp256k1.Secp256k1;
import io.xrelay.crypto.secp256k1.Secp256k1PublicKey;
import io.xrelay.proofs.FixtureFiles;
import io.xrelay.proofs.H256;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BeefyCommitmentTest {

  @Test
  void shouldEncodeAndHashEveryMainnetCommitment() {
    final JsonNode files =
        FixtureFiles.json("beefy/polkadot-mainnet-calldata.decoded.json").get("files");
    assertThat(files.size()).isEqualTo(10);
    for (final JsonNode file : files) {
      final JsonNode c = file.get("commitment");
      final List<BeefyPayloadItem> payload = new ArrayList<>();
      for (final JsonNode item : c.get("payload")) {
        payload.add(
            BeefyPayloadItem.of(item.get("id").asText(), Hex.decode(item.get("data").asText())));
      }
      final BeefyCommitment commitment =
          BeefyCommitment.withSortedPayload(
              payload, c.get("blockNumber").asLong(), c.get("validatorSetID").asLong());
      assertThat(Hex.encode(commitment.encode())).isEqualTo(file.get("commitmentScale").asText());
      assertThat(commitment.hash().toHex()).isEqualTo(file.get("commitmentHash").asText());
      assertThat(commitment.mmrRoot())
          .contains(H256.fromHex(c.get("payload").get(0).get("data").asText()));
      final BeefyCommitment decoded =
          BeefyCommitment.decode(ScaleReader.ofHex(file.get("commitmentScale").asText()));
      assertThat(decoded).isEqualTo(commitment);
    }
  }

  @Test
  void shouldSortPayloadItemsById() {
    final BeefyPayloadItem mmr = BeefyPayloadItem.of("mh", new byte[32]);
    final BeefyPayloadItem other = BeefyPayloadItem.of("aa", new byte[] {1});
    final BeefyCommitment sorted = BeefyCommitment.withSortedPayload(List.of(mmr, other), 5, 9);
    assertThat(sorted.payload()).containsExactly(other, mmr);
    assertThat(sorted.isPayloadSorted()).isTrue();
    final BeefyCommitment asGiven = new BeefyCommitment(List.of(mmr, other), 5, 9);
    assertThat(asGiven.isPayloadSorted()).isFalse();
    assertThat(asGiven.hash()).isNotEqualTo(sorted.hash());
    assertThat(sorted.mmrRoot()).contains(H256.ZERO);
  }

  @Test
  void shouldFindNoMmrRootWithoutA32ByteMhItem() {
    assertThat(
            new BeefyCommitment(List.of(BeefyPayloadItem.of("mh", new byte[31])), 1, 1).mmrRoot())
        .isEmpty();
    assertThat(new BeefyCommitment(List.of(), 1, 1).mmrRoot()).isEmpty();
  }

  @Test
  void shouldDecodeARealVoteAndRecoverItsAuthority() {
    final JsonNode vote = FixtureFiles.json("beefy/beefy-gossip-vectors.json").get("voteMessage");
    final BeefyGossipMessage message =
        BeefyGossipMessage.decode(Hex.decode(vote.get("scaleHex").asText()));
    assertThat(message).isInstanceOf(BeefyGossipMessage.Vote.class);
    final BeefyGossipMessage.Vote decoded = (BeefyGossipMessage.Vote) message;
    assertThat(decoded.commitment().blockNumber())
        .isEqualTo(vote.at("/commitment/blockNumber").asLong());
    assertThat(decoded.commitment().validatorSetId())
        .isEqualTo(vote.at("/commitment/validatorSetId").asLong());
    assertThat(decoded.commitment().hash().toHex()).isEqualTo(vote.get("commitmentHash").asText());
    assertThat(Hex.encode(decoded.authorityId())).isEqualTo(vote.get("authorityId").asText());
    final Secp256k1PublicKey signer =
        Secp256k1.recover(decoded.commitment().hash().bytes(), decoded.signature()).orElseThrow();
    assertThat(Hex.encode(signer.compressed())).isEqualTo(vote.get("authorityId").asText());
    assertThat(signer.ethereumAddress().toChecksumHex())
        .isEqualTo(vote.get("authorityEthAddress").asText());
  }

  @Test
  void shouldDecodeAGossipedFinalityProofWithItsMsb0Bitfield() {
    final JsonNode vector =
        FixtureFiles.json("beefy/beefy-gossip-vectors.json").get("finalityProofMessage");
    final byte[] encoded = Hex.decode(vector.get("scaleHex").asText());
    final BeefyGossipMessage message = BeefyGossipMessage.decode(encoded);
    final SignedCommitment signed =
        ((BeefyGossipMessage.FinalityProof) message).proof().signedCommitment();
    assertThat(signed.validatorSetLength()).isEqualTo(vector.get("validatorSetLen").asInt());
    final List<Integer> expectedSigners = new ArrayList<>();
    vector.get("signerIndices").forEach(i -> expectedSigners.add(i.asInt()));
    assertThat(signed.signerIndices()).isEqualTo(expectedSigners);
    assertThat(signed.commitment().hash().toHex()).isEqualTo(vector.get("commitmentHash").asText());
    for (int i = 0; i < expectedSigners.size(); i++) {
      final JsonNode expected = vector.get("signatures").get(i);
      final EcdsaSignature signature =
          signed.signatures().get(expectedSigners.get(i)).orElseThrow();
      assertThat(signature.toString()).isEqualTo(expected.get("signature").asText());
      assertThat(
              SignatureRecovery.usingActiveBackend()
                  .recoverAddress(signed.commitment().hash(), signature)
                  .map(a -> a.toChecksumHex()))
          .contains(expected.get("recoveredEthAddress").asText());
    }
    // Re-encoding gives back the same bytes (after the gossip variant byte).
    final VersionedFinalityProof proof = ((BeefyGossipMessage.FinalityProof) message).proof();
    assertThat(Hex.encode(proof.encode()))
        .isEqualTo(Hex.encode(java.util.Arrays.copyOfRange(encoded, 1, encoded.length)));
    assertThat(VersionedFinalityProof.decode(proof.encode())).isEqualTo(proof);
  }

  @Test
  void shouldRoundTripLargeSignedCommitments() {
    final List<Optional<EcdsaSignature>> signatures = new ArrayList<>();
    for (int i = 0; i < 601; i++) {
      final byte[] raw = new byte[65];
      raw[0] = (byte) i;
      raw[64] = (byte) (i % 2);
      signatures.add(i % 3 == 0 ? Optional.empty() : Optional.of(EcdsaSignature.fromBytes(raw)));
    }
    final SignedCommitment signed =
        new SignedCommitment(BeefyCommitment.ofMmrRoot(H256.ZERO, 99, 7), signatures);
    final VersionedFinalityProof proof = new VersionedFinalityProof(signed);
    assertThat(VersionedFinalityProof.decode(proof.encode())).isEqualTo(proof);
    assertThat(signed.signerIndices()).hasSize(400);
  }
}
