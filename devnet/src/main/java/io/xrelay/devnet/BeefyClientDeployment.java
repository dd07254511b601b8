package io.xrelay.devnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The devnet's BeefyClient: where it is and what it was initialised with, kept in {@code
 * beefy-client.json} in the devnet directory.
 *
 * @param initialBeefyBlock the relay-chain block the contract starts from ({@code latestBeefyBlock}
 *     after deployment)
 * @param currentSetRoot keyset merkle root of {@code Beefy.Authorities}, 0x-hex
 * @param nextSetRoot keyset merkle root of {@code Beefy.NextAuthorities}, 0x-hex
 */
public record BeefyClientDeployment(
    String address,
    String transactionHash,
    BigInteger deployGas,
    long initialBeefyBlock,
    long currentSetId,
    int currentSetLength,
    String currentSetRoot,
    long nextSetId,
    int nextSetLength,
    String nextSetRoot,
    long randaoCommitDelay,
    long randaoCommitExpiration,
    String artifact) {
  static final String FILE = "beefy-client.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  void write(final Path devnetDir) {
    try {
      JSON.writerWithDefaultPrettyPrinter()
          .writeValue(devnetDir.resolve(FILE).toFile(), JSON.valueToTree(this));
    } catch (IOException e) {
      throw new DevnetException("cannot write " + devnetDir.resolve(FILE) + ": " + e, e);
    }
  }

  static void forget(final Path devnetDir) {
    try {
      Files.deleteIfExists(devnetDir.resolve(FILE));
    } catch (IOException e) {
      throw new DevnetException("cannot delete " + devnetDir.resolve(FILE) + ": " + e, e);
    }
  }

  static Optional<BeefyClientDeployment> read(final Path devnetDir) {
    final Path file = devnetDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          JSON.treeToValue(JSON.readTree(file.toFile()), BeefyClientDeployment.class));
    } catch (IOException e) {
      throw new DevnetException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
