package io.xrelay.relayer.route.beefy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.ethereum.beefy.BeefyClient;
import io.xrelay.ethereum.rpc.BlockTag;
import io.xrelay.ethereum.rpc.HttpEthereumRpc;
import io.xrelay.testing.LoopbackPorts;
import io.xrelay.testing.TcpProxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection to the Ethereum node is cut in the middle of an interactive submission while the
 * node itself runs on: a TCP proxy in front of anvil refuses connections and cuts sockets for a
 * while, right after {@code submitInitial} landed. The route must finish the update afterwards,
 * with one {@code NewMMRRoot} for its block. A real anvil restart (same chain, mempool lost) is
 * {@link BeefyAnvilRestartIT}.
 */
class BeefyEthereumOutageIT {
  @TempDir Path dir;

  @Test
  void shouldFinishTheInteractiveUpdateAfterTheEthereumEndpointWasDownMidSubmissionViaAProxy()
      throws Exception {
    final Devnet devnet = SharedDevnet.get();
    final Vertx proxyVertx = Vertx.vertx();
    final URI anvil = URI.create(devnet.endpoints().ethereumHttp());
    final TcpProxy proxy = TcpProxy.start(proxyVertx, anvil.getPort());
    final int port = proxy.port();
    final int httpPort = LoopbackPorts.free();
    InProcessRelayer relayer = null;
    try {
      final Path file = DevnetBeefyRelay.writeConfig(devnet, dir, "interactive", 6, 3, httpPort);
      // The same config, but Ethereum through the proxy.
      Files.writeString(
          file,
          Files.readString(file)
              .replace(devnet.endpoints().ethereumHttp(), "http://127.0.0.1:" + port));
      relayer = InProcessRelayer.startWith(file, httpPort);
      final InProcessRelayer running = relayer;

      // Down as soon as a ticket exists: the relayer is then in the interactive wait.
      final BeefyClient direct =
          new BeefyClient(
              HttpEthereumRpc.create(
                  proxyVertx, HttpEthereumRpc.Options.of(List.of(anvil.toString()))),
              devnet.beefyClient().orElseThrow().address());
      final long before = direct.latestBeefyBlock(BlockTag.LATEST).await(10, TimeUnit.SECONDS);
      final Path db = dir.resolve("relayer.db");
      BeefyToEthereumRouteIT.awaitThat(() -> ticketCheckpoint(db), Duration.ofMinutes(4));
      proxy.goDown();
      Thread.sleep(8_000);
      proxy.comeBack();

      BeefyToEthereumRouteIT.awaitThat(
          () -> running.submissions("accepted") >= 1, Duration.ofMinutes(4));
      final long latest = direct.latestBeefyBlock(BlockTag.LATEST).await(10, TimeUnit.SECONDS);
      assertThat(latest).isGreaterThan(before);
      assertThat(DevnetBeefyRelay.newMmrRootEvents(devnet, latest)).isEqualTo(1);
      assertThat(relayer.submissions("reverted")).isZero();
      // The relayer met the outage (a transient failure), then finished from its ticket.
      assertThat(relayer.submissions("failed")).isPositive();
    } finally {
      if (relayer != null) {
        relayer.stop();
      }
      proxyVertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** Whether the route recorded a landed {@code submitInitial} (its checkpoint) in its store. */
  private static boolean ticketCheckpoint(final Path db) {
    try (java.sql.Connection connection =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) FROM checkpoints WHERE name LIKE '%/initial'")) {
      return rows.next() && rows.getLong(1) > 0;
    } catch (java.sql.SQLException e) {
      return false;
    }
  }
}
