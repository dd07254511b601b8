package io.xrelay.substrate.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.testing.TcpProxy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The stream against the real devnet while blocks are built: its WebSocket is cut three times, then
 * the node refuses connections for five seconds (as during a restart) and comes back on the same
 * port.
 */
class FinalizedBlockStreamIT {

  @Test
  void shouldDeliverEveryBlockOnceInOrderAcrossCutConnections() throws Exception {
    final Devnet devnet = SharedDevnet.get();
    final Vertx vertx = Vertx.vertx();
    try (TcpProxy proxy =
        TcpProxy.start(vertx, URI.create(devnet.endpoints().kusamaWs()).getPort())) {
      final WebSocketRpcClient rpc =
          Await.result(
              WebSocketRpcClient.connect(
                  vertx,
                  WebSocketRpcClient.Options.of(List.of("ws://127.0.0.1:" + proxy.port()))
                      .withReconnect(Duration.ofMillis(100), Duration.ofMillis(500))
                      .withRequestTimeout(Duration.ofSeconds(10))));
      final SubstrateClient client = new SubstrateClient(rpc);
      final long head = Await.result(client.header(Await.result(client.finalizedHead()))).number();
      final long checkpoint =
          Math.max(0, head - 3); // start behind the head: the stream must backfill
      final List<Long> delivered = new CopyOnWriteArrayList<>();
      final FinalizedBlockStream stream =
          new FinalizedBlockStream(
              vertx, client, checkpoint, block -> delivered.add(block.number()));
      Await.result(stream.start());

      for (int cut = 0; cut < 3; cut++) {
        waitFor(() -> delivered.size() >= 2, Duration.ofSeconds(30));
        final int before = delivered.size();
        proxy.cutConnections();
        // Blocks keep coming while the client is away; it must fetch them after reconnecting.
        Thread.sleep(3_000);
        waitFor(() -> delivered.size() > before + 1, Duration.ofSeconds(60));
      }
      // The node goes away for a while (refusing connections, as a restarting node does) and
      // returns.
      final int beforeOutage = delivered.size();
      proxy.goDown();
      Thread.sleep(5_000);
      proxy.comeBack();
      waitFor(() -> delivered.size() > beforeOutage + 2, Duration.ofSeconds(60));
      Await.result(stream.stop());

      assertThat(rpc.reconnects()).isGreaterThanOrEqualTo(4);
      assertThat(delivered.get(0)).isEqualTo(checkpoint + 1);
      for (int i = 1; i < delivered.size(); i++) {
        assertThat(delivered.get(i))
            .as("block after %d", delivered.get(i - 1))
            .isEqualTo(delivered.get(i - 1) + 1);
      }
      Await.result(rpc.close());
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static void waitFor(
      final java.util.function.BooleanSupplier condition, final Duration timeout)
      throws InterruptedException {
    final Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(100);
    }
  }
}
