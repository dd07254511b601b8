package io.xrelay.crypto.secp256k1;

import java.util.Locale;
import java.util.Optional;

/**
 * The process-wide secp256k1 key recovery. As in Besu, the native libsecp256k1 is used when it
 * loads, and BouncyCastle otherwise; {@link #activeBackend()} says which one is in use so that the
 * service can log it at start-up and export it as a metric.
 *
 * <p>Set the system property {@value #BACKEND_PROPERTY} to {@code bouncycastle} to skip the native
 * library (for platforms where loading it misbehaves).
 */
public final class Secp256k1 {
  public static final String BACKEND_PROPERTY = "xrelay.secp256k1.backend";

  private static final Selection SELECTION = select();

  private Secp256k1() {}

  private record Selection(Secp256k1KeyRecovery recovery, Optional<String> nativeFailure) {}

  private static Selection select() {
    final String forced = System.getProperty(BACKEND_PROPERTY, "").toLowerCase(Locale.ROOT);
    if (forced.equals(Secp256k1Backend.BOUNCY_CASTLE.label())) {
      return new Selection(
          new BouncyCastleKeyRecovery(),
          Optional.of("disabled by -D" + BACKEND_PROPERTY + "=" + forced));
    }
    try {
      return new Selection(NativeKeyRecovery.load(), Optional.empty());
    } catch (IllegalStateException e) {
      return new Selection(new BouncyCastleKeyRecovery(), Optional.of(e.getMessage()));
    }
  }

  /** The recovery in use: native when it loaded, BouncyCastle otherwise. */
  public static Secp256k1KeyRecovery keyRecovery() {
    return SELECTION.recovery();
  }

  public static Secp256k1Backend activeBackend() {
    return SELECTION.recovery().backend();
  }

  /** Why the native library is not in use; empty when it is. */
  public static Optional<String> nativeUnavailableReason() {
    return SELECTION.nativeFailure();
  }

  /** Shorthand for {@code keyRecovery().recover(messageHash, signature)}. */
  public static Optional<Secp256k1PublicKey> recover(
      final byte[] messageHash, final EcdsaSignature signature) {
    return SELECTION.recovery().recover(messageHash, signature);
  }
}
