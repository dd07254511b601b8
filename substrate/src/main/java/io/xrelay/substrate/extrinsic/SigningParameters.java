package io.xrelay.substrate.extrinsic;

import java.math.BigInteger;

/**
 * What the signed extensions commit to besides the call: the chain (genesis hash), the runtime
 * (spec and transaction versions), the account's nonce, the tip, and the era with its birth block's
 * hash (the genesis hash for an immortal era). Hashes are 0x-hex.
 */
public record SigningParameters(
    String genesisHash,
    long specVersion,
    long transactionVersion,
    long nonce,
    BigInteger tip,
    Era era,
    String eraBirthHash) {

  public static SigningParameters immortal(
      final String genesisHash,
      final long specVersion,
      final long transactionVersion,
      final long nonce) {
    return new SigningParameters(
        genesisHash,
        specVersion,
        transactionVersion,
        nonce,
        BigInteger.ZERO,
        Era.IMMORTAL,
        genesisHash);
  }
}
