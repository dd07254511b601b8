package io.xrelay.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay to the database that can go silent without closing anything: what a half-dead network
 * looks like to a client, where only a timed check can tell the connection is gone. A side that
 * closes still closes the other, so the server notices when the client gives up.
 */
public final class FreezableTcpProxy {
  private final Vertx vertx;
  private final String targetHost;
  private final int targetPort;
  private final List<NetSocket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean frozen;
  private NetServer server;
  private NetClient client;

  public FreezableTcpProxy(final Vertx vertx, final String targetHost, final int targetPort) {
    this.vertx = vertx;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  public Future<Integer> start() {
    client = vertx.createNetClient();
    server =
        vertx
            .createNetServer()
            .connectHandler(
                front -> {
                  front.pause();
                  client
                      .connect(targetPort, targetHost)
                      .onSuccess(
                          back -> {
                            sockets.add(front);
                            sockets.add(back);
                            front.handler(
                                bytes -> {
                                  if (!frozen) {
                                    back.write(bytes);
                                  }
                                });
                            back.handler(
                                bytes -> {
                                  if (!frozen) {
                                    front.write(bytes);
                                  }
                                });
                            front.closeHandler(ignored -> back.close());
                            back.closeHandler(ignored -> front.close());
                            front.resume();
                          })
                      .onFailure(ignored -> front.close());
                });
    return server.listen(0, "127.0.0.1").map(NetServer::actualPort);
  }

  /** From now on, bytes in either direction are dropped; the sockets stay open. */
  public void freeze() {
    frozen = true;
  }

  public Future<Void> close() {
    sockets.forEach(NetSocket::close);
    return server.close().compose(ignored -> client.close());
  }
}
