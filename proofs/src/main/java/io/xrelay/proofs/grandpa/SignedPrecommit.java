package io.xrelay.proofs.grandpa;

import java.util.Arrays;

/** A precommit with the voter's ed25519 signature (64 bytes) and public key (32 bytes). */
public record SignedPrecommit(Precommit precommit, byte[] signature, byte[] authorityId) {

  public SignedPrecommit {
    if (signature.length != 64 || authorityId.length != 32) {
      throw new IllegalArgumentException("signature is 64 bytes and authority id 32");
    }
    signature = signature.clone();
    authorityId = authorityId.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public byte[] authorityId() {
    return authorityId.clone();
  }

  @Override
  public boolean equals(final Object other) {
    return other instanceof SignedPrecommit that
        && precommit.equals(that.precommit)
        && Arrays.equals(signature, that.signature)
        && Arrays.equals(authorityId, that.authorityId);
  }

  @Override
  public int hashCode() {
    return precommit.hashCode() * 31 + Arrays.hashCode(authorityId);
  }
}
