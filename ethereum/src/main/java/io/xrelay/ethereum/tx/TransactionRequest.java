package io.xrelay.ethereum.tx;

import java.math.BigInteger;
import java.util.Optional;

/**
 * What to send.
 *
 * @param to empty for a contract creation
 * @param gasLimit empty to estimate (with a margin); set it to send a call that would revert
 */
public record TransactionRequest(
    Optional<String> to, byte[] data, BigInteger value, Optional<BigInteger> gasLimit) {
  public TransactionRequest {
    data = data.clone();
  }

  public static TransactionRequest call(final String to, final byte[] data) {
    return new TransactionRequest(Optional.of(to), data, BigInteger.ZERO, Optional.empty());
  }

  public static TransactionRequest deploy(final byte[] creationCode) {
    return new TransactionRequest(
        Optional.empty(), creationCode, BigInteger.ZERO, Optional.empty());
  }

  public TransactionRequest withGasLimit(final BigInteger gas) {
    return new TransactionRequest(to, data, value, Optional.of(gas));
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
