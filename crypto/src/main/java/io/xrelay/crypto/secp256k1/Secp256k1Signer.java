package io.xrelay.crypto.secp256k1;

import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Signs 32-byte message hashes with a secp256k1 private key: deterministic nonces (RFC 6979), low
 * s, and the recovery id that makes the signature recover to this key, as BEEFY validators and
 * Ethereum accounts sign.
 */
public final class Secp256k1Signer {
  private final BigInteger privateKey;
  private final Secp256k1PublicKey publicKey;

  private Secp256k1Signer(final BigInteger privateKey) {
    this.privateKey = privateKey;
    this.publicKey =
        Secp256k1PublicKey.fromPoint(
            new FixedPointCombMultiplier().multiply(Secp256k1Curve.G, privateKey).normalize());
  }

  /**
   * @throws IllegalArgumentException when the key is not 32 bytes or not in {@code [1, n-1]}
   */
  public static Secp256k1Signer fromPrivateKey(final byte[] privateKey) {
    if (privateKey.length != 32) {
      throw new IllegalArgumentException("a private key is 32 bytes, got " + privateKey.length);
    }
    final BigInteger d = new BigInteger(1, privateKey);
    if (d.signum() == 0 || d.compareTo(Secp256k1Curve.N) >= 0) {
      throw new IllegalArgumentException("private key is not in [1, n-1]");
    }
    return new Secp256k1Signer(d);
  }

  public Secp256k1PublicKey publicKey() {
    return publicKey;
  }

  /** Signs {@code messageHash} (32 bytes, used as is) and returns {@code r ‖ s ‖ recid}. */
  public EcdsaSignature sign(final byte[] messageHash) {
    if (messageHash.length != 32) {
      throw new IllegalArgumentException(
          "message hash must be 32 bytes, got " + messageHash.length);
    }
    final ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(privateKey, Secp256k1Curve.DOMAIN));
    final BigInteger[] rs = signer.generateSignature(messageHash);
    final BigInteger r = rs[0];
    BigInteger s = rs[1];
    if (s.compareTo(Secp256k1Curve.N.shiftRight(1)) > 0) {
      s = Secp256k1Curve.N.subtract(s);
    }
    final BouncyCastleKeyRecovery recovery = new BouncyCastleKeyRecovery();
    for (int recoveryId = 0; recoveryId < 4; recoveryId++) {
      final EcdsaSignature candidate =
          EcdsaSignature.fromEthereum(
              recoveryId, EcdsaSignature.toBytes32(r), EcdsaSignature.toBytes32(s));
      if (recovery.recover(messageHash, candidate).filter(publicKey::equals).isPresent()) {
        return candidate;
      }
    }
    throw new IllegalStateException("no recovery id reproduces the signing key");
  }
}
