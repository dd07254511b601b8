package io.xrelay.substrate.client;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A loopback TCP proxy whose connections a test can cut, to break a real node's WebSocket. */
final class TcpProxy implements AutoCloseable {
  private final Vertx vertx;
  private final NetServer server;
  private final NetClient client;
  private final List<NetSocket> sockets = new CopyOnWriteArrayList<>();

  private TcpProxy(final Vertx vertx, final NetServer server, final NetClient client) {
    this.vertx = vertx;
    this.server = server;
    this.client = client;
  }

  static TcpProxy start(final Vertx vertx, final int targetPort) throws Exception {
    final NetClient client = vertx.createNetClient();
    final NetServer server = vertx.createNetServer();
    final TcpProxy proxy = new TcpProxy(vertx, server, client);
    server.connectHandler(
        inbound -> {
          inbound.pause();
          client
              .connect(targetPort, "127.0.0.1")
              .onSuccess(
                  outbound -> {
                    proxy.sockets.add(inbound);
                    proxy.sockets.add(outbound);
                    inbound.handler(outbound::write);
                    outbound.handler(inbound::write);
                    inbound.closeHandler(v -> outbound.close());
                    outbound.closeHandler(v -> inbound.close());
                    inbound.resume();
                  })
              .onFailure(error -> inbound.close());
        });
    server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    return proxy;
  }

  int port() {
    return server.actualPort();
  }

  /** Closes every connection through the proxy; new ones are accepted again. */
  void cutConnections() {
    for (final NetSocket socket : sockets) {
      socket.close();
    }
    sockets.clear();
  }

  @Override
  public void close() throws Exception {
    cutConnections();
    server.close().await(10, TimeUnit.SECONDS);
    client.close().await(10, TimeUnit.SECONDS);
  }
}
