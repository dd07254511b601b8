package io.xrelay.proofs.calldata;

import io.xrelay.crypto.secp256k1.EcdsaSignature;
import io.xrelay.crypto.secp256k1.EthereumAddress;
import io.xrelay.proofs.H256;
import java.math.BigInteger;
import java.util.List;

/**
 * BeefyClient's {@code ValidatorProof}: one validator's signature in Ethereum form, its index in
 * the validator set, its address, and the merkle proof of that address in the validator-set root.
 */
public record ValidatorProof(
    int v, H256 r, H256 s, BigInteger index, EthereumAddress account, List<H256> proof) {

  public ValidatorProof {
    proof = List.copyOf(proof);
  }

  /**
   * The proof a relayer submits for a BEEFY signature: s normalised to the lower half (flipping the
   * recovery id) and v = 27 or 28, because OpenZeppelin's {@code ECDSA.recover} rejects anything
   * else. The normalised signature recovers to the same key.
   */
  public static ValidatorProof forSubmission(
      final EcdsaSignature beefySignature,
      final long index,
      final EthereumAddress account,
      final List<H256> merkleProof) {
    final EcdsaSignature lowS = beefySignature.normalizedLowS();
    return new ValidatorProof(
        lowS.ethereumV(),
        H256.wrap(lowS.r()),
        H256.wrap(lowS.s()),
        BigInteger.valueOf(index),
        account,
        merkleProof);
  }

  public EcdsaSignature signature() {
    return EcdsaSignature.fromEthereum(v, r.bytes(), s.bytes());
  }
}
