package io.xrelay.proofs.calldata;

import io.xrelay.crypto.secp256k1.EcdsaSignature;
import io.xrelay.crypto.secp256k1.EthereumAddress;
import io.xrelay.proofs.Failure;
import io.xrelay.proofs.FailureReason;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import io.xrelay.proofs.VerificationResult;
import io.xrelay.proofs.beefy.BeefyCommitment;
import io.xrelay.proofs.beefy.BeefyQuorum;
import io.xrelay.proofs.beefy.SignatureRecovery;
import io.xrelay.proofs.merkle.BinaryMerkleProof;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks everything in a BeefyClient call that can be checked without the contract's state: each
 * signature recovers to the claimed account (over {@code keccak256(SCALE(commitment))}, in a form
 * OpenZeppelin's ECDSA accepts), each account's merkle proof walks the validator-set tree at its
 * index and all reach one root, no validator appears twice, every proof's validator is claimed in
 * the bitfield, the bitfield claims a quorum of the set and no bit past it, and (for submitFinal
 * and submitFiatShamir) the MMR leaf proof folds to the commitment's {@code mh} payload.
 *
 * <p>Not checked, because they depend on chain state: the set id against the contract's sets, the
 * random subsample of signers (PREVRANDAO or the Fiat-Shamir seed) and their required number.
 */
public final class BeefyCallAudit {
  private final SignatureRecovery recovery;

  public BeefyCallAudit(final SignatureRecovery recovery) {
    this.recovery = recovery;
  }

  public static BeefyCallAudit usingActiveBackend() {
    return new BeefyCallAudit(SignatureRecovery.usingActiveBackend());
  }

  public BeefyCallAuditReport audit(
      final BeefyClientCall call, final AuditExpectations expectations) {
    final List<Failure> failures = new ArrayList<>();
    final BeefyCommitment commitment = call.commitment();
    final H256 commitmentHash = commitment.hash();
    if (!commitment.isPayloadSorted()) {
      failures.add(
          Failure.of(
              FailureReason.PAYLOAD_NOT_SORTED,
              "commitment payload ids are not in increasing order, so validators never signed"
                  + " these bytes"));
    }

    final List<ValidatorProof> proofs = call.validatorProofs();
    final long width = validatorCount(call, expectations, failures);

    // Signatures are independent: recover them all at once, in parallel.
    final List<EcdsaSignature> signatures = proofs.stream().map(ValidatorProof::signature).toList();
    final List<Optional<EthereumAddress>> signers =
        recovery.recoverAddresses(commitmentHash, signatures);

    int valid = 0;
    final Map<BigInteger, Integer> indices = new HashMap<>();
    final Map<EthereumAddress, Integer> accounts = new HashMap<>();
    final Map<H256, List<Integer>> roots = new LinkedHashMap<>();
    if (proofs.isEmpty()) {
      failures.add(Failure.of(FailureReason.QUORUM_NOT_REACHED, "the call carries no signature"));
    }
    for (int i = 0; i < proofs.size(); i++) {
      final ValidatorProof proof = proofs.get(i);
      final String who = "signature " + i + " (validator " + proof.index() + ")";
      if (checkSignature(i, proof, signatures.get(i), signers.get(i), failures)) {
        valid++;
      }
      final Integer earlierIndex = indices.putIfAbsent(proof.index(), i);
      if (earlierIndex != null) {
        failures.add(
            Failure.of(
                FailureReason.DUPLICATE_SIGNER,
                who + " repeats the validator index of signature " + earlierIndex));
      }
      final Integer earlierAccount = accounts.putIfAbsent(proof.account(), i);
      if (earlierAccount != null && earlierIndex == null) {
        failures.add(
            Failure.of(
                FailureReason.DUPLICATE_SIGNER,
                who
                    + " repeats the account "
                    + proof.account()
                    + " of signature "
                    + earlierAccount));
      }
      if (proof.index().compareTo(BigInteger.valueOf(width)) >= 0) {
        failures.add(
            Failure.of(
                FailureReason.SIGNER_OUTSIDE_SET,
                who + " is outside the validator set of " + width));
        continue;
      }
      if (!isClaimed(call.bitfield(), proof.index().intValueExact())) {
        failures.add(
            Failure.of(
                FailureReason.SIGNER_NOT_IN_BITFIELD, who + " is not claimed in the bitfield"));
      }
      final BinaryMerkleProof merkleProof =
          new BinaryMerkleProof(proof.proof(), proof.index().longValueExact(), width);
      final VerificationResult geometry = merkleProof.checkGeometry();
      if (!geometry.isValid()) {
        geometry
            .failures()
            .forEach(f -> failures.add(Failure.of(f.reason(), who + ": " + f.detail())));
        continue;
      }
      final H256 root =
          merkleProof.computeRoot(Hashing.keccak256(proof.account().bytes())).orElseThrow();
      roots.computeIfAbsent(root, r -> new ArrayList<>()).add(i);
    }

    final Optional<H256> root = checkRoots(roots, proofs, expectations, failures);
    checkClaims(call.bitfield(), width, failures);

    Optional<H256> leafHash = Optional.empty();
    Optional<H256> mmrRoot = Optional.empty();
    Optional<Boolean> matches = Optional.empty();
    if (call instanceof BeefyClientCall.SubmitFinal submitFinal) {
      leafHash = Optional.of(submitFinal.leaf().hash());
      mmrRoot = Optional.of(submitFinal.leafProof().fold(leafHash.get()));
      final Optional<H256> payloadRoot = commitment.mmrRoot();
      matches = Optional.of(payloadRoot.equals(mmrRoot));
      if (payloadRoot.isEmpty()) {
        failures.add(
            Failure.of(
                FailureReason.NO_MMR_ROOT_IN_PAYLOAD,
                "commitment payload has no 32-byte mh (MMR root) item"));
      } else {
        final VerificationResult leafCheck =
            submitFinal.leafProof().verify(payloadRoot.get(), leafHash.get());
        failures.addAll(leafCheck.failures());
      }
    }

    return new BeefyCallAuditReport(
        call.function(),
        commitment.blockNumber(),
        commitment.validatorSetId(),
        commitmentHash,
        root,
        width,
        proofs.size(),
        valid,
        leafHash,
        mmrRoot,
        matches,
        VerificationResult.of(failures));
  }

  private static boolean checkSignature(
      final int i,
      final ValidatorProof proof,
      final EcdsaSignature signature,
      final Optional<EthereumAddress> signer,
      final List<Failure> failures) {
    boolean accepted = true;
    if (proof.v() != 27 && proof.v() != 28) {
      failures.add(
          Failure.of(
              FailureReason.SIGNATURE_BAD_V,
              "signature " + i + " has v = " + proof.v() + ", ecrecover needs 27 or 28"));
      accepted = false;
    }
    if (signature.isHighS()) {
      failures.add(
          Failure.of(
              FailureReason.SIGNATURE_HIGH_S,
              "signature " + i + " has a high s, which OpenZeppelin's ECDSA.recover rejects"));
      accepted = false;
    }
    if (signer.isEmpty()) {
      failures.add(
          Failure.of(
              FailureReason.SIGNATURE_UNRECOVERABLE,
              "signature " + i + " recovers to no public key"));
      return false;
    }
    if (!signer.get().equals(proof.account())) {
      failures.add(
          Failure.of(
              FailureReason.SIGNER_MISMATCH,
              "signature "
                  + i
                  + " recovers to "
                  + signer.get()
                  + " which is not validator "
                  + proof.index()
                  + " ("
                  + proof.account()
                  + ")"));
      return false;
    }
    return accepted;
  }

  private static Optional<H256> checkRoots(
      final Map<H256, List<Integer>> roots,
      final List<ValidatorProof> proofs,
      final AuditExpectations expectations,
      final List<Failure> failures) {
    Optional<H256> majority = Optional.empty();
    int best = 0;
    for (final Map.Entry<H256, List<Integer>> entry : roots.entrySet()) {
      if (entry.getValue().size() > best) {
        best = entry.getValue().size();
        majority = Optional.of(entry.getKey());
      }
    }
    final Optional<H256> expected = expectations.validatorSetRoot();
    final H256 reference = expected.orElse(majority.orElse(null));
    for (final Map.Entry<H256, List<Integer>> entry : roots.entrySet()) {
      if (entry.getKey().equals(reference)) {
        continue;
      }
      for (final int i : entry.getValue()) {
        failures.add(
            Failure.of(
                FailureReason.VALIDATOR_ROOT_MISMATCH,
                "signature "
                    + i
                    + " (validator "
                    + proofs.get(i).index()
                    + "): merkle proof leads to "
                    + entry.getKey()
                    + ", not the validator-set root "
                    + reference));
      }
    }
    return majority;
  }

  private static void checkClaims(
      final List<BigInteger> bitfield, final long width, final List<Failure> failures) {
    final long words = (width + 255) / 256;
    if (bitfield.size() != words) {
      failures.add(
          Failure.of(
              FailureReason.BITFIELD_LENGTH,
              "bitfield has "
                  + bitfield.size()
                  + " words, a set of "
                  + width
                  + " validators needs "
                  + words));
    }
    long claimed = 0;
    for (int w = 0; w < bitfield.size(); w++) {
      final BigInteger word = bitfield.get(w);
      for (int bit = word.getLowestSetBit(); bit >= 0 && bit < 256; bit++) {
        if (!word.testBit(bit)) {
          continue;
        }
        final long validator = 256L * w + bit;
        if (validator < width) {
          claimed++;
        } else {
          failures.add(
              Failure.of(
                  FailureReason.BITFIELD_PADDING,
                  "bitfield claims validator " + validator + " of a set of " + width));
          return;
        }
      }
    }
    final long required = BeefyQuorum.threshold(width);
    if (claimed < required) {
      failures.add(
          Failure.of(
              FailureReason.QUORUM_NOT_REACHED,
              "bitfield claims " + claimed + " signers of " + width + ", " + required + " needed"));
    }
  }

  private static boolean isClaimed(final List<BigInteger> bitfield, final int index) {
    final int word = index / 256;
    return word < bitfield.size() && bitfield.get(word).testBit(index % 256);
  }

  /**
   * The set size to walk the merkle proofs with: the expected count when given; otherwise the
   * smallest size the bitfield allows (its word count and highest claimed bit) under which every
   * proof has exactly the items its index needs and all proofs reach one root. The MMR leaf's next
   * authority set length is tried first, as sets rarely change size.
   */
  private static long validatorCount(
      final BeefyClientCall call,
      final AuditExpectations expectations,
      final List<Failure> failures) {
    if (expectations.validatorCount().isPresent()) {
      return expectations.validatorCount().getAsInt();
    }
    final List<BigInteger> bitfield = call.bitfield();
    if (bitfield.isEmpty()) {
      failures.add(Failure.of(FailureReason.BITFIELD_LENGTH, "bitfield is empty"));
      return 0;
    }
    long highest = -1;
    for (int w = bitfield.size() - 1; w >= 0 && highest < 0; w--) {
      final BigInteger word = bitfield.get(w);
      if (word.signum() != 0) {
        highest = 256L * w + Math.min(word.bitLength(), 256) - 1;
      }
    }
    final long low = Math.max(256L * (bitfield.size() - 1) + 1, highest + 1);
    final long high = 256L * bitfield.size();
    final List<Long> candidates = new ArrayList<>();
    if (call instanceof BeefyClientCall.SubmitFinal submitFinal) {
      final long hint = submitFinal.leaf().nextAuthoritySetLength();
      if (hint >= low && hint <= high) {
        candidates.add(hint);
      }
    }
    for (long n = low; n <= high; n++) {
      candidates.add(n);
    }
    for (final long n : candidates) {
      if (proofsAgree(call.validatorProofs(), n)) {
        return n;
      }
    }
    return high;
  }

  private static boolean proofsAgree(final List<ValidatorProof> proofs, final long width) {
    H256 root = null;
    for (final ValidatorProof proof : proofs) {
      if (proof.index().bitLength() > 62) {
        return false;
      }
      final Optional<H256> computed =
          new BinaryMerkleProof(proof.proof(), proof.index().longValueExact(), width)
              .computeRoot(Hashing.keccak256(proof.account().bytes()));
      if (computed.isEmpty() || (root != null && !root.equals(computed.get()))) {
        return false;
      }
      root = computed.get();
    }
    return true;
  }
}
