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

  public EcdsaSignature signature() {
    return EcdsaSignature.fromEthereum(v, r.bytes(), s.bytes());
  }
}
