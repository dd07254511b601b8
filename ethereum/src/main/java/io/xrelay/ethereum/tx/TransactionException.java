package io.xrelay.ethereum.tx;

import io.xrelay.ethereum.revert.RevertReason;
import java.util.Optional;

/** A transaction that could not be sent or tracked, as data. */
public final class TransactionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** The base fee is above what the policy allows; it may fall. */
    FEE_CAP_TOO_LOW,
    /** Gas estimation reverted: the transaction would fail as it stands. */
    WOULD_REVERT,
    /** The node refused the signed transaction. */
    REJECTED,
    /** The node could not be reached or answered badly; the transaction may or may not be out. */
    RPC,
    /** Not included within the time allowed, replacements included. */
    NOT_INCLUDED,
    /**
     * A lower nonce of the account is neither mined nor sent by this sender (the node lost it), so
     * this transaction cannot be mined: send the work again, on the lowest free nonce.
     */
    NONCE_GAP
  }

  private final Kind kind;
  private final boolean retryable;
  private final transient RevertReason revertReason;

  public TransactionException(final Kind kind, final String message) {
    this(kind, message, kind != Kind.WOULD_REVERT && kind != Kind.REJECTED, null, null);
  }

  public TransactionException(
      final Kind kind,
      final String message,
      final boolean retryable,
      final RevertReason revertReason,
      final Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retryable = retryable;
    this.revertReason = revertReason;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether sending again later may succeed. */
  public boolean retryable() {
    return retryable;
  }

  /** The decoded reason, for {@link Kind#WOULD_REVERT}. */
  public Optional<RevertReason> revertReason() {
    return Optional.ofNullable(revertReason);
  }
}
