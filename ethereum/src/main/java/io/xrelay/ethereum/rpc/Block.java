package io.xrelay.ethereum.rpc;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The header fields of a block the relayer uses.
 *
 * @param baseFeePerGas empty before London
 */
public record Block(
    long number,
    String hash,
    String parentHash,
    long timestamp,
    Optional<BigInteger> baseFeePerGas,
    BigInteger gasLimit) {}
