package io.xrelay.testing;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A loopback TCP proxy whose connections a test can cut, to break a real node's WebSocket. */
public final class TcpProxy implements AutoCloseable {
  private final Vertx vertx;
  private final NetClient client;
  private final int targetPort;
  private final List<NetSocket> sockets = new CopyOnWriteArrayList<>();
  private NetServer server;
  private int port;

  private TcpProxy(final Vertx vertx, final NetClient client, final int targetPort) {
    this.vertx = vertx;
    this.client = client;
    this.targetPort = targetPort;
  }

  public static TcpProxy start(final Vertx vertx, final int targetPort) throws Exception {
    final TcpProxy proxy = new TcpProxy(vertx, vertx.createNetClient(), targetPort);
    proxy.listen(0);
    return proxy;
  }

  /** Stops listening and cuts every connection: to a client, the node is down. */
  public void goDown() throws Exception {
    cutConnections();
    server.close().await(10, TimeUnit.SECONDS);
  }

  /** Listens again on the same port: the node is back. */
  public void comeBack() throws Exception {
    listen(port);
  }

  private void listen(final int wanted) throws Exception {
    final TcpProxy proxy = this;
    final NetServer server = vertx.createNetServer();
    server.connectHandler(
        inbound -> {
          inbound.pause();
          client
              .connect(proxy.targetPort, "127.0.0.1")
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
    server.listen(wanted, "127.0.0.1").await(10, TimeUnit.SECONDS);
    this.server = server;
    this.port = server.actualPort();
  }

  public int port() {
    return port;
  }

  /** Closes every connection through the proxy; new ones are accepted again. */
  public void cutConnections() {
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
