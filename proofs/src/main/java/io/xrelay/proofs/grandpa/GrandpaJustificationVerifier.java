package io.xrelay.proofs.grandpa;

import io.xrelay.crypto.ed25519.Ed25519;
import io.xrelay.proofs.Failure;
import io.xrelay.proofs.FailureReason;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.VerificationResult;
import io.xrelay.scale.Hex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a GRANDPA justification for a header against the authority set that should have
 * finalized it, as the bridge GRANDPA pallet does: the commit must target the header; each
 * precommit must come from a distinct known authority, carry a valid ed25519 signature over the
 * 53-byte message, and target the commit target or a descendant reachable through the vote
 * ancestries; the votes' weight must reach {@code total - (total - 1) / 3}; every ancestry header
 * must be used.
 */
public final class GrandpaJustificationVerifier {

  /** How to treat precommits once the threshold is reached. */
  public enum Mode {
    /** As the bridge pallet: a vote past the threshold is an error (relayers send minimal ones). */
    STRICT,
    /** As a node: extra votes are verified like the others and count too. */
    ACCEPT_EXTRA_VOTES
  }

  private final Mode mode;

  public GrandpaJustificationVerifier(final Mode mode) {
    this.mode = mode;
  }

  public VerificationResult verify(
      final GrandpaJustification justification,
      final H256 headerHash,
      final long headerNumber,
      final GrandpaAuthoritySet authoritySet) {
    final List<Failure> failures = new ArrayList<>();
    if (!justification.targetHash().equals(headerHash)
        || justification.targetNumber() != headerNumber) {
      failures.add(
          Failure.of(
              FailureReason.GRANDPA_TARGET_MISMATCH,
              "justification finalizes block "
                  + justification.targetNumber()
                  + " ("
                  + justification.targetHash()
                  + "), not "
                  + headerNumber
                  + " ("
                  + headerHash
                  + ")"));
      return VerificationResult.of(failures);
    }

    final Map<H256, SubstrateHeader> ancestry = new HashMap<>();
    for (final SubstrateHeader header : justification.votesAncestries()) {
      final H256 hash = header.hash();
      if (ancestry.putIfAbsent(hash, header) != null) {
        failures.add(
            Failure.of(
                FailureReason.GRANDPA_DUPLICATE_VOTES_ANCESTRY,
                "votes ancestry lists header " + header.number() + " (" + hash + ") twice"));
      }
    }

    final Map<String, GrandpaAuthority> authorities = new HashMap<>();
    authoritySet.authorities().forEach(a -> authorities.putIfAbsent(a.publicKeyHex(), a));
    final long threshold = authoritySet.threshold();
    final Set<String> voted = new HashSet<>();
    final Set<H256> visited = new HashSet<>();
    long weight = 0;
    final List<SignedPrecommit> precommits = justification.precommits();
    for (int i = 0; i < precommits.size(); i++) {
      final SignedPrecommit signed = precommits.get(i);
      final String authorityId = Hex.encode(signed.authorityId());
      final String who = "precommit " + i + " by " + authorityId;
      if (mode == Mode.STRICT && weight >= threshold) {
        failures.add(
            Failure.of(
                FailureReason.GRANDPA_REDUNDANT_AUTHORITY_VOTE,
                who + " is not needed: the threshold of " + threshold + " was already reached"));
        continue;
      }
      final GrandpaAuthority authority = authorities.get(authorityId);
      if (authority == null) {
        failures.add(
            Failure.of(
                FailureReason.GRANDPA_UNKNOWN_AUTHORITY,
                who + " is not in authority set " + Long.toUnsignedString(authoritySet.setId())));
        continue;
      }
      if (!voted.add(authorityId)) {
        failures.add(
            Failure.of(
                FailureReason.GRANDPA_DUPLICATE_AUTHORITY_VOTE, who + " votes a second time"));
        continue;
      }
      final Optional<List<H256>> route = routeToTarget(signed.precommit(), justification, ancestry);
      if (route.isEmpty()) {
        failures.add(
            Failure.of(
                FailureReason.GRANDPA_UNRELATED_ANCESTRY_VOTE,
                who
                    + " votes for block "
                    + signed.precommit().targetNumber()
                    + " ("
                    + signed.precommit().targetHash()
                    + ") which the ancestries do not connect to the commit target"));
        continue;
      }
      final byte[] message =
          signed.precommit().signedMessage(justification.round(), authoritySet.setId());
      if (!Ed25519.verify(signed.authorityId(), message, signed.signature())) {
        failures.add(
            Failure.of(
                FailureReason.GRANDPA_INVALID_SIGNATURE,
                who
                    + " has an invalid signature for round "
                    + Long.toUnsignedString(justification.round())
                    + ", set "
                    + Long.toUnsignedString(authoritySet.setId())));
        continue;
      }
      visited.addAll(route.get());
      weight += authority.weight();
    }

    if (weight < threshold) {
      failures.add(
          Failure.of(
              FailureReason.GRANDPA_TOO_LOW_CUMULATIVE_WEIGHT,
              "valid precommits weigh "
                  + weight
                  + " of "
                  + authoritySet.totalWeight()
                  + ", "
                  + threshold
                  + " needed"));
    }
    for (final Map.Entry<H256, SubstrateHeader> entry : ancestry.entrySet()) {
      if (!visited.contains(entry.getKey())) {
        failures.add(
            Failure.of(
                FailureReason.GRANDPA_REDUNDANT_VOTES_ANCESTRIES,
                "votes ancestry header "
                    + entry.getValue().number()
                    + " ("
                    + entry.getKey()
                    + ") is not on the route of any counted precommit"));
      }
    }
    return VerificationResult.of(failures);
  }

  /**
   * The ancestry headers walked from the precommit's target down to the commit target; empty when
   * the target is not the commit target or a descendant of it through the ancestries.
   */
  private static Optional<List<H256>> routeToTarget(
      final Precommit precommit,
      final GrandpaJustification justification,
      final Map<H256, SubstrateHeader> ancestry) {
    final List<H256> route = new ArrayList<>();
    H256 current = precommit.targetHash();
    long number = precommit.targetNumber();
    while (true) {
      if (current.equals(justification.targetHash())) {
        return number == justification.targetNumber() ? Optional.of(route) : Optional.empty();
      }
      if (number <= justification.targetNumber()) {
        return Optional.empty();
      }
      final SubstrateHeader header = ancestry.get(current);
      if (header == null || header.number() != number) {
        return Optional.empty();
      }
      route.add(current);
      current = header.parentHash();
      number = number - 1;
    }
  }
}
