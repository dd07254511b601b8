package io.xrelay.proofs.grandpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.proofs.Failure;
import io.xrelay.proofs.FailureReason;
import io.xrelay.proofs.FixtureFiles;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import io.xrelay.proofs.VerificationResult;
import io.xrelay.scale.Hex;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

class GrandpaJustificationVerifierTest {
  private static final GrandpaJustificationVerifier STRICT =
      new GrandpaJustificationVerifier(GrandpaJustificationVerifier.Mode.STRICT);
  private static final GrandpaJustificationVerifier LENIENT =
      new GrandpaJustificationVerifier(GrandpaJustificationVerifier.Mode.ACCEPT_EXTRA_VOTES);
  private static final long ROUND = 274_165;
  private static final long SET_ID = 6414;

  /** Ten ed25519 voters with seeds 1..10. */
  private static final List<byte[]> SECRETS = secrets(10);

  private static final GrandpaAuthoritySet SET = authoritySet(SECRETS, SET_ID);

  // A chain: target T (number 100) <- C1 (101) <- C2 (102); some vote for T, some for C2.
  private static final SubstrateHeader TARGET = header(H256.ZERO, 100);
  private static final SubstrateHeader CHILD = header(TARGET.hash(), 101);
  private static final SubstrateHeader GRANDCHILD = header(CHILD.hash(), 102);

  @Test
  void shouldVerifyTheRealPrecommitVectorAsAOneVoterJustification() {
    final JsonNode vector = FixtureFiles.json("grandpa/grandpa-precommit-signature-vector.json");
    final JsonNode decoded = vector.get("decoded");
    final Precommit precommit =
        new Precommit(
            H256.fromHex(decoded.get("target_hash").asText()),
            decoded.get("target_number").asLong());
    final long round = decoded.get("round").asLong();
    final long setId = decoded.get("set_id").asLong();
    assertThat(Hex.encode(precommit.signedMessage(round, setId)))
        .isEqualTo(vector.get("signed_payload_hex").asText());
    final byte[] key = Hex.decode(vector.get("authority_public_key_ed25519").asText());
    final GrandpaJustification justification =
        new GrandpaJustification(
            round,
            precommit.targetHash(),
            precommit.targetNumber(),
            List.of(
                new SignedPrecommit(precommit, Hex.decode(vector.get("signature").asText()), key)),
            List.of());
    final GrandpaAuthoritySet one =
        new GrandpaAuthoritySet(setId, List.of(new GrandpaAuthority(key, 1)));
    assertThat(
            STRICT
                .verify(justification, precommit.targetHash(), precommit.targetNumber(), one)
                .isValid())
        .isTrue();
    // The same signature for another set id, or another round, does not verify.
    final GrandpaAuthoritySet nextSet = new GrandpaAuthoritySet(setId + 1, one.authorities());
    assertThat(
            reasons(
                STRICT.verify(
                    justification, precommit.targetHash(), precommit.targetNumber(), nextSet)))
        .contains(FailureReason.GRANDPA_INVALID_SIGNATURE);
  }

  @Test
  void shouldAcceptAThresholdOfVotesThroughTheAncestry() {
    final GrandpaJustification justification = justification(7, List.of(GRANDCHILD, CHILD));
    assertThat(SET.threshold()).isEqualTo(7);
    final VerificationResult result = STRICT.verify(justification, TARGET.hash(), 100, SET);
    assertThat(result.reasons()).isEmpty();
    final GrandpaJustification decoded = GrandpaJustification.decode(justification.encode());
    assertThat(decoded.encode()).isEqualTo(justification.encode());
    assertThat(STRICT.verify(decoded, TARGET.hash(), 100, SET).isValid()).isTrue();
  }

