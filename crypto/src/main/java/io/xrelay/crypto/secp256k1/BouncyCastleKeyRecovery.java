package io.xrelay.crypto.secp256k1;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Pure-Java public-key recovery (SEC 1 v2, section 4.1.6): {@code Q = r⁻¹(sR − eG)}, where R is the
 * curve point whose x coordinate is {@code r + (recid / 2)·n} and whose y parity is {@code recid &
 * 1}.
 */
public final class BouncyCastleKeyRecovery implements Secp256k1KeyRecovery {

  @Override
  public Secp256k1Backend backend() {
    return Secp256k1Backend.BOUNCY_CASTLE;
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
    final BigInteger n = Secp256k1Curve.N;
    final BigInteger r = signature.rValue();
    final BigInteger s = signature.sValue();
    if (r.signum() == 0 || r.compareTo(n) >= 0 || s.signum() == 0 || s.compareTo(n) >= 0) {
      return Optional.empty();
    }
    final BigInteger x = recoveryId >= 2 ? r.add(n) : r;
    if (x.compareTo(Secp256k1Curve.P) >= 0) {
      return Optional.empty();
    }
    final ECPoint bigR;
    try {
      final byte[] compressed = new byte[33];
      compressed[0] = (byte) ((recoveryId & 1) == 0 ? 0x02 : 0x03);
      System.arraycopy(EcdsaSignature.toBytes32(x), 0, compressed, 1, 32);
      bigR = Secp256k1Curve.CURVE.decodePoint(compressed);
    } catch (IllegalArgumentException notOnCurve) {
      return Optional.empty();
    }
    final BigInteger e = new BigInteger(1, messageHash);
    final BigInteger rInverse = r.modInverse(n);
    final BigInteger u1 = e.negate().multiply(rInverse).mod(n);
    final BigInteger u2 = s.multiply(rInverse).mod(n);
    final ECPoint q = ECAlgorithms.sumOfTwoMultiplies(Secp256k1Curve.G, u1, bigR, u2).normalize();
    if (q.isInfinity()) {
      return Optional.empty();
    }
    return Optional.of(Secp256k1PublicKey.fromPoint(q));
  }
}
