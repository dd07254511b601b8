package io.xrelay.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xrelay.devnet.beefy.BeefyVotingNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The local devnet: the real Kusama relay and Asset Hub Kusama runtimes under chopsticks (wired
 * with {@code chopsticks xcm} so downward and upward messages really execute), anvil for Ethereum,
 * a block producer that makes the chains advance, the dev accounts funded on both chains, and the
 * BEEFY voting node ({@link BeefyVotingNode}) in front of the relay chain, which signs every
 * finalized relay block as the dev BEEFY validators and serves the justifications as a node does.
 * The relay chain endpoints handed out are the voting node's.
 *
 * <p>Its processes write to logs under {@code <data dir>/devnet} and are recorded in {@code
 * devnet.json} there, so a devnet started detached can be stopped from another process.
 */
public final class Devnet implements AutoCloseable {
  /** Relay blocks between two BEEFY updates of the generated config's route: about 30 s. */
  public static final int BEEFY_MIN_INTERVAL = 10;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Duration CHAIN_START_TIMEOUT = Duration.ofSeconds(180);
  private static final String STATE_FILE = "devnet.json";
  private static final String KUSAMA_CHAIN = "kusama_local_testnet";
  private static final String ASSET_HUB_CHAIN = "asset-hub-kusama-local";
  private static final Duration BEEFY_START_TIMEOUT = Duration.ofSeconds(60);
  private static final String KUSAMA_CHOPSTICKS = "kusamaChopsticks";
  // Watched by block-producer.mjs, which runs in the devnet directory.
  private static final String PRODUCER_PAUSED = "block-producer.paused";
  // anvil's record in the state file: {"pid": <0 while stopped>, "command": [...]}.
  private static final String ANVIL = "anvil";
  private static final String ANVIL_STATE = "anvil-state";
  private static final String ANVIL_LOG = "anvil.log";
  private static final Duration ANVIL_START_TIMEOUT = Duration.ofSeconds(30);
  // anvil writes its whole state (every past block's too) on SIGTERM before it exits.
  private static final Duration ANVIL_STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern ANVIL_LISTENING =
      Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");

  private final DevnetOptions options;
  private final DevnetEndpoints endpoints;
  private final List<Long> pids;
  private final Path configFile;

  private Devnet(
      final DevnetOptions options,
      final DevnetEndpoints endpoints,
      final List<Long> pids,
      final Path configFile) {
    this.options = options;
    this.endpoints = endpoints;
    this.pids = pids;
    this.configFile = configFile;
  }

