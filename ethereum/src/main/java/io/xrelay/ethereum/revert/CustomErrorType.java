package io.xrelay.ethereum.revert;

import io.xrelay.crypto.Keccak256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A Solidity custom error by its ABI signature, e.g. {@code ECDSAInvalidSignatureS(bytes32)}.
 *
 * @param parameterTypes Solidity type names in canonical form ({@code uint256}, not {@code uint})
 */
public record CustomErrorType(String name, List<String> parameterTypes) {
  public CustomErrorType {
    parameterTypes = List.copyOf(parameterTypes);
  }

  public static CustomErrorType of(final String name, final String... parameterTypes) {
    return new CustomErrorType(name, List.of(parameterTypes));
  }

  public String signature() {
    return name + "(" + String.join(",", parameterTypes) + ")";
  }

  /** The first four bytes of {@code keccak256(signature)}, as the revert data starts. */
  public byte[] selector() {
    return Arrays.copyOf(Keccak256.hash(signature().getBytes(StandardCharsets.US_ASCII)), 4);
  }
}
