package io.xrelay.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xrelay.proofs.beefy.BeefyValidatorSet;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleReader;
import io.xrelay.substrate.storage.StorageKey;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * Compiles Snowbridge's BeefyClient ({@code compile-beefy-client.cjs}, cached by source hash in the
 * devnet directory) and deploys it on the devnet's anvil, initialised from the relay chain: the
 * Ethereum addresses of {@code Beefy.Authorities} and {@code Beefy.NextAuthorities}, their keyset
 * merkle roots and set ids, starting at the relay chain's current block.
 *
 * <p>It sends through anvil's unlocked first dev account ({@code eth_sendTransaction}), so the
 * devnet needs no signing code of its own; the relayer's transaction sender is tested separately.
 * The constructor's ABI encoding is repeated here rather than taken from the {@code ethereum}
 * module, whose integration tests depend on the devnet.
 */
final class BeefyClientDeployer {
  /** Blocks between {@code submitInitial} and {@code commitPrevRandao}: short for a devnet. */
  static final long RANDAO_COMMIT_DELAY = 3;

  /** Blocks after the delay in which {@code commitPrevRandao} is still accepted. */
  static final long RANDAO_COMMIT_EXPIRATION = 24;

  // Mainnet's minimum (DeployBeefyClient.sol); the contract takes min(this + ..., n/3 + 1), so the
  // devnet's two validators need both signatures either way.
  private static final long MIN_REQUIRED_SIGNATURES = 17;
  private static final long FIAT_SHAMIR_REQUIRED_SIGNATURES = 111;
  private static final BigInteger DEPLOY_GAS_LIMIT = BigInteger.valueOf(8_000_000);
  private static final Duration COMPILE_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DevnetRpc rpc = new DevnetRpc();

  BeefyClientDeployment deploy(
      final DevnetHome home, final Path devnetDir, final DevnetEndpoints endpoints) {
    final Path artifact = compile(home, devnetDir.resolve("contracts"));
    final byte[] creationCode;
    try {
      creationCode = Hex.decode(JSON.readTree(artifact.toFile()).path("bytecode").asText());
    } catch (IOException e) {
      throw new DevnetException("cannot read " + artifact + ": " + e.getMessage(), e);
    }
    final String relay = endpoints.kusamaChopsticksHttp();
    final long head = Long.decode(rpc.call(relay, "chain_getHeader").path("number").asText());
    final String at = rpc.call(relay, "chain_getBlockHash", head).asText();
    final long setId = ScaleReader.ofHex(storage(relay, "ValidatorSetId", at)).readU64();
    final BeefyValidatorSet current = validatorSet(relay, "Authorities", setId, at);
    final BeefyValidatorSet next = validatorSet(relay, "NextAuthorities", setId + 1, at);

    final List<Type> arguments =
        List.of(
            new Uint256(RANDAO_COMMIT_DELAY),
            new Uint256(RANDAO_COMMIT_EXPIRATION),
            new Uint256(MIN_REQUIRED_SIGNATURES),
            new Uint256(FIAT_SHAMIR_REQUIRED_SIGNATURES),
            new Uint64(head),
            setStruct(current),
            setStruct(next));
    final String data = Hex.encode(creationCode) + FunctionEncoder.encodeConstructor(arguments);
    final String deployer = DevnetEthereumAccounts.ACCOUNTS.get(0).address();
    final String hash =
        rpc.call(
                endpoints.ethereumHttp(),
                "eth_sendTransaction",
                Map.of("from", deployer, "data", data, "gas", "0x" + DEPLOY_GAS_LIMIT.toString(16)))
            .asText();
    final JsonNode receipt = awaitReceipt(endpoints.ethereumHttp(), hash);
    if (!"0x1".equals(receipt.path("status").asText())) {
      throw new DevnetException("BeefyClient deployment " + hash + " reverted");
    }
    final BeefyClientDeployment deployment =
        new BeefyClientDeployment(
            receipt.path("contractAddress").asText(),
            hash,
            new BigInteger(receipt.path("gasUsed").asText().substring(2), 16),
            head,
            current.id(),
            current.size(),
            current.root().toHex(),
            next.id(),
            next.size(),
            next.root().toHex(),
            RANDAO_COMMIT_DELAY,
            RANDAO_COMMIT_EXPIRATION,
            artifact.toString());
    deployment.write(devnetDir);
    return deployment;
  }

  private static StaticStruct setStruct(final BeefyValidatorSet set) {
    return new StaticStruct(
        new Uint128(set.id()), new Uint128(set.size()), new Bytes32(set.root().bytes()));
  }

  /** {@code Beefy.<entry>}: a SCALE {@code Vec} of 33-byte compressed ECDSA public keys. */
  private BeefyValidatorSet validatorSet(
      final String relay, final String entry, final long id, final String at) {
    final ScaleReader reader = ScaleReader.ofHex(storage(relay, entry, at));
    final int count = reader.readLength("Beefy." + entry, 33);
    final List<byte[]> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      keys.add(reader.readBytes(33));
    }
    reader.requireEnd("Beefy." + entry);
    if (keys.isEmpty()) {
      throw new DevnetException("Beefy." + entry + " is empty on the relay chain");
    }
    return BeefyValidatorSet.ofAuthorityIds(id, keys);
  }

  private String storage(final String relay, final String entry, final String at) {
    final JsonNode value =
        rpc.call(relay, "state_getStorage", Hex.encode(StorageKey.prefix("Beefy", entry)), at);
    if (value == null || value.isNull()) {
      throw new DevnetException("Beefy." + entry + " is not set on the relay chain");
    }
    return value.asText();
  }

  private JsonNode awaitReceipt(final String endpoint, final String hash) {
    final long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      final JsonNode receipt = rpc.call(endpoint, "eth_getTransactionReceipt", hash);
      if (receipt != null && !receipt.isNull()) {
        return receipt;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DevnetException("interrupted waiting for " + hash);
      }
    }
    throw new DevnetException(
        "BeefyClient deployment " + hash + " not mined in " + RECEIPT_TIMEOUT);
  }

  private static Path compile(final DevnetHome home, final Path outputDir) {
    try {
      Files.createDirectories(outputDir);
      final Path log = outputDir.resolve("compile.log");
      final Process node =
          new ProcessBuilder(
                  List.of(
                      "node",
                      home.devnetDir().resolve("compile-beefy-client.cjs").toString(),
                      outputDir.toString()))
              .directory(home.devnetDir().toFile())
              .redirectError(log.toFile())
              .start();
      final byte[] stdout = node.getInputStream().readAllBytes();
      if (!node.waitFor(COMPILE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        node.destroyForcibly();
        throw new DevnetException("compiling BeefyClient took longer than " + COMPILE_TIMEOUT);
      }
      if (node.exitValue() != 0) {
        throw new DevnetException("compiling BeefyClient failed; see " + log);
      }
      final Path artifact = Path.of(new String(stdout, StandardCharsets.UTF_8).trim());
      if (!Files.isRegularFile(artifact)) {
        throw new DevnetException("the BeefyClient compile named no artifact; see " + log);
      }
      return artifact;
    } catch (IOException e) {
      throw new DevnetException("cannot compile BeefyClient: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevnetException("interrupted compiling BeefyClient");
    }
  }
}