  @Test
  void shouldNameEveryKindOfFailure() {
    final GrandpaJustification good = justification(7, List.of(GRANDCHILD, CHILD));

    assertThat(reasons(STRICT.verify(good, CHILD.hash(), 101, SET)))
        .containsExactly(FailureReason.GRANDPA_TARGET_MISMATCH);

    assertThat(
            reasons(
                STRICT.verify(
                    justification(6, List.of(GRANDCHILD, CHILD)), TARGET.hash(), 100, SET)))
        .containsExactly(FailureReason.GRANDPA_TOO_LOW_CUMULATIVE_WEIGHT);

    final GrandpaJustification eight = justification(8, List.of(GRANDCHILD, CHILD));
    assertThat(reasons(STRICT.verify(eight, TARGET.hash(), 100, SET)))
        .containsExactly(FailureReason.GRANDPA_REDUNDANT_AUTHORITY_VOTE);
    assertThat(LENIENT.verify(eight, TARGET.hash(), 100, SET).isValid()).isTrue();

    assertThat(
            reasons(
                STRICT.verify(
                    justification(7, List.of(GRANDCHILD, CHILD, CHILD)), TARGET.hash(), 100, SET)))
        .containsExactly(FailureReason.GRANDPA_DUPLICATE_VOTES_ANCESTRY);

    final SubstrateHeader unused = header(H256.fromHex("0x" + "22".repeat(32)), 150);
    final VerificationResult redundant =
        STRICT.verify(
            justification(7, List.of(GRANDCHILD, CHILD, unused)), TARGET.hash(), 100, SET);
    assertThat(reasons(redundant))
        .containsExactly(FailureReason.GRANDPA_REDUNDANT_VOTES_ANCESTRIES);
    assertThat(redundant.reasons().get(0)).startsWith("votes ancestry header 150 (");

    // Without the ancestry the votes for the grandchild cannot be connected.
    final VerificationResult unrelated =
        STRICT.verify(justification(7, List.of(GRANDCHILD)), TARGET.hash(), 100, SET);
    assertThat(reasons(unrelated))
        .contains(
            FailureReason.GRANDPA_UNRELATED_ANCESTRY_VOTE,
            FailureReason.GRANDPA_TOO_LOW_CUMULATIVE_WEIGHT);
  }

  @Test
  void shouldRejectUnknownDuplicateAndForgedVotes() {
    final GrandpaJustification good = justification(7, List.of(GRANDCHILD, CHILD));
    final List<SignedPrecommit> precommits = new ArrayList<>(good.precommits());

    final List<SignedPrecommit> duplicated = new ArrayList<>(precommits);
    duplicated.set(6, precommits.get(0));
    assertThat(reasons(STRICT.verify(withPrecommits(good, duplicated), TARGET.hash(), 100, SET)))
        .containsExactly(
            FailureReason.GRANDPA_DUPLICATE_AUTHORITY_VOTE,
            FailureReason.GRANDPA_TOO_LOW_CUMULATIVE_WEIGHT);

    final byte[] stranger = secrets(11).get(10);
    final List<SignedPrecommit> unknown = new ArrayList<>(precommits);
    unknown.set(3, sign(stranger, precommits.get(3).precommit(), ROUND, SET_ID));
    assertThat(reasons(STRICT.verify(withPrecommits(good, unknown), TARGET.hash(), 100, SET)))
        .containsExactly(
            FailureReason.GRANDPA_UNKNOWN_AUTHORITY,
            FailureReason.GRANDPA_TOO_LOW_CUMULATIVE_WEIGHT);

    for (int bit = 0; bit < 512; bit += 7) {
      final byte[] signature = precommits.get(2).signature();
      signature[bit / 8] ^= (byte) (1 << (bit % 8));
      final List<SignedPrecommit> forged = new ArrayList<>(precommits);
      forged.set(
          2,
          new SignedPrecommit(
              precommits.get(2).precommit(), signature, precommits.get(2).authorityId()));
      final VerificationResult result =
          STRICT.verify(withPrecommits(good, forged), TARGET.hash(), 100, SET);
      assertThat(reasons(result))
          .as("bit %d", bit)
          .containsExactly(
              FailureReason.GRANDPA_INVALID_SIGNATURE,
              FailureReason.GRANDPA_TOO_LOW_CUMULATIVE_WEIGHT);
      assertThat(result.reasons().get(0)).startsWith("precommit 2 by ");
    }

    // A vote signed for another round is invalid here.
    final List<SignedPrecommit> otherRound = new ArrayList<>(precommits);
    otherRound.set(0, sign(SECRETS.get(0), precommits.get(0).precommit(), ROUND + 1, SET_ID));
    assertThat(reasons(STRICT.verify(withPrecommits(good, otherRound), TARGET.hash(), 100, SET)))
        .contains(FailureReason.GRANDPA_INVALID_SIGNATURE);
  }

