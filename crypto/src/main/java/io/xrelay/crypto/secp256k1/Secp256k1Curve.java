package io.xrelay.crypto.secp256k1;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/** BouncyCastle's custom secp256k1 curve (with its GLV endomorphism), shared by this package. */
final class Secp256k1Curve {
  static final X9ECParameters PARAMETERS = CustomNamedCurves.getByName("secp256k1");
  static final ECCurve CURVE = PARAMETERS.getCurve();
  static final ECPoint G = PARAMETERS.getG();
  static final BigInteger N = PARAMETERS.getN();
  static final BigInteger P = CURVE.getField().getCharacteristic();
  static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE, G, N, PARAMETERS.getH());

  private Secp256k1Curve() {}
}
