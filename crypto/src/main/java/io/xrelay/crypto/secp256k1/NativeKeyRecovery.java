package io.xrelay.crypto.secp256k1;

import fr.acinq.secp256k1.Secp256k1Exception;
import java.util.Optional;

/** Recovery through libsecp256k1 (C), loaded by the secp256k1-kmp JNI binding. */
public final class NativeKeyRecovery implements Secp256k1KeyRecovery {
  private final fr.acinq.secp256k1.Secp256k1 library;

  private NativeKeyRecovery(final fr.acinq.secp256k1.Secp256k1 library) {
    this.library = library;
  }

  /**
   * Loads the native library (extracting it from the jar to a temporary directory).
   *
   * @throws IllegalStateException naming the cause when the library cannot load on this platform
   */
  public static NativeKeyRecovery load() {
    try {
      return new NativeKeyRecovery(fr.acinq.secp256k1.Secp256k1.get());
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException(
          "libsecp256k1 JNI binding did not load: "
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public Secp256k1Backend backend() {
    return Secp256k1Backend.NATIVE_LIBSECP256K1;
  }

  @Override
  public Optional<Secp256k1PublicKey> recover(
      final byte[] messageHash, final EcdsaSignature signature) {
    if (messageHash.length != 32) {
      throw new IllegalArgumentException(
          "message hash must be 32 bytes, got " + messageHash.length);
    }
    final int recoveryId = signature.recoveryId();
    if (recoveryId < 0) {
      return Optional.empty();
    }
    try {
      final byte[] uncompressed =
          library.ecdsaRecover(signature.compact(), messageHash, recoveryId);
      return Optional.of(Secp256k1PublicKey.fromUncompressed(uncompressed));
    } catch (Secp256k1Exception | IllegalArgumentException noKey) {
      // libsecp256k1 reports r or s out of range, or no point for r, as a failed recovery.
      return Optional.empty();
    }
  }
}
