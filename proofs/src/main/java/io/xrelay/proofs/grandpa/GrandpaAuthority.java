package io.xrelay.proofs.grandpa;

import io.xrelay.scale.Hex;
import java.util.Arrays;

/** A GRANDPA voter: its ed25519 public key and its vote weight (1 on Polkadot and Kusama). */
public record GrandpaAuthority(byte[] publicKey, long weight) {

  public GrandpaAuthority {
    if (publicKey.length != 32) {
      throw new IllegalArgumentException("an ed25519 key is 32 bytes, got " + publicKey.length);
    }
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  public String publicKeyHex() {
    return Hex.encode(publicKey);
  }

  @Override
  public boolean equals(final Object other) {
    return other instanceof GrandpaAuthority that
        && weight == that.weight
        && Arrays.equals(publicKey, that.publicKey);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(publicKey) * 31 + Long.hashCode(weight);
  }

  @Override
  public String toString() {
    return publicKeyHex() + (weight == 1 ? "" : " (weight " + weight + ")");
  }
}