  /** Starts every part and waits until each endpoint answers; stops what started on failure. */
  public static Devnet start(final DevnetOptions options) {
    final DevnetHome home = DevnetHome.locate();
    home.ensureInstalled();
    final Path dir = options.devnetDir();
    createDirectories(dir);
    BeefyClientDeployment.forget(dir); // never list a contract of an earlier run
    deleteIfExists(dir.resolve(PRODUCER_PAUSED)); // a paused run that died must not freeze this one
    if (running(options.dataDir()).isEmpty()) {
      // A start that was killed before it finished leaves children behind: stop them first.
      stop(options.dataDir());
    }
    final List<ChildProcess> started = new ArrayList<>();
    // Ctrl-C or SIGTERM while starting must not leave chains running that nothing records.
    final Thread stopOnExit = new Thread(() -> stopAll(started), "devnet-start-abort");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    try {
      final int kusamaPort =
          options.kusamaChopsticksPort() > 0 ? options.kusamaChopsticksPort() : freePort();
      final int assetHubPort = options.assetHubPort() > 0 ? options.assetHubPort() : freePort();
      writeChainConfig(
          dir.resolve("kusama.yml"), home.chainSpecs().resolve("kusama-local.json"), kusamaPort);
      writeChainConfig(
          dir.resolve("asset-hub-kusama.yml"),
          home.chainSpecs().resolve("asset-hub-kusama-local.json"),
          assetHubPort);
      final ChildProcess chopsticks =
          ChildProcess.start(
              "chopsticks",
              List.of(
                  "node",
                  home.chopsticks().toString(),
                  "xcm",
                  "-r",
                  "kusama.yml",
                  "-p",
                  "asset-hub-kusama.yml"),
              dir,
              dir.resolve("chopsticks.log"));
      started.add(chopsticks);
      recordStarting(dir, started);
      final String[] ports =
          chopsticks.awaitLog(
              CHAIN_START_TIMEOUT,
              listening(KUSAMA_CHAIN),
              listening(ASSET_HUB_CHAIN),
              Pattern.compile("(Connected relaychain)"));

      int ethereumPort = 0;
      List<String> anvilCommand = List.of();
      long anvilPid = 0;
      if (options.ethereum()) {
        ethereumPort = options.ethereumPort() > 0 ? options.ethereumPort() : freePort();
        final Path anvilState = dir.resolve(ANVIL_STATE);
        // A new devnet's Ethereum starts at genesis, never at the head of an earlier run.
        deleteTree(anvilState);
        // It must exist as a directory, or anvil takes the path for the state file itself.
        createDirectories(anvilState);
        anvilCommand =
            List.of(
                home.anvil().toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(ethereumPort),
                "--block-time",
                Long.toString(Math.max(1, options.blockInterval().toSeconds())),
                "--slots-in-an-epoch",
                "1",
                // Dumped every second and on SIGTERM, loaded at start: a restarted anvil goes on
                // with the same blocks, contracts, nonces and balances (its mempool is lost).
                "--state",
                anvilState.toString(),
                // A stop by SIGTERM (restartEthereum, devnet down) writes the state anyway; the
                // interval only bounds what a SIGKILL loses, and a long one keeps the rewrites
                // cheap (the file grows by about 80 KB a block: 48 MB after 600 blocks).
                "--state-interval",
                "30",
                // Without it, anvil 1.7.1 started with --state answers calls at any block but the
                // head with BlockOutOfRangeError (the finalized tag among them: measured in CI).
                "--preserve-historical-states");
        final ChildProcess anvil =
            ChildProcess.start("anvil", anvilCommand, dir, dir.resolve(ANVIL_LOG));
        started.add(anvil);
        recordStarting(dir, started);
        anvil.awaitLog(ANVIL_START_TIMEOUT, ANVIL_LISTENING);
        anvilPid = anvil.pid();
      }

      final int kusamaChopsticksPort = Integer.parseInt(ports[0]);
      final String kusamaChopsticksHttp = "http://127.0.0.1:" + kusamaChopsticksPort;
      final String assetHubHttp = "http://127.0.0.1:" + ports[1];
      fundDevAccounts(kusamaChopsticksHttp, assetHubHttp);

      final ChildProcess beefy =
          ChildProcess.start(
              "BEEFY voting node",
              beefyVotingNodeCommand(
                  "ws://127.0.0.1:" + kusamaChopsticksPort, Math.max(0, options.kusamaPort())),
              dir,
              dir.resolve("beefy.log"));
      started.add(beefy);
      recordStarting(dir, started);
      final String beefyPort =
          beefy
              .awaitLog(
                  BEEFY_START_TIMEOUT,
                  Pattern.compile(
                      Pattern.quote(BeefyVotingNode.LISTENING) + "http://127\\.0\\.0\\.1:(\\d+)"))[
              0];
      final DevnetEndpoints endpoints =
          DevnetEndpoints.of(
              Integer.parseInt(beefyPort),
              kusamaChopsticksPort,
              Integer.parseInt(ports[1]),
              ethereumPort);
      awaitFirstBeefyJustification(beefy, endpoints.kusamaHttp());
      // BeefyClient compiled offline, deployed on anvil, sets from the relay chain.
      final Optional<BeefyClientDeployment> beefyClient =
          options.ethereum()
              ? Optional.of(new BeefyClientDeployer().deploy(home, dir, endpoints))
              : Optional.empty();

      final ChildProcess producer =
          ChildProcess.start(
              "block producer",
              List.of(
                  "node",
                  home.blockProducer().toString(),
                  Long.toString(options.blockInterval().toMillis()),
                  endpoints.kusamaChopsticksHttp(),
                  endpoints.assetHubHttp()),
              dir,
              dir.resolve("block-producer.log"));
      started.add(producer);
      recordStarting(dir, started);

      final Path config = writeRelayerConfig(options, endpoints, beefyClient);
      final List<Long> pids = started.stream().map(ChildProcess::pid).toList();
      final Devnet devnet = new Devnet(options, endpoints, pids, config);
      devnet.writeState(anvilPid, anvilCommand);
      removeHook(stopOnExit);
      return devnet;
    } catch (RuntimeException e) {
      stopAll(started);
      removeHook(stopOnExit);
      throw e;
    }
  }

