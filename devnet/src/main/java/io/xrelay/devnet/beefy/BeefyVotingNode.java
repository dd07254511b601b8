package io.xrelay.devnet.beefy;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The devnet's BEEFY voting node: plays the relay chain's BEEFY validators for chopsticks (which
 * runs the real runtime but no BEEFY voting) and serves their justifications in front of it, the
 * way a Polkadot node does. The devnet runs it as a process of its own, so it outlives {@code
 * devnet up --detach}:
 *
 * <pre>
 * java -cp &lt;class path&gt; io.xrelay.devnet.beefy.BeefyVotingNode --upstream ws://127.0.0.1:P
 *     [--port 0] [--window 500] [--validators //Alice,//Bob]
 * </pre>
 *
 * <p>It prints {@value #LISTENING} followed by its HTTP endpoint once it listens (port 0 picks a
 * free one). Everything runs on one Vert.x event loop.
 */
public final class BeefyVotingNode extends VerticleBase {
  /** The log line that says where the node listens; the devnet reads the port back from it. */
  public static final String LISTENING = "BEEFY voting node listening on ";

  private static final System.Logger LOG = System.getLogger(BeefyVotingNode.class.getName());
  private static final String HOST = "127.0.0.1";

  private final Settings settings;
  private UpstreamRpc upstream;
  private HttpServer server;

  BeefyVotingNode(final Settings settings) {
    this.settings = settings;
  }

  /** What to run: where chopsticks is, which port to take, how many blocks to keep, which keys. */
  record Settings(String upstreamWs, int port, int window, List<String> validators) {
    static Settings parse(final String[] args) {
      String upstream = null;
      int port = 0;
      int window = 500;
      List<String> validators = DevValidators.DEV_URIS;
      for (int i = 0; i < args.length; i++) {
        final String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--upstream" -> upstream = value;
          case "--port" -> port = Integer.parseInt(require(args[i], value));
          case "--window" -> window = Integer.parseInt(require(args[i], value));
          case "--validators" -> validators = Arrays.asList(require(args[i], value).split(","));
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
        i++;
      }
      if (upstream == null || !upstream.startsWith("ws://")) {
        throw new IllegalArgumentException("--upstream ws://host:port (chopsticks) is required");
      }
      return new Settings(upstream, port, window, List.copyOf(validators));
    }

    private static String require(final String option, final String value) {
      if (value == null) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return value;
    }
  }

  public static void main(final String[] args) throws InterruptedException {
    final Settings settings;
    try {
      settings = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("BeefyVotingNode: " + e.getMessage());
      System.exit(2);
      return;
    }
    final Vertx vertx = Vertx.vertx();
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    vertx.close().await(10, TimeUnit.SECONDS);
                  } catch (TimeoutException e) {
                    // stopping anyway: the process exits after this hook
                  }
                  stopped.countDown();
                },
                "beefy-voting-node-stop"));
    vertx
        .deployVerticle(new BeefyVotingNode(settings))
        .onFailure(
            error -> {
              System.err.println("BeefyVotingNode did not start: " + error.getMessage());
              System.exit(1);
            });
    stopped.await();
  }

  @Override
  public Future<?> start() {
    final WebSocketClient webSockets =
        vertx.createWebSocketClient(
            new WebSocketClientOptions()
                .setMaxMessageSize(BeefyRpcFront.MAX_MESSAGE_BYTES)
                .setMaxFrameSize(16 << 20)
                .setConnectTimeout(10_000));
    final JustificationWindow window = new JustificationWindow(settings.window());
    upstream = new UpstreamRpc(vertx, webSockets, settings.upstreamWs(), Duration.ofSeconds(60));
    final PayloadFault fault = new PayloadFault();
    final BeefyVoter voter =
        new BeefyVoter(
            upstream,
            new RuntimeStateReader(upstream),
            DevValidators.of(settings.validators()),
            window,
            fault);
    final BeefyRpcFront front =
        new BeefyRpcFront(
            vertx.createHttpClient(new HttpClientOptions()),
            webSockets,
            settings.upstreamWs(),
            new BeefyRpcMethods(window, fault),
            window);
    return front
        .listen(vertx, BeefyRpcFront.serverOptions(HOST, settings.port()))
        .onSuccess(
            listening -> {
              server = listening;
              voter.start();
              LOG.log(
                  System.Logger.Level.INFO,
                  LISTENING
                      + "http://"
                      + HOST
                      + ":"
                      + listening.actualPort()
                      + " and ws://"
                      + HOST
                      + ":"
                      + listening.actualPort()
                      + " in front of "
                      + settings.upstreamWs()
                      + ", signing with "
                      + settings.validators());
            });
  }

  @Override
  public Future<?> stop() {
    if (upstream != null) {
      upstream.close();
    }
    return server == null ? Future.succeededFuture() : server.close();
  }
}
