package io.xrelay.devnet;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run the devnet. A port of 0 picks a free one; chopsticks may still move to the next port
 * when one is taken, so the real ports are read back from the logs.
 *
 * @param kusamaPort the BEEFY voting node's port: the relay chain endpoint the devnet hands out
 * @param kusamaChopsticksPort chopsticks' own relay chain port, behind the voting node
 */
public record DevnetOptions(
    Path dataDir,
    int kusamaPort,
    int kusamaChopsticksPort,
    int assetHubPort,
    int ethereumPort,
    Duration blockInterval,
    boolean ethereum) {

  public static DevnetOptions defaults(final Path dataDir) {
    return new DevnetOptions(dataDir, 0, 0, 0, 0, Duration.ofSeconds(3), true);
  }

  public DevnetOptions withBlockInterval(final Duration interval) {
    return new DevnetOptions(
        dataDir, kusamaPort, kusamaChopsticksPort, assetHubPort, ethereumPort, interval, ethereum);
  }

  public DevnetOptions withoutEthereum() {
    return new DevnetOptions(
        dataDir,
        kusamaPort,
        kusamaChopsticksPort,
        assetHubPort,
        ethereumPort,
        blockInterval,
        false);
  }

  /** Where the devnet keeps its logs, chain configs and state file. */
  public Path devnetDir() {
    return dataDir.resolve("devnet");
  }
}
