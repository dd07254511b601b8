package io.xrelay.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.xrelay.store.Await;
import io.xrelay.store.WorkItem;
import io.xrelay.store.WorkQuery;
import io.xrelay.store.WorkState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite store across real processes: a change whose future completed survives SIGKILL of the
 * process right after, the OS releases the database lock of a killed process, and a second process
 * cannot open a database that a live one holds.
 */
class SqliteProcessIT {
  @TempDir Path dataDirectory;
  private Vertx vertx;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopVertx() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private Path database() {
    return dataDirectory.resolve(SqliteWorkStore.FILE_NAME);
  }

  private static Process child(final String mode, final Path database) throws IOException {
    final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    final String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return new ProcessBuilder(
            java, "-cp", classPath, SqliteChildProcess.class.getName(), mode, database.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  @Test
  void shouldKeepEveryReportedChangeWhenTheWriterIsKilled() throws Exception {
    final Random random = new Random(42);
    final Map<String, Long> reported = new HashMap<>();
    for (int kill = 0; kill < 5; kill++) {
      final Process writer = child("write", database());
      final BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(writer.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(lines.readLine()).isEqualTo("started");
      final int changes = 50 + random.nextInt(400);
      for (int i = 0; i < changes; i++) {
        record(lines.readLine(), reported);
      }
      // SIGKILL: no shutdown hook, no close, no WAL checkpoint. Sent through the handle, which
      // unlike Process.destroyForcibly leaves the pipe readable.
      assertThat(writer.toHandle().destroyForcibly()).isTrue();
      assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(writer.exitValue()).isEqualTo(137);
      // What the writer printed before it died, still in the pipe: every report, up to the kill.
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        record(line, reported);
      }
    }

    // The killed writer's lock is gone at once: this start does not wait or fail.
    final SqliteWorkStore store =
        new SqliteWorkStore(vertx, database(), SqliteDurability.PROCESS_CRASH, Clock.systemUTC());
    Await.result(store.start());
    try {
      for (final Map.Entry<String, Long> change : reported.entrySet()) {
        final Optional<WorkItem> stored = Await.result(store.get(change.getKey()));
        assertThat(stored).as("item %s", change.getKey()).isPresent();
        // The writer may have committed one more change and died before reporting it; never
        // fewer than it reported.
        assertThat(stored.get().version())
            .as("version of %s", change.getKey())
            .isBetween(change.getValue(), change.getValue() + 1);
      }
      final long next = Await.result(store.checkpoint(SqliteChildProcess.CHECKPOINT)).orElseThrow();
      final List<WorkItem> all = Await.result(store.list(WorkQuery.all(100_000)));
      assertThat(all).hasSizeBetween((int) next, (int) next + 1);
      for (long n = 0; n < next; n++) {
        final WorkItem done = Await.result(store.get("kill-test/" + n)).orElseThrow();
        assertThat(done.state()).isEqualTo(WorkState.CONFIRMED);
        // Moved exactly once through each state, however many times the writer was killed.
        assertThat(done.version()).isEqualTo(3);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.txHash()).contains("0x" + Long.toHexString(n));
      }
    } finally {
      Await.result(store.stop());
    }
  }

  private static void record(final String line, final Map<String, Long> reported) {
    final String[] parts = line.split(" ");
    reported.put(parts[0], Long.parseLong(parts[1]));
  }

  @Test
  void shouldRefuseASecondProcessWhileTheFirstHoldsTheDatabase() throws Exception {
    final SqliteWorkStore store =
        new SqliteWorkStore(vertx, database(), SqliteDurability.PROCESS_CRASH, Clock.systemUTC());
    Await.result(store.start());
    try {
      assertThat(output(child("open", database()))).startsWith("refused").contains("in use");
    } finally {
      Await.result(store.stop());
    }
    assertThat(output(child("open", database()))).isEqualTo("started");
  }

  private static String output(final Process process) throws Exception {
    final String first;
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
      first = lines.readLine();
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return first;
  }
}