  @Test
  void shouldWeighVotes() {
    final List<GrandpaAuthority> weighted = new ArrayList<>(SET.authorities());
    weighted.set(0, new GrandpaAuthority(SET.authorities().get(0).publicKey(), 10));
    final GrandpaAuthoritySet heavy = new GrandpaAuthoritySet(SET_ID, weighted);
    assertThat(heavy.totalWeight()).isEqualTo(19);
    assertThat(heavy.threshold()).isEqualTo(13);
    // Voter 0 (weight 10) and three others reach 13.
    assertThat(
            LENIENT
                .verify(justification(4, List.of(GRANDCHILD, CHILD)), TARGET.hash(), 100, heavy)
                .isValid())
        .isTrue();
    assertThat(
            LENIENT
                .verify(justification(3, List.of(GRANDCHILD, CHILD)), TARGET.hash(), 100, heavy)
                .isValid())
        .isFalse();
  }

  /**
   * The first {@code voters} authorities precommit: even ones for the target, odd ones for the
   * grandchild.
   */
  static GrandpaJustification justification(
      final int voters, final List<SubstrateHeader> ancestries) {
    final List<SignedPrecommit> precommits = new ArrayList<>();
    for (int i = 0; i < voters; i++) {
      final Precommit precommit =
          i % 2 == 0 ? new Precommit(TARGET.hash(), 100) : new Precommit(GRANDCHILD.hash(), 102);
      precommits.add(sign(SECRETS.get(i), precommit, ROUND, SET_ID));
    }
    return new GrandpaJustification(ROUND, TARGET.hash(), 100, precommits, ancestries);
  }

  static SignedPrecommit sign(
      final byte[] secret, final Precommit precommit, final long round, final long setId) {
    final byte[] message = precommit.signedMessage(round, setId);
    final byte[] signature = new byte[64];
    Ed25519.sign(secret, 0, message, 0, message.length, signature, 0);
    return new SignedPrecommit(precommit, signature, publicKey(secret));
  }

  static List<byte[]> secrets(final int count) {
    final List<byte[]> secrets = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      secrets.add(Hashing.blake2b256(new byte[] {(byte) i}).bytes());
    }
    return secrets;
  }

  static GrandpaAuthoritySet authoritySet(final List<byte[]> secrets, final long setId) {
    return new GrandpaAuthoritySet(
        setId, secrets.stream().map(s -> new GrandpaAuthority(publicKey(s), 1)).toList());
  }

  static byte[] publicKey(final byte[] secret) {
    final byte[] key = new byte[32];
    Ed25519.generatePublicKey(secret, 0, key, 0);
    return key;
  }

  static SubstrateHeader header(final H256 parent, final long number) {
    return new SubstrateHeader(
        parent,
        number,
        Hashing.keccak256(new byte[] {(byte) number}),
        H256.ZERO,
        List.of(new DigestItem.PreRuntime("BABE", new byte[] {1, 2, 3})));
  }

  private static GrandpaJustification withPrecommits(
      final GrandpaJustification justification, final List<SignedPrecommit> precommits) {
    return new GrandpaJustification(
        justification.round(),
        justification.targetHash(),
        justification.targetNumber(),
        precommits,
        justification.votesAncestries());
  }

  private static List<FailureReason> reasons(final VerificationResult result) {
    return result.failures().stream().map(Failure::reason).toList();
  }
}
