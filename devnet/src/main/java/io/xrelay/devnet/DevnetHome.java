package io.xrelay.devnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where the devnet's npm package and the chain specs live: the checkout's {@code devnet} folder
 * (from {@code -Dxrelay.home}, else found by walking up from the working directory) and {@code
 * ../shared/fixtures/chains} beside the checkout.
 */
public record DevnetHome(Path projectRoot, Path chainSpecs) {
  private static final Duration NPM_TIMEOUT = Duration.ofMinutes(10);

  public static DevnetHome locate() {
    final Path root = findProjectRoot();
    final Path specs = root.resolve("../shared/fixtures/chains").normalize();
    if (!Files.isRegularFile(specs.resolve("kusama-local.json"))) {
      throw new DevnetException(
          "chain specs not found at "
              + specs
              + " (the shared folder must sit beside the checkout)");
    }
    return new DevnetHome(root, specs);
  }

  private static Path findProjectRoot() {
    final String configured = System.getProperty("xrelay.home");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("devnet/package.json"))) {
        return dir;
      }
    }
    throw new DevnetException(
        "devnet/package.json not found above "
            + Path.of("").toAbsolutePath()
            + "; set -Dxrelay.home");
  }

  public Path devnetDir() {
    return projectRoot.resolve("devnet");
  }

  public Path chopsticks() {
    return devnetDir().resolve("node_modules/@acala-network/chopsticks/chopsticks.cjs");
  }

  /** The real anvil binary, started directly so that it can be stopped by its PID. */
  public Path anvil() {
    return devnetDir().resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
  }

  public Path blockProducer() {
    return devnetDir().resolve("block-producer.mjs");
  }

  /**
   * Runs {@code npm ci} from the committed lockfile when the packages are missing or were installed
   * from another lockfile (a stamp of the lockfile's hash is kept in node_modules).
   */
  public void ensureInstalled() {
    final String lockHash = lockfileHash();
    final Path stamp = devnetDir().resolve("node_modules/.xrelay-lockfile-sha256");
    if (Files.isRegularFile(chopsticks())
        && Files.isExecutable(anvil())
        && lockHash.equals(readStamp(stamp))) {
      return;
    }
    try {
      final Path log = Files.createTempFile("xrelay-npm-ci", ".log");
      final Process npm =
          new ProcessBuilder(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"))
              .directory(devnetDir().toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!npm.waitFor(NPM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        npm.destroyForcibly();
        throw new DevnetException("npm ci in " + devnetDir() + " took longer than " + NPM_TIMEOUT);
      }
      if (npm.exitValue() != 0) {
        throw new DevnetException("npm ci in " + devnetDir() + " failed; see " + log);
      }
    } catch (IOException e) {
      throw new DevnetException("cannot run npm ci in " + devnetDir() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevnetException("interrupted while installing the devnet's npm packages");
    }
    if (!Files.isRegularFile(chopsticks()) || !Files.isExecutable(anvil())) {
      throw new DevnetException(
          "npm ci finished but " + chopsticks() + " or " + anvil() + " is missing");
    }
    try {
      Files.writeString(stamp, lockHash);
    } catch (IOException e) {
      throw new DevnetException("cannot write " + stamp + ": " + e.getMessage());
    }
  }

  private String lockfileHash() {
    final Path lockfile = devnetDir().resolve("package-lock.json");
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(Files.readAllBytes(lockfile)));
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new DevnetException("cannot read " + lockfile + ": " + e.getMessage());
    }
  }

  private static String readStamp(final Path stamp) {
    try {
      return Files.isRegularFile(stamp) ? Files.readString(stamp).strip() : "";
    } catch (IOException e) {
      return "";
    }
  }
}
