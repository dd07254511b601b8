package io.xrelay.crypto.secp256k1;

import java.util.Optional;

/**
 * Recovers the public key that produced an ECDSA signature over a 32-byte message hash, as
 * Ethereum's {@code ecrecover} and BEEFY do. The hash is used as given: no message prefix is added.
 * Implementations are thread safe.
 */
public interface Secp256k1KeyRecovery {

  Secp256k1Backend backend();

  /**
   * The signer's key, or empty when the signature recovers to no key (r or s out of range, an
   * invalid recovery id, or an x coordinate that is not on the curve). High-s signatures are
   * accepted: normalising s is the caller's decision, see {@link EcdsaSignature#normalizedLowS()}.
   *
   * @throws IllegalArgumentException when {@code messageHash} is not 32 bytes
   */
  Optional<Secp256k1PublicKey> recover(byte[] messageHash, EcdsaSignature signature);
}
