package io.xrelay.substrate.keys;

import io.xrelay.crypto.Blake2b;
import io.xrelay.crypto.secp256k1.EcdsaSignature;
import io.xrelay.crypto.secp256k1.Secp256k1Signer;
import io.xrelay.scale.ScaleWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A signing key for Substrate accounts, ed25519 or ECDSA (secp256k1), derived from a {@link
 * SecretUri} with Substrate's hard derivation. The secret never leaves this object and is never
 * printed.
 */
public final class KeyPair {
  private final KeyScheme scheme;
  private final byte[] secret;
  private final byte[] publicKey;

  private KeyPair(final KeyScheme scheme, final byte[] secret) {
    this.scheme = scheme;
    this.secret = secret;
    this.publicKey =
        switch (scheme) {
          case ED25519 ->
              new Ed25519PrivateKeyParameters(secret, 0).generatePublicKey().getEncoded();
          case ECDSA -> Secp256k1Signer.fromPrivateKey(secret).publicKey().compressed();
        };
  }

  /**
   * @throws IllegalArgumentException for a malformed URI or phrase, or a soft junction (which
   *     neither scheme supports)
   */
  public static KeyPair fromUri(final String uri, final KeyScheme scheme) {
    final SecretUri parsed = SecretUri.parse(uri);
    byte[] secret = parsed.miniSecret();
    for (final SecretUri.Junction junction : parsed.junctions()) {
      if (!junction.hard()) {
        throw new IllegalArgumentException(
            scheme.lowerName() + " keys support only hard junctions (//name), not soft (/name)");
      }
      secret = deriveHard(scheme, secret, chainCode(junction.name()));
    }
    return new KeyPair(scheme, secret);
  }

  public KeyScheme scheme() {
    return scheme;
  }

  /** 32 bytes for ed25519, 33 (compressed) for ECDSA. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The account id: the public key for ed25519, blake2_256 of the compressed key for ECDSA. */
  public byte[] accountId() {
    return scheme == KeyScheme.ED25519 ? publicKey.clone() : Blake2b.hash256(publicKey);
  }

  /**
   * Signs {@code message} as the runtime verifies it: ed25519 over the bytes, ECDSA over their
   * blake2_256.
   */
  public byte[] sign(final byte[] message) {
    return switch (scheme) {
      case ED25519 -> {
        final Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(secret, 0));
        signer.update(message, 0, message.length);
        yield signer.generateSignature();
      }
      case ECDSA -> {
        final EcdsaSignature signature =
            Secp256k1Signer.fromPrivateKey(secret).sign(Blake2b.hash256(message));
        yield signature.toBytes();
      }
    };
  }

  /**
   * Signs a 32-byte hash as it is, without hashing it again: how BEEFY validators sign the
   * keccak-256 of a commitment. ECDSA keys only.
   *
   * @return {@code r ‖ s ‖ recovery id}, 65 bytes
   */
  public EcdsaSignature signPrehashed(final byte[] hash) {
    if (scheme != KeyScheme.ECDSA) {
      throw new IllegalStateException("only ECDSA keys sign prehashed messages");
    }
    return Secp256k1Signer.fromPrivateKey(secret).sign(hash);
  }

  /** {@code MultiSignature} encoding: the scheme's variant index then the signature. */
  public byte[] signMultiSignature(final byte[] message) {
    final byte[] signature = sign(message);
    final byte[] out = new byte[1 + signature.length];
    out[0] = (byte) scheme.multiSignatureIndex();
    System.arraycopy(signature, 0, out, 1, signature.length);
    return out;
  }

  private static byte[] deriveHard(
      final KeyScheme scheme, final byte[] secret, final byte[] chainCode) {
    final ScaleWriter input = new ScaleWriter(96);
    input.writeString(scheme.derivationDomain());
    input.writeBytes(secret);
    input.writeBytes(chainCode);
    return Blake2b.hash256(input.toByteArray());
  }

  /** A junction's 32-byte chain code: a number as u64, else the SCALE string, hashed if longer. */
  private static byte[] chainCode(final String name) {
    byte[] encoded;
    try {
      encoded = new ScaleWriter().writeU64(Long.parseUnsignedLong(name)).toByteArray();
    } catch (NumberFormatException notANumber) {
      encoded = new ScaleWriter().writeByteVec(name.getBytes(StandardCharsets.UTF_8)).toByteArray();
    }
    return encoded.length > 32 ? Blake2b.hash256(encoded) : Arrays.copyOf(encoded, 32);
  }

  @Override
  public String toString() {
    return "KeyPair["
        + scheme.lowerName()
        + ", public "
        + io.xrelay.scale.Hex.encode(publicKey)
        + "]";
  }
}
