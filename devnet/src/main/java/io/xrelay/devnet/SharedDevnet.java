package io.xrelay.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One devnet per test JVM, shared by every integration test that needs real chains, so a test run
 * starts chains once rather than per test. When {@code XRELAY_DEVNET_DATA} (or {@code
 * -Dxrelay.devnet.data}) names the data directory of a running devnet, that one is used instead.
 */
public final class SharedDevnet {
  private static Devnet devnet;

  private SharedDevnet() {}

  public static synchronized Devnet get() {
    if (devnet != null) {
      return devnet;
    }
    final String existing =
        System.getProperty("xrelay.devnet.data", System.getenv("XRELAY_DEVNET_DATA"));
    if (existing != null) {
      devnet =
          Devnet.running(Path.of(existing))
              .orElseThrow(
                  () ->
                      new DevnetException(
                          "no running devnet in " + existing + " (XRELAY_DEVNET_DATA)"));
      return devnet;
    }
    final Path dataDir;
    try {
      dataDir = Files.createTempDirectory("xrelay-devnet");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    final Devnet started =
        Devnet.start(DevnetOptions.defaults(dataDir).withBlockInterval(Duration.ofSeconds(2)));
    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-devnet-stop"));
    devnet = started;
    return devnet;
  }
}