  private static void stopAll(final List<ChildProcess> started) {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).stop();
    }
  }

  private static void removeHook(final Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it stops the children
    }
  }

  /**
   * Records the children started so far, so that {@code devnet down} can stop a start that died.
   */
  private static void recordStarting(final Path dir, final List<ChildProcess> started) {
    final ObjectNode state = JSON.createObjectNode().put("starting", true);
    final ArrayNode pids = state.putArray("pids");
    started.forEach(child -> pids.add(child.pid()));
    try {
      JSON.writeValue(dir.resolve(STATE_FILE).toFile(), state);
    } catch (IOException e) {
      throw new DevnetException(
          "cannot write " + dir.resolve(STATE_FILE) + ": " + e.getMessage(), e);
    }
  }

  /** The devnet recorded in {@code dataDir}, if its processes are still alive. */
  public static Optional<Devnet> running(final Path dataDir) {
    final Path state = DevnetOptions.defaults(dataDir).devnetDir().resolve(STATE_FILE);
    if (!Files.isRegularFile(state)) {
      return Optional.empty();
    }
    try {
      final JsonNode json = JSON.readTree(state.toFile());
      final List<Long> pids = new ArrayList<>();
      json.path("pids").forEach(pid -> pids.add(pid.asLong()));
      if (json.path("starting").asBoolean(false)
          || pids.isEmpty()
          || !pids.stream().allMatch(ChildProcess::isAlive)) {
        return Optional.empty();
      }
      return Optional.of(
          new Devnet(
              DevnetOptions.defaults(dataDir),
              DevnetEndpoints.fromJson(json.path("chains"), json.path(KUSAMA_CHOPSTICKS)),
              pids,
              Path.of(json.path("config").asText())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Stops the devnet recorded in {@code dataDir}; returns whether one was recorded. */
  public static boolean stop(final Path dataDir) {
    final Path state = DevnetOptions.defaults(dataDir).devnetDir().resolve(STATE_FILE);
    if (!Files.isRegularFile(state)) {
      return false;
    }
    try {
      final JsonNode json = JSON.readTree(state.toFile());
      final List<Long> pids = new ArrayList<>();
      json.path("pids").forEach(pid -> pids.add(pid.asLong()));
      // anvil is out of the pid list while a stop or start of it runs: stop it all the same.
      if (json.get(ANVIL) instanceof ObjectNode anvil) {
        final long pid = liveAnvilPid(anvil);
        if (pid > 0 && !pids.contains(pid)) {
          pids.add(pid);
        }
      }
      for (int i = pids.size() - 1; i >= 0; i--) {
        ChildProcess.stop(pids.get(i));
      }
      Files.deleteIfExists(state);
      return true;
    } catch (IOException e) {
      throw new DevnetException("cannot read " + state + ": " + e.getMessage(), e);
    }
  }

  /**
   * Stops the block producer from making blocks (the chains keep running and answering, but their
   * finalized heads stop advancing) until {@link #resumeBlockProduction()}. Idempotent; works on a
   * devnet started by another process too, since the producer watches a file in the devnet
   * directory.
   */
  public void pauseBlockProduction() {
    write(options.devnetDir().resolve(PRODUCER_PAUSED), "paused by a test\n");
  }

  /** Lets the block producer make blocks again. Idempotent. */
  public void resumeBlockProduction() {
    deleteIfExists(options.devnetDir().resolve(PRODUCER_PAUSED));
  }

  /**
   * Stops the devnet's Ethereum node (anvil) gracefully: on SIGTERM it writes its state, so {@link
   * #startEthereum()} brings back the same chain. Transactions in its mempool are lost. The rest of
   * the devnet keeps running, and {@link #running} still finds it. Idempotent; works on a devnet
   * started by another process, through the state file.
   *
   * @throws DevnetException for a devnet without Ethereum, or when anvil had to be killed before it
   *     finished writing its state
   */
  public synchronized void stopEthereum() {
    final ObjectNode state = readState();
    final ObjectNode anvil = anvilRecord(state);
    final long pid = liveAnvilPid(anvil);
    // Out of the pid list first: the devnet counts as running while anvil is down.
    removePid(state, anvil.path("pid").asLong(0));
    writeState(options.devnetDir(), state);
    if (pid > 0 && !ChildProcess.stop(pid, ANVIL_STOP_TIMEOUT)) {
      anvil.put("pid", 0);
      writeState(options.devnetDir(), state);
      throw new DevnetException(
          "anvil (pid "
              + pid
              + ") did not exit within "
              + ANVIL_STOP_TIMEOUT.toSeconds()
              + " s of SIGTERM and was killed; its saved state may be older than its chain");
    }
    anvil.put("pid", 0);
    writeState(options.devnetDir(), state);
  }

  /**
   * Starts the devnet's anvil again with the same command (port and state directory), so it loads
   * the state it wrote when stopped, and waits until it listens. Records its new pid, so {@link
   * #stop} stops it. Idempotent: does nothing while anvil runs.
   */
  public synchronized void startEthereum() {
    final ObjectNode state = readState();
    final ObjectNode anvil = anvilRecord(state);
    if (liveAnvilPid(anvil) > 0) {
      return;
    }
    final List<String> command = new ArrayList<>();
    anvil.path("command").forEach(part -> command.add(part.asText()));
    final Path dir = options.devnetDir();
    // The old process's port may take a moment to be free again.
    final Instant deadline = Instant.now().plus(ANVIL_START_TIMEOUT);
    while (true) {
      final ChildProcess started =
          ChildProcess.start("anvil", command, dir, dir.resolve(ANVIL_LOG), true);
      // Recorded before it listens, so that a devnet down meanwhile stops it too.
      anvil.put("pid", started.pid());
      state.withArray("pids").add(started.pid());
      writeState(dir, state);
      try {
        started.awaitLog(ANVIL_START_TIMEOUT, ANVIL_LISTENING);
        return;
      } catch (DevnetException e) {
        started.stop();
        removePid(state, started.pid());
        anvil.put("pid", 0);
        writeState(dir, state);
        if (Instant.now().isAfter(deadline) || !bindFailed(dir.resolve(ANVIL_LOG))) {
          throw e;
        }
        sleep(500);
      }
    }
  }

  /**
   * Stops anvil and starts it again on the same port with its saved state (see {@link
   * #stopEthereum()}, {@link #startEthereum()}).
   */
  public void restartEthereum() {
    stopEthereum();
    startEthereum();
  }

  private static boolean bindFailed(final Path log) {
    try {
      final String text = Files.readString(log);
      return text.substring(Math.max(0, text.length() - 2000)).contains("in use");
    } catch (IOException e) {
      return false;
    }
  }

  public DevnetEndpoints endpoints() {
    return endpoints;
  }

  public Path configFile() {
    return configFile;
  }

  public Path dataDir() {
    return options.dataDir();
  }

  /** The deployed BeefyClient; empty without Ethereum. */
  public Optional<BeefyClientDeployment> beefyClient() {
    return BeefyClientDeployment.read(options.devnetDir());
  }

  /**
   * {@code {"chains": {...}, "contracts": {"beefyClient": "0x.."}, "config": "<path>"}}, as {@code
   * devnet up --json} prints.
   */
  public ObjectNode toJson() {
    final ObjectNode root = JSON.createObjectNode();
    root.set("chains", endpoints.toJson());
    final ObjectNode contracts = root.putObject("contracts");
    beefyClient().ifPresent(deployment -> contracts.put("beefyClient", deployment.address()));
    root.put("config", configFile.toString());
    return root;
  }

  @Override
  public void close() {
    stop(options.dataDir());
  }

  private void writeState(final long anvilPid, final List<String> anvilCommand) {
    final ObjectNode state = toJson();
    state.set(KUSAMA_CHOPSTICKS, endpoints.kusamaChopsticksJson());
    final ArrayNode pidArray = state.putArray("pids");
    pids.forEach(pidArray::add);
    if (!anvilCommand.isEmpty()) {
      final ObjectNode anvil = state.putObject(ANVIL).put("pid", anvilPid);
      anvilCommand.forEach(anvil.putArray("command")::add);
    }
    writeState(options.devnetDir(), state);
  }

  /**
   * Replaces the state file in one step, so another process reading it meanwhile sees the old
   * content or the new, never a part.
   */
  private static void writeState(final Path dir, final ObjectNode state) {
    final Path file = dir.resolve(STATE_FILE);
    final Path temporary = dir.resolve(STATE_FILE + ".tmp");
    try {
      JSON.writeValue(temporary.toFile(), state);
      Files.move(
          temporary,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new DevnetException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private ObjectNode readState() {
    final Path file = options.devnetDir().resolve(STATE_FILE);
    try {
      if (JSON.readTree(file.toFile()) instanceof ObjectNode state) {
        return state;
      }
      throw new DevnetException(file + " holds no devnet");
    } catch (IOException e) {
      throw new DevnetException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** anvil's record in the state file; fails for a devnet without Ethereum. */
  private static ObjectNode anvilRecord(final ObjectNode state) {
    if (state.get(ANVIL) instanceof ObjectNode anvil && anvil.path("command").size() > 0) {
      return anvil;
    }
    throw new DevnetException(
        "this devnet records no anvil (no Ethereum, or started before anvil was recorded)");
  }

  /**
   * The recorded anvil pid when it is alive and still anvil: a pid of an exited process may have
   * been handed to another one.
   */
  private static long liveAnvilPid(final ObjectNode anvil) {
    final long pid = anvil.path("pid").asLong(0);
    if (pid <= 0 || !ChildProcess.isAlive(pid)) {
      return 0;
    }
    // By name: the system reports the executable with links resolved.
    final String executable =
        Path.of(anvil.path("command").path(0).asText("anvil")).getFileName().toString();
    final Optional<String> command = ChildProcess.command(pid);
    return command.isEmpty() || Path.of(command.get()).getFileName().toString().equals(executable)
        ? pid
        : 0;
  }

  private static void removePid(final ObjectNode state, final long pid) {
    final ArrayNode pids = state.withArray("pids");
    for (int i = pids.size() - 1; i >= 0; i--) {
      if (pids.get(i).asLong() == pid) {
        pids.remove(i);
      }
    }
  }

  private static Pattern listening(final String chain) {
    return Pattern.compile(
        Pattern.quote(chain) + " RPC listening on http://127\\.0\\.0\\.1:(\\d+)");
  }

  /**
   * The voting node runs on this JVM's java with this JVM's class path (the relayer jar, or the
   * test class path), so it needs nothing installed and survives the launcher.
   */
  private static List<String> beefyVotingNodeCommand(final String upstreamWs, final int port) {
    final String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    return List.of(
        java,
        "-Xmx256m",
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-Djava.util.logging.SimpleFormatter.format=%1$tF %1$tT %4$s %3$s: %5$s%6$s%n",
        // Vert.x would log through SLF4J, which has no provider here: errors would vanish.
        "-Dvertx.logger-delegate-factory-class-name=io.vertx.core.logging.JULLogDelegateFactory",
        "-cp",
        absoluteClassPath(),
        BeefyVotingNode.class.getName(),
        "--upstream",
        upstreamWs,
        "--port",
        Integer.toString(port));
  }

  /** The node starts in the devnet directory, where relative entries would point elsewhere. */
  private static String absoluteClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * Waits until the voting node serves a justification: it reaches chopsticks, reads the runtime's
   * BEEFY state and the dev keys match the authorities.
   */
  private static void awaitFirstBeefyJustification(
      final ChildProcess beefy, final String endpoint) {
    final DevnetRpc rpc = new DevnetRpc();
    final Instant deadline = Instant.now().plus(BEEFY_START_TIMEOUT);
    String lastError = "";
    while (Instant.now().isBefore(deadline)) {
      try {
        if (rpc.call(endpoint, "beefy_getFinalizedHead").isTextual()) {
          return;
        }
      } catch (DevnetException e) {
        lastError = e.getMessage();
      }
      if (!ChildProcess.isAlive(beefy.pid())) {
        throw new DevnetException("the BEEFY voting node exited; see " + beefy.log());
      }
      sleep(200);
    }
    throw new DevnetException(
        "the BEEFY voting node signed no block within "
            + BEEFY_START_TIMEOUT.toSeconds()
            + " s ("
            + lastError
            + "); see "
            + beefy.log());
  }

  private static void sleep(final long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevnetException("interrupted");
    }
  }

  private static void fundDevAccounts(final String kusamaHttp, final String assetHubHttp) {
    final DevnetRpc rpc = new DevnetRpc();
    final List<Object> accounts = new ArrayList<>();
    for (final String id : DevAccounts.accountIds()) {
      accounts.add(
          List.of(
              List.of(id), Map.of("providers", 1, "data", Map.of("free", DevAccounts.FUNDING))));
    }
    final Map<String, Object> storage = Map.of("System", Map.of("Account", accounts));
    rpc.call(kusamaHttp, "dev_setStorage", storage);
    rpc.call(assetHubHttp, "dev_setStorage", storage);
  }

  private static void writeChainConfig(final Path file, final Path genesis, final int port) {
    write(
        file,
        "genesis: "
            + genesis
            + "\nhost: 127.0.0.1\nport: "
            + port
            + "\nbuild-block-mode: Instant\n");
  }

  /**
   * Writes {@code <devnet dir>/relayer.yaml}, a relayer configuration for this devnet in the config
   * module's schema: its chains under their devnet presets, an SQLite store in the devnet directory
   * (its checkpoints belong to this devnet's chains), a {@code beefy-finality} route on Kusama and
   * {@code xcm-tracker} routes both ways between Kusama and Asset Hub. With a BeefyClient, also a
   * {@code kusama -> ethereum} BEEFY route signed by a public anvil dev key kept in a file beside
   * the config.
   *
   * @return the absolute path of the file
   */
  public static Path writeRelayerConfig(
      final DevnetOptions options, final DevnetEndpoints endpoints) {
    return writeRelayerConfig(options, endpoints, Optional.empty());
  }

  /**
   * As {@link #writeRelayerConfig(DevnetOptions, DevnetEndpoints)}, noting the devnet's BeefyClient
   * address (as a comment until a beefy-to-ethereum route, which names its contract, is
   * configured).
   */
  public static Path writeRelayerConfig(
      final DevnetOptions options,
      final DevnetEndpoints endpoints,
      final Optional<BeefyClientDeployment> beefyClient) {
    final Path dir = options.devnetDir();
    final StringBuilder yaml = new StringBuilder();
    yaml.append("# Generated by `bin/relayer devnet up` for this devnet.\n");
    beefyClient.ifPresent(
        deployment ->
            yaml.append("# BeefyClient on the devnet's Ethereum: ")
                .append(deployment.address())
                .append('\n'));
    yaml.append("# Check it with: bin/relayer config check ")
        .append(dir.resolve("relayer.yaml").toAbsolutePath())
        .append("\n");
    yaml.append("data-dir: ").append(quoted(options.dataDir().toAbsolutePath())).append('\n');
    yaml.append("store:\n  kind: sqlite\n  path: ")
        .append(quoted(dir.resolve("relayer.db").toAbsolutePath()))
        .append('\n');
    yaml.append("chains:\n");
    appendChain(yaml, "kusama", endpoints.kusamaWs());
    appendChain(yaml, "asset-hub-kusama", endpoints.assetHubWs());
    if (endpoints.ethereumHttp() != null) {
      appendChain(yaml, "ethereum", endpoints.ethereumWs(), endpoints.ethereumHttp());
    }
    createDirectories(dir);
    // A signer (a public anvil dev key, in a file beside this config) and the kusama -> ethereum
    // BEEFY route keep the devnet's BeefyClient in sync out of the box.
    if (beefyClient.isPresent() && endpoints.ethereumHttp() != null) {
      final Path keyFile = dir.resolve("ethereum-relayer.key");
      write(
          keyFile,
          DevnetEthereumAccounts.ACCOUNTS.get(DevnetEthereumAccounts.BEEFY_RELAYER).privateKey()
              + "\n");
      ownerOnly(keyFile);
      yaml.append("signers:\n  ethereum-relayer:\n    chain: ethereum\n    scheme: ethereum\n")
          .append("    key-file: ")
          .append(quoted(keyFile.toAbsolutePath()))
          .append('\n');
    }
    yaml.append("routes:\n  kusama-beefy:\n    kind: beefy-finality\n    source: kusama\n");
    // XCM journeys both ways between the relay chain and Asset Hub.
    yaml.append(
        "  kusama-to-asset-hub:\n    kind: xcm-tracker\n    source: kusama\n"
            + "    target: asset-hub-kusama\n");
    yaml.append(
        "  asset-hub-to-kusama:\n    kind: xcm-tracker\n    source: asset-hub-kusama\n"
            + "    target: kusama\n");
    if (beefyClient.isPresent() && endpoints.ethereumHttp() != null) {
      yaml.append("  kusama-to-ethereum:\n    kind: beefy-to-ethereum\n    source: kusama\n")
          .append("    target: ethereum\n    signer: ethereum-relayer\n    contract: ")
          .append(quoted(beefyClient.get().address()))
          .append("\n    protocol: fiat-shamir\n    min-interval: ")
          .append(BEEFY_MIN_INTERVAL)
          .append('\n');
    }
    final Path file = dir.resolve("relayer.yaml");
    write(file, yaml.toString());
    return file.toAbsolutePath();
  }

  private static void appendChain(
      final StringBuilder yaml, final String name, final String... endpoints) {
    yaml.append("  ").append(name).append(":\n    preset: devnet\n    endpoints: [");
    for (int i = 0; i < endpoints.length; i++) {
      yaml.append(i == 0 ? "" : ", ").append(quoted(endpoints[i]));
    }
    yaml.append("]\n");
  }

  /** A YAML double-quoted scalar: JSON's string syntax is a subset of it. */
  private static String quoted(final Object value) {
    try {
      return JSON.writeValueAsString(value.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new DevnetException("no free port on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  /** A key file must not be readable by other users (the config check warns otherwise). */
  private static void ownerOnly(final Path file) {
    try {
      Files.setPosixFilePermissions(
          file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the config check's warning says what to do.
    } catch (IOException e) {
      throw new DevnetException("cannot make " + file + " readable by its owner only", e);
    }
  }

  private static void createDirectories(final Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new DevnetException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void deleteTree(final Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
      for (final Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new DevnetException("cannot delete " + root + ": " + e.getMessage(), e);
    }
  }

  private static void deleteIfExists(final Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new DevnetException("cannot delete " + file + ": " + e.getMessage(), e);
    }
  }

  private static void write(final Path file, final String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new DevnetException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
