package io.xrelay.proofs.calldata;

import io.xrelay.crypto.Keccak256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The BeefyClient functions whose calldata this package reads. */
public enum BeefyClientFunction {
  SUBMIT_INITIAL("submitInitial", BeefyClientAbi.SUBMIT_INITIAL),
  SUBMIT_FINAL("submitFinal", BeefyClientAbi.SUBMIT_FINAL),
  SUBMIT_FIAT_SHAMIR("submitFiatShamir", BeefyClientAbi.SUBMIT_FIAT_SHAMIR);

  private final String solidityName;
  private final String signature;
  private final byte[] selector;

  BeefyClientFunction(final String solidityName, final String signature) {
    this.solidityName = solidityName;
    this.signature = signature;
    this.selector = Arrays.copyOf(Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII)), 4);
  }

  /** The Solidity name, e.g. {@code submitFinal}. */
  public String solidityName() {
    return solidityName;
  }

  /** The canonical signature the selector is hashed from. */
  public String signature() {
    return signature;
  }

  /** The 4-byte function selector. */
  public byte[] selector() {
    return selector.clone();
  }

  public static Optional<BeefyClientFunction> bySelector(final byte[] calldata) {
    if (calldata.length < 4) {
      return Optional.empty();
    }
    for (final BeefyClientFunction function : values()) {
      if (Arrays.equals(function.selector, 0, 4, calldata, 0, 4)) {
        return Optional.of(function);
      }
    }
    return Optional.empty();
  }
}
