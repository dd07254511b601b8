package io.xrelay.config;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * An account that signs on {@code chain}. The key (a secret URI for Substrate schemes, a 32-byte
 * hex private key for Ethereum) stays in {@code key} until a submitter reads it. {@code
 * maxFeePerGas} (wei) caps what an Ethereum signer bids.
 */
public record SignerConfig(
    String name,
    String chain,
    SignerScheme scheme,
    SecretSource key,
    Optional<BigInteger> maxFeePerGas) {
  public SignerConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
  }
}
