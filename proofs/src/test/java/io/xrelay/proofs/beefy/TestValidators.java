package io.xrelay.proofs.beefy;

import io.xrelay.crypto.secp256k1.EcdsaSignature;
import io.xrelay.crypto.secp256k1.EthereumAddress;
import io.xrelay.crypto.secp256k1.Secp256k1Signer;
import io.xrelay.proofs.H256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Deterministic secp256k1 validator keys for tests (private key i + 1000 for validator i). */
public final class TestValidators {
  private final List<Secp256k1Signer> signers;

  private TestValidators(final List<Secp256k1Signer> signers) {
    this.signers = signers;
  }

  public static TestValidators of(final int count) {
    final List<Secp256k1Signer> signers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      final byte[] key = new byte[32];
      final byte[] value = BigInteger.valueOf(1000L + i).toByteArray();
      System.arraycopy(value, 0, key, 32 - value.length, value.length);
      signers.add(Secp256k1Signer.fromPrivateKey(key));
    }
    return new TestValidators(signers);
  }

  public Secp256k1Signer signer(final int index) {
    return signers.get(index);
  }

  public List<EthereumAddress> addresses() {
    return signers.stream().map(s -> s.publicKey().ethereumAddress()).toList();
  }

  public BeefyValidatorSet validatorSet(final long id) {
    return BeefyValidatorSet.ofAddresses(id, addresses());
  }

  /** A signed commitment carrying signatures of the first {@code signerCount} validators. */
  public SignedCommitment sign(final BeefyCommitment commitment, final int signerCount) {
    final byte[] hash = commitment.hash().bytes();
    final List<Optional<EcdsaSignature>> signatures = new ArrayList<>(signers.size());
    for (int i = 0; i < signers.size(); i++) {
      signatures.add(i < signerCount ? Optional.of(signers.get(i).sign(hash)) : Optional.empty());
    }
    return new SignedCommitment(commitment, signatures);
  }

  public static BeefyCommitment commitment(final long blockNumber, final long setId) {
    return BeefyCommitment.ofMmrRoot(
        H256.fromHex("0x7ff92f83d187f9b3a8c9f40c781d02573632c707c010cc349ae99991018cecad"),
        blockNumber,
        setId);
  }
}
