package io.xrelay.ethereum.rpc;

import java.math.BigInteger;
import java.util.Optional;

/**
 * An {@code eth_call} / {@code eth_estimateGas} request.
 *
 * @param to empty for a contract creation
 */
public record CallRequest(
    Optional<String> from,
    Optional<String> to,
    byte[] data,
    BigInteger value,
    Optional<BigInteger> gas) {

  public CallRequest {
    data = data.clone();
  }

  public static CallRequest of(final String to, final byte[] data) {
    return new CallRequest(
        Optional.empty(), Optional.of(to), data, BigInteger.ZERO, Optional.empty());
  }

  public CallRequest from(final String sender) {
    return new CallRequest(Optional.of(sender), to, data, value, gas);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
