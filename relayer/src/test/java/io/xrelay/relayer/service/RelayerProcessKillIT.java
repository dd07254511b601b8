package io.xrelay.relayer.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.xrelay.config.ConfigLoader;
import io.xrelay.config.RelayerConfig;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.store.WorkItem;
import io.xrelay.store.WorkQuery;
import io.xrelay.store.WorkState;
import io.xrelay.store.WorkStore;
import io.xrelay.substrate.block.Justification;
import io.xrelay.substrate.client.SubstrateClient;
import io.xrelay.substrate.client.WebSocketRpcClient;
import io.xrelay.testing.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relayer as operators run it, a {@code java -jar relayer.jar run} process on the devnet,
 * killed with SIGKILL at random moments and restarted, with SQLite and with PostgreSQL. Afterwards
 * every BEEFY justification that the devnet's blocks hold from the first start on is a confirmed
 * item, and nothing is left pending, in flight or failed. (This route only verifies and records;
 * "never sent twice" is the submitting routes' concern, tested with them.) A second test runs two
 * instances on one PostgreSQL database, kills the one that owns the route, and sees the other take
 * it over.
 */
class RelayerProcessKillIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private static final String ROUTE = "kusama-beefy";
  private static final int KILLS = 10;
  private static final int BLOCKS_WHILE_DOWN = 3;
  private static final Path JAR = Path.of("target", "relayer.jar").toAbsolutePath();

  private static Devnet devnet;
  private static Vertx vertx;
  private static SubstrateClient kusama;

  @TempDir Path dir;

  @BeforeAll
  static void connect() throws Exception {
    assertThat(JAR).as("the relayer jar, built in the package phase").exists();
    devnet = SharedDevnet.get();
    vertx = Vertx.vertx();
    kusama =
        new SubstrateClient(
            WebSocketRpcClient.connect(
                    vertx, WebSocketRpcClient.Options.of(List.of(devnet.endpoints().kusamaWs())))
                .await(30, TimeUnit.SECONDS));
  }

  @AfterAll
  static void close() throws Exception {
    if (vertx != null) {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldLoseNothingWhenKilledRepeatedlyWithSqlite() throws Exception {
    final Path db = dir.resolve("relayer.db");
    killRepeatedlyAndCheck(
        Map.of("RELAYER_STORE_KIND", "sqlite", "RELAYER_STORE_PATH", db.toString()),
        storeConfig("store:\n  kind: sqlite\n  path: \"" + db + "\"\n"));
  }

  @Test
  void shouldLoseNothingWhenKilledRepeatedlyWithPostgres() throws Exception {
    final String database = createDatabase();
    try {
      killRepeatedlyAndCheck(postgresEnvironment(database, "only"), postgresConfig(database));
    } finally {
      dropDatabase(database);
    }
  }

  @Test
  void shouldHandTheRouteToTheSecondInstanceWhenItsOwnerIsKilled() throws Exception {
    final String database = createDatabase();
    final List<RelayerProcess> processes = new ArrayList<>();
    try {
      final RelayerProcess first =
          RelayerProcess.start(postgresEnvironment(database, "first"), dir, "first");
      processes.add(first);
      first.awaitReady(Duration.ofSeconds(120));
      awaitOwner(List.of(first), Duration.ofSeconds(60));
      final RelayerProcess second =
          RelayerProcess.start(postgresEnvironment(database, "second"), dir, "second");
      processes.add(second);
      second.awaitReady(Duration.ofSeconds(120));
      assertThat(second.owns(ROUTE)).as("the second instance waits while the first owns").isFalse();

      final long confirmedBefore = confirmedBlocks(first).last();
      first.kill();
      final RelayerProcess owner = awaitOwner(List.of(second), Duration.ofSeconds(60));
      assertThat(owner).isSameAs(second);
      // the new owner goes on confirming justifications newer than any the first one did
      final long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      long latest = -1;
      while (System.nanoTime() < deadline && latest <= confirmedBefore) {
        final TreeSet<Long> confirmed = confirmedBlocks(second);
        latest = confirmed.isEmpty() ? -1 : confirmed.last();
        Thread.sleep(1_000);
      }
      assertThat(latest).as("a block confirmed after the takeover").isGreaterThan(confirmedBefore);
    } finally {
      processes.forEach(RelayerProcess::kill);
      dropDatabase(database);
    }
  }

  private void killRepeatedlyAndCheck(
      final Map<String, String> environment, final RelayerConfig store) throws Exception {
    final long seed = System.nanoTime();
    final Random random = new Random(seed);
    // The first run establishes the checkpoint: from then on, no justification may be missed.
    final RelayerProcess firstRun = RelayerProcess.start(environment, dir, "run-0");
    firstRun.awaitReady(Duration.ofSeconds(120));
    final long from = firstRun.finalized("kusama") + 1;
    Thread.sleep(random.nextInt(4_000));
    firstRun.kill();
    for (int kill = 1; kill < KILLS; kill++) {
      final RelayerProcess run = RelayerProcess.start(environment, dir, "run-" + kill);
      // some kills land while it starts, backfills or verifies, others while it idles
      Thread.sleep(1_000 + random.nextInt(8_000));
      run.kill();
    }
    // Blocks finalized while no relayer runs: the last run must backfill them.
    final long down = finalizedHead();
    final long downDeadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (finalizedHead() < down + BLOCKS_WHILE_DOWN && System.nanoTime() < downDeadline) {
      Thread.sleep(500);
    }
    final long until = finalizedHead();
    assertThat(until)
        .as("blocks finalized while the relayer was down")
        .isGreaterThanOrEqualTo(down + BLOCKS_WHILE_DOWN);
    final RelayerProcess last = RelayerProcess.start(environment, dir, "run-last");
    try {
      last.awaitReady(Duration.ofSeconds(120));
      final long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (System.nanoTime() < deadline
          && (last.finalized("kusama") < until || last.openItems(ROUTE) > 0)) {
        Thread.sleep(1_000);
      }
    } finally {
      last.terminate();
    }

    final TreeSet<Long> justified = justifiedBlocks(from, until);
    assertThat(justified).as("the devnet signs its blocks").isNotEmpty();
    final List<WorkItem> items = items(store);
    final Map<Long, List<WorkItem>> byBlock =
        items.stream()
            .collect(
                Collectors.groupingBy(
                    item -> Long.parseLong(item.id().substring(item.id().lastIndexOf('/') + 1))));
    assertThat(items)
        .as("seed %d: every item is final and valid", seed)
        .allSatisfy(item -> assertThat(item.state()).isEqualTo(WorkState.CONFIRMED));
    assertThat(byBlock.keySet())
        .as("seed %d: every justification from block %d to %d", seed, from, until)
        .containsAll(justified);
    System.out.printf(
        "kill test (seed %d): %d kills, blocks %d..%d, %d justified, %d items confirmed%n",
        seed, KILLS, from, until, justified.size(), items.size());
  }

  // ---- the relayer process ----

  /** One {@code java -jar relayer.jar run} on the devnet, its output in a log file. */
  private static final class RelayerProcess {
    private final Process process;
    private final String base;
    private final Path log;

    private RelayerProcess(final Process process, final String base, final Path log) {
      this.process = process;
      this.base = base;
      this.log = log;
    }

    static RelayerProcess start(
        final Map<String, String> environment, final Path dir, final String name)
        throws IOException {
      final int port = LoopbackPorts.free();
      final Path log = dir.resolve(name + ".log");
      final ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-jar",
                  JAR.toString(),
                  "run",
                  "--config",
                  configWithoutStore(dir).toString(),
                  "--data-dir",
                  dir.resolve("data").toString(),
                  "--http-port",
                  Integer.toString(port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().keySet().removeIf(key -> key.startsWith("RELAYER_"));
      builder.environment().putAll(environment);
      return new RelayerProcess(builder.start(), "http://127.0.0.1:" + port, log);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() {
      process.destroyForcibly();
      waitFor();
    }

    /** SIGTERM: the orderly stop. */
    void terminate() {
      process.destroy();
      waitFor();
    }

    private void waitFor() {
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    void awaitReady(final Duration timeout) throws Exception {
      final long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new AssertionError("the relayer exited early:\n" + tail());
        }
        final Optional<HttpResponse<String>> ready = get("/health/ready");
        if (ready.isPresent() && ready.get().statusCode() == 200) {
          return;
        }
        Thread.sleep(500);
      }
      throw new AssertionError("the relayer was not ready within " + timeout + ":\n" + tail());
    }

    long finalized(final String chain) throws Exception {
      for (final JsonNode status : json("/api/v1/chains")) {
        if (status.path("name").asText().equals(chain)) {
          return status.path("finalizedBlock").asLong(-1);
        }
      }
      throw new AssertionError("no chain " + chain + " in /api/v1/chains");
    }

    long openItems(final String route) throws Exception {
      long open = 0;
      for (final String state : List.of("pending", "in_flight", "submitted", "failed")) {
        open += json("/api/v1/items?route=" + route + "&state=" + state).size();
      }
      return open;
    }

    boolean owns(final String route) throws Exception {
      for (final JsonNode status : json("/api/v1/routes")) {
        if (status.path("name").asText().equals(route)) {
          return status.path("owned").asBoolean();
        }
      }
      return false;
    }

    JsonNode json(final String path) throws Exception {
      final HttpResponse<String> response =
          get(path).orElseThrow(() -> new AssertionError(path + ": no answer\n" + tail()));
      assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    }

    private Optional<HttpResponse<String>> get(final String path) {
      try {
        return Optional.of(
            HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
      } catch (IOException e) {
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }

    private String tail() {
      try {
        final List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
      } catch (IOException e) {
        return "(no log: " + e.getMessage() + ")";
      }
    }
  }

  /**
   * The devnet's generated config without its {@code store} section, which the environment gives.
   */
  private static Path configWithoutStore(final Path dir) throws IOException {
    final StringBuilder kept = new StringBuilder();
    boolean inStore = false;
    for (final String line : Files.readAllLines(devnet.configFile())) {
      if (!line.startsWith(" ") && !line.startsWith("#")) {
        inStore = line.startsWith("store:");
      }
      if (!inStore) {
        kept.append(line).append('\n');
      }
    }
    return Files.writeString(dir.resolve("relayer.yaml"), kept.toString());
  }

  private static RelayerProcess awaitOwner(
      final List<RelayerProcess> candidates, final Duration timeout) throws Exception {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (final RelayerProcess candidate : candidates) {
        if (candidate.owns(ROUTE)) {
          return candidate;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no instance took route " + ROUTE + " within " + timeout);
  }

  private static TreeSet<Long> confirmedBlocks(final RelayerProcess process) throws Exception {
    final TreeSet<Long> blocks = new TreeSet<>();
    for (final JsonNode item : process.json("/api/v1/items?route=" + ROUTE + "&state=confirmed")) {
      final String id = item.path("id").asText();
      blocks.add(Long.parseLong(id.substring(id.lastIndexOf('/') + 1)));
    }
    return blocks;
  }

  // ---- the chain's own record ----

  private static long finalizedHead() throws Exception {
    return kusama.finalizedHead().compose(kusama::header).await(30, TimeUnit.SECONDS).number();
  }

  /** The blocks in [from, until] whose justifications include a BEEFY one, as the node serves. */
  private static TreeSet<Long> justifiedBlocks(final long from, final long until) throws Exception {
    final TreeSet<Long> blocks = new TreeSet<>();
    for (long number = from; number <= until; number++) {
      final long block = number;
      final boolean justified =
          kusama
              .blockHash(block)
              .compose(kusama::block)
              .await(30, TimeUnit.SECONDS)
              .justification(Justification.BEEFY)
              .isPresent();
      if (justified) {
        blocks.add(block);
      }
    }
    return blocks;
  }

  // ---- the stores, read directly ----

  private RelayerConfig storeConfig(final String storeYaml) throws IOException {
    final Path file =
        Files.writeString(
            dir.resolve("store.yaml"),
            storeYaml
                + "chains:\n  kusama:\n    kind: substrate\n    endpoints: [ws://127.0.0.1:1]\n");
    return new ConfigLoader(Map.of()).load(file, Map.of()).config();
  }

  private RelayerConfig postgresConfig(final String database) throws IOException {
    return storeConfig(
        "store:\n  kind: postgres\n  url: postgresql://127.0.0.1:5432/"
            + database
            + "\n  user: postgres\n");
  }

  private static Map<String, String> postgresEnvironment(
      final String database, final String instance) {
    final Map<String, String> environment = new HashMap<>();
    environment.put("RELAYER_STORE_KIND", "postgres");
    environment.put("RELAYER_STORE_URL", "postgresql://127.0.0.1:5432/" + database);
    environment.put("RELAYER_STORE_USER", "postgres");
    environment.put("RELAYER_STORE_INSTANCE_ID", instance);
    return environment;
  }

  private static List<WorkItem> items(final RelayerConfig config) throws Exception {
    final Stores stores = Stores.open(vertx, config.store(), Clock.systemUTC());
    final WorkStore store = stores.store();
    store.start().await(30, TimeUnit.SECONDS);
    try {
      final List<WorkItem> all = new ArrayList<>();
      for (final WorkState state : WorkState.values()) {
        all.addAll(
            store
                .list(new WorkQuery(Optional.of(ROUTE), Optional.of(state), 100_000))
                .await(30, TimeUnit.SECONDS));
      }
      return all;
    } finally {
      stores.ownership().stop().await(10, TimeUnit.SECONDS);
      store.stop().await(10, TimeUnit.SECONDS);
    }
  }

  /** A database of its own, so items of earlier runs (same block numbers) cannot count. */
  private static String createDatabase() throws Exception {
    final String name = "xrelay_kill_" + Long.toUnsignedString(System.nanoTime(), 36);
    admin(pool -> pool.query("CREATE DATABASE " + name).execute().mapEmpty());
    return name;
  }

  private static void dropDatabase(final String name) throws Exception {
    admin(
        pool ->
            pool.query("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").execute().mapEmpty());
  }

  private static void admin(
      final java.util.function.Function<Pool, io.vertx.core.Future<Void>> statement)
      throws Exception {
    final Pool pool =
        PgBuilder.pool()
            .connectingTo(
                new PgConnectOptions()
                    .setHost("127.0.0.1")
                    .setPort(5432)
                    .setDatabase("test")
                    .setUser("postgres"))
            .using(vertx)
            .build();
    try {
      statement.apply(pool).await(30, TimeUnit.SECONDS);
    } finally {
      pool.close().await(10, TimeUnit.SECONDS);
    }
  }
}
