package io.xrelay.devnet.beefy;

import io.xrelay.crypto.secp256k1.EcdsaSignature;
import io.xrelay.proofs.beefy.BeefyCommitment;
import io.xrelay.proofs.beefy.SignedCommitment;
import io.xrelay.scale.Hex;
import io.xrelay.substrate.keys.KeyPair;
import io.xrelay.substrate.keys.KeyScheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The BEEFY keys of the devnet's validators (ECDSA keys derived from Substrate's dev phrase), which
 * sign commitments as real validators do: {@code keccak256(SCALE(commitment))}, prehashed.
 */
public final class DevValidators {
  /** The Kusama local testnet's BEEFY authorities, in genesis order. */
  public static final List<String> DEV_URIS = List.of("//Alice", "//Bob");

  private final List<KeyPair> keys;

  private DevValidators(final List<KeyPair> keys) {
    this.keys = List.copyOf(keys);
  }

  public static DevValidators of(final List<String> secretUris) {
    return new DevValidators(
        secretUris.stream().map(uri -> KeyPair.fromUri(uri, KeyScheme.ECDSA)).toList());
  }

  public static DevValidators aliceAndBob() {
    return of(DEV_URIS);
  }

  /** The 33-byte compressed public keys, in the order the keys were given. */
  public List<byte[]> publicKeys() {
    return keys.stream().map(KeyPair::publicKey).toList();
  }

  /**
   * Signs {@code commitment} in every slot of {@code authorities} (the block's {@code
   * Beefy.Authorities}), or refuses when the authorities are not exactly these keys: a validator
   * never signs for a set it does not belong to, and a set with members we hold no key for could
   * not reach a quorum that the relayer would accept anyway.
   */
  public SigningOutcome sign(final BeefyCommitment commitment, final List<byte[]> authorities) {
    if (authorities.isEmpty()) {
      return new SigningOutcome.Refused("Beefy.Authorities is empty");
    }
    final List<KeyPair> signers = new ArrayList<>(authorities.size());
    for (int slot = 0; slot < authorities.size(); slot++) {
      final Optional<KeyPair> key = keyOf(authorities.get(slot));
      if (key.isEmpty()) {
        return new SigningOutcome.Refused(
            "authority "
                + slot
                + " ("
                + Hex.encode(authorities.get(slot))
                + ") is not one of the dev validator keys "
                + describeKeys());
      }
      signers.add(key.get());
    }
    for (final KeyPair key : keys) {
      if (authorities.stream().noneMatch(authority -> Arrays.equals(authority, key.publicKey()))) {
        return new SigningOutcome.Refused(
            "dev validator key "
                + Hex.encode(key.publicKey())
                + " is not among the "
                + authorities.size()
                + " authorities of set "
                + Long.toUnsignedString(commitment.validatorSetId()));
      }
    }
    final byte[] hash = commitment.hash().bytes();
    final List<Optional<EcdsaSignature>> signatures = new ArrayList<>(signers.size());
    for (final KeyPair signer : signers) {
      signatures.add(Optional.of(signer.signPrehashed(hash)));
    }
    return new SigningOutcome.Signed(new SignedCommitment(commitment, signatures));
  }

  private Optional<KeyPair> keyOf(final byte[] authority) {
    return keys.stream().filter(key -> Arrays.equals(key.publicKey(), authority)).findFirst();
  }

  private String describeKeys() {
    return keys.stream().map(key -> Hex.encode(key.publicKey())).toList().toString();
  }

  /** Whether the validators signed, and if not, why. */
  public sealed interface SigningOutcome {
    record Signed(SignedCommitment signedCommitment) implements SigningOutcome {}

    record Refused(String reason) implements SigningOutcome {}
  }
}
