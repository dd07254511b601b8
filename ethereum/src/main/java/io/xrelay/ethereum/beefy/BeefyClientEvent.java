package io.xrelay.ethereum.beefy;

import io.xrelay.crypto.Keccak256;
import io.xrelay.ethereum.rpc.LogEntry;
import io.xrelay.proofs.H256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.web3j.utils.Numeric;

/** The BeefyClient events the relayer follows. Neither has indexed parameters. */
public sealed interface BeefyClientEvent {
  String NEW_MMR_ROOT_TOPIC = topic("NewMMRRoot(bytes32,uint64)");
  String NEW_TICKET_TOPIC = topic("NewTicket(address,uint64)");

  LogEntry log();

  /** A commitment was accepted: the contract's MMR root is now {@code mmrRoot}. */
  record NewMmrRoot(H256 mmrRoot, long blockNumber, LogEntry log) implements BeefyClientEvent {}

  /** {@code relayer} opened an interactive submission for {@code blockNumber}. */
  record NewTicket(String relayer, long blockNumber, LogEntry log) implements BeefyClientEvent {}

  /** The event in {@code log}; empty for another event or data of the wrong size. */
  static Optional<BeefyClientEvent> decode(final LogEntry log) {
    if (log.topics().isEmpty()) {
      return Optional.empty();
    }
    final byte[] data = log.data();
    if (data.length != 64) {
      return Optional.empty();
    }
    final BigInteger second = new BigInteger(1, Arrays.copyOfRange(data, 32, 64));
    if (second.bitLength() > 63) {
      return Optional.empty();
    }
    final String topic = log.topics().get(0);
    if (topic.equalsIgnoreCase(NEW_MMR_ROOT_TOPIC)) {
      return Optional.of(
          new NewMmrRoot(H256.wrap(Arrays.copyOf(data, 32)), second.longValueExact(), log));
    }
    if (topic.equalsIgnoreCase(NEW_TICKET_TOPIC)) {
      return Optional.of(
          new NewTicket(
              Numeric.toHexString(Arrays.copyOfRange(data, 12, 32)), second.longValueExact(), log));
    }
    return Optional.empty();
  }

  private static String topic(final String signature) {
    return Numeric.toHexString(Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII)));
  }
}
