package io.xrelay.substrate.keys;

import java.util.Locale;

/** Signature schemes the relayer signs extrinsics with (sr25519 has no maintained Java library). */
public enum KeyScheme {
  ED25519(0, "Ed25519HDKD"),
  ECDSA(2, "Secp256k1HDKD");

  private final int multiSignatureIndex;
  private final String derivationDomain;

  KeyScheme(final int multiSignatureIndex, final String derivationDomain) {
    this.multiSignatureIndex = multiSignatureIndex;
    this.derivationDomain = derivationDomain;
  }

  /** The variant index of {@code MultiSignature} for this scheme. */
  public int multiSignatureIndex() {
    return multiSignatureIndex;
  }

  String derivationDomain() {
    return derivationDomain;
  }

  public static KeyScheme parse(final String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown key scheme '" + name + "' (ed25519 or ecdsa)");
    }
  }

  public String lowerName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
