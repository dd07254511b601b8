package io.xrelay.proofs.calldata;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.crypto.secp256k1.EcdsaSignature;
import io.xrelay.crypto.secp256k1.EthereumAddress;
import io.xrelay.proofs.Failure;
import io.xrelay.proofs.FailureReason;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import io.xrelay.proofs.beefy.BeefyCommitment;
import io.xrelay.proofs.beefy.BeefyValidatorSet;
import io.xrelay.proofs.beefy.TestValidators;
import io.xrelay.proofs.merkle.BinaryMerkleProof;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The attack Snowbridge fixed in PR #1798: a verifier that folds over however many items a proof
 * has, choosing sides by {@code position odd || position + 1 == width}, accepts the short proof of
 * a promoted leaf at every position whose low bits make the same choices. One key then counts as
 * many validators. The geometry walk with an exact length refuses all but the true position.
 */
class ValidatorProofAliasingTest {
  private static final int SET_SIZE = 600;
  private static final int ATTACKER = 599;

  @Test
  void shouldRefuseAShortProofAtEveryAliasedPosition() {
    final BeefyValidatorSet set = TestValidators.of(SET_SIZE).validatorSet(5011);
    final H256 root = set.root();
    final BinaryMerkleProof genuine = set.proof(ATTACKER);
    final H256 leaf = Hashing.keccak256(set.members().get(ATTACKER).orElseThrow().bytes());
    assertThat(genuine.items()).hasSize(6);

    final List<Long> aliases = aliasesOf(genuine.items(), leaf, root);
    // 63, 127, ..., 575 share the all-left choices of 599 over six levels.
    assertThat(aliases).containsExactly(63L, 127L, 191L, 255L, 319L, 383L, 447L, 511L, 575L, 599L);

    for (final long position : aliases) {
      final var result =
          new BinaryMerkleProof(genuine.items(), position, SET_SIZE).verify(root, leaf);
      if (position == ATTACKER) {
        assertThat(result.isValid()).isTrue();
      } else {
        assertThat(result.hasFailure(FailureReason.MERKLE_PROOF_LENGTH)).isTrue();
        assertThat(result.reasons())
            .singleElement()
            .asString()
            .startsWith(
                "proof has 6 items, position " + position + " in a tree of 600 leaves needs ")
            .doesNotEndWith("needs 6");
      }
    }
  }

  @Test
  void shouldNotLetOneKeyFillTheSignatureSlotsOfASubmitFinal() {
    final TestValidators validators = TestValidators.of(SET_SIZE);
    final BeefyValidatorSet set = validators.validatorSet(5011);
    final BinaryMerkleProof genuine = set.proof(ATTACKER);
    final EthereumAddress attacker = set.members().get(ATTACKER).orElseThrow();
    final BeefyCommitment forged = TestValidators.commitment(31_517_088, 5011);
    final EcdsaSignature signature = validators.signer(ATTACKER).sign(forged.hash().bytes());
    final List<Long> aliases =
        aliasesOf(genuine.items(), Hashing.keccak256(attacker.bytes()), set.root());

    final List<ValidatorProof> proofs = new ArrayList<>();
    BigInteger word0 = BigInteger.ZERO;
    BigInteger word1 = BigInteger.ZERO;
    BigInteger word2 = BigInteger.ZERO;
    for (final long position : aliases) {
      proofs.add(
          new ValidatorProof(
              signature.ethereumV(),
              H256.wrap(signature.r()),
              H256.wrap(signature.s()),
              BigInteger.valueOf(position),
              attacker,
              genuine.items()));
    }
    // Claim the whole set so that only the proofs can fail.
    final BigInteger ones = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    word0 = ones;
    word1 = ones;
    word2 = BigInteger.ONE.shiftLeft(SET_SIZE - 512).subtract(BigInteger.ONE);
    final BeefyClientCall.SubmitFinal call =
        new BeefyClientCall.SubmitFinal(
            BeefyClientFunction.SUBMIT_FINAL,
            forged,
            List.of(word0, word1, word2),
            proofs,
            new io.xrelay.proofs.mmr.MmrLeaf(0, 1, H256.ZERO, 5012, 600, H256.ZERO, H256.ZERO),
            new io.xrelay.proofs.mmr.SimplifiedMmrProof(List.of(), BigInteger.ZERO));

    final BeefyCallAuditReport report =
        BeefyCallAudit.usingActiveBackend()
            .audit(call, new AuditExpectations(Optional.of(set.root()), OptionalInt.of(SET_SIZE)));

    assertThat(report.result().isValid()).isFalse();
    final List<Failure> lengthFailures =
        report.result().failures().stream()
            .filter(f -> f.reason() == FailureReason.MERKLE_PROOF_LENGTH)
            .toList();
    assertThat(lengthFailures).hasSize(aliases.size() - 1);
    assertThat(lengthFailures.get(0).detail())
        .isEqualTo(
            "signature 0 (validator 63): proof has 6 items, position 63 in a tree of 600 leaves"
                + " needs 10");
    assertThat(report.result().hasFailure(FailureReason.DUPLICATE_SIGNER)).isTrue();
    assertThat(report.validatorSetRoot()).contains(set.root());
  }

  /** Positions at which the pre-#1798 fold accepts these items for this leaf. */
  private static List<Long> aliasesOf(final List<H256> items, final H256 leaf, final H256 root) {
    final List<Long> accepted = new ArrayList<>();
    for (long position = 0; position < SET_SIZE; position++) {
      if (legacyFold(leaf, position, SET_SIZE, items).equals(root)) {
        accepted.add(position);
      }
    }
    return accepted;
  }

  /** The vulnerable verifier: one step per item, whatever the tree's shape. */
  private static H256 legacyFold(
      final H256 leaf, final long position, final long width, final List<H256> items) {
    H256 node = leaf;
    long pos = position;
    long w = width;
    for (final H256 item : items) {
      node =
          (pos & 1) == 1 || pos + 1 == w
              ? Hashing.keccak256(item, node)
              : Hashing.keccak256(node, item);
      pos >>= 1;
      w = (w - 1) / 2 + 1;
    }
    return node;
  }
}
