package io.xrelay.proofs.grandpa;

import io.xrelay.proofs.FailureReason;
import io.xrelay.proofs.VerificationResult;
import java.util.List;
import java.util.Optional;

/**
 * Reads GRANDPA authority-set changes from a finalized header, with the bridge pallet's rules: a
 * header carrying a {@code ScheduledChange} with delay 0 hands over to the new set (id + 1) once it
 * is finalized by the old set; forced changes and delayed changes are not supported.
 *
 * @param nextSet the set that finalizes the following blocks, when the header changes it
 */
public record AuthoritySetChange(Optional<GrandpaAuthoritySet> nextSet, VerificationResult result) {
  /** The bridge pallet's cap ({@code MAX_AUTHORITIES_COUNT}). */
  public static final int MAX_AUTHORITIES = 1256;

  /** Whether the header must be relayed: it changes the authority set. */
  public boolean isMandatory() {
    return nextSet.isPresent();
  }

  /**
   * The change {@code header} enacts on {@code current}; no change when it carries none.
   *
   * @throws io.xrelay.scale.ScaleDecodeException when a FRNK digest item does not decode
   */
  public static AuthoritySetChange of(
      final SubstrateHeader header, final GrandpaAuthoritySet current) {
    final List<GrandpaConsensusLog> logs = GrandpaConsensusLog.in(header);
    for (final GrandpaConsensusLog log : logs) {
      if (log instanceof GrandpaConsensusLog.ForcedChange) {
        return unsupported("header " + header.number() + " forces an authority change");
      }
    }
    final Optional<GrandpaConsensusLog.ScheduledChange> change =
        GrandpaConsensusLog.scheduledChangeIn(header);
    if (change.isEmpty()) {
      return new AuthoritySetChange(Optional.empty(), VerificationResult.valid());
    }
    if (change.get().delay() != 0) {
      return unsupported(
          "header "
              + header.number()
              + " schedules a change with delay "
              + change.get().delay()
              + ", only 0 is supported");
    }
    if (change.get().nextAuthorities().size() > MAX_AUTHORITIES) {
      return unsupported(
          "header "
              + header.number()
              + " schedules "
              + change.get().nextAuthorities().size()
              + " authorities, more than "
              + MAX_AUTHORITIES);
    }
    return new AuthoritySetChange(
        Optional.of(new GrandpaAuthoritySet(current.setId() + 1, change.get().nextAuthorities())),
        VerificationResult.valid());
  }

  private static AuthoritySetChange unsupported(final String detail) {
    return new AuthoritySetChange(
        Optional.empty(),
        VerificationResult.invalid(FailureReason.GRANDPA_UNSUPPORTED_AUTHORITY_CHANGE, detail));
  }
}
