package io.xrelay.crypto.ed25519;

/**
 * Ed25519 signature verification (RFC 8032, BouncyCastle), as GRANDPA precommits need.
 *
 * <p>Substrate verifies with ed25519-zebra (ZIP-215 rules). The two agree on every honestly made
 * signature; they may differ on crafted edge cases (non-canonical point encodings, small-order
 * keys), where this strict verifier rejects what zebra might accept. A relayer that checks before
 * submitting is therefore never more permissive than the chain.
 */
public final class Ed25519 {
  public static final int PUBLIC_KEY_LENGTH = 32;
  public static final int SIGNATURE_LENGTH = 64;

  private Ed25519() {}

  /** Whether {@code signature} is a valid signature of {@code message} by {@code publicKey}. */
  public static boolean verify(
      final byte[] publicKey, final byte[] message, final byte[] signature) {
    if (publicKey.length != PUBLIC_KEY_LENGTH || signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
        signature, 0, publicKey, 0, message, 0, message.length);
  }
}
