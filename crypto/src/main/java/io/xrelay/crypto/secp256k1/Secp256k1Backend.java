package io.xrelay.crypto.secp256k1;

/** Which implementation recovers secp256k1 public keys. */
public enum Secp256k1Backend {
  /** Bitcoin Core's libsecp256k1 (C) through the JNI binding of secp256k1-kmp. */
  NATIVE_LIBSECP256K1("libsecp256k1"),
  /** BouncyCastle's pure-Java elliptic-curve code: slower, but loads everywhere. */
  BOUNCY_CASTLE("bouncycastle");

  private final String label;

  Secp256k1Backend(final String label) {
    this.label = label;
  }

  /** Short lower-case name for logs and metric labels. */
  public String label() {
    return label;
  }
}
