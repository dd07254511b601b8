package io.xrelay.proofs;

/**
 * Input that cannot be read as the proof it should be, outside SCALE (which raises {@link
 * io.xrelay.scale.ScaleDecodeException}): ABI calldata of the wrong shape, for example. Proofs that
 * read fine but do not verify are not exceptions: they give an invalid {@link VerificationResult}.
 */
public final class MalformedProofException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedProofException(final String message) {
    super(message);
  }

  public MalformedProofException(final String message, final Throwable cause) {
    super(message, cause);
  }
}
