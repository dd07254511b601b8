package io.xrelay.devnet.beefy;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The voter's own JSON-RPC connection to chopsticks: calls, subscriptions, and a reconnect one
 * second after the socket drops (after which {@code onConnected} runs again, so the voter
 * subscribes anew). Used on one Vert.x context.
 */
final class UpstreamRpc {
  private static final System.Logger LOG = System.getLogger(UpstreamRpc.class.getName());
  private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

  private final Vertx vertx;
  private final WebSocketClient client;
  private final String endpoint;
  private final Duration timeout;
  private final Map<Long, PendingCall> pending = new HashMap<>();
  private final Map<String, Handler<Object>> subscriptions = new HashMap<>();
  private Handler<Void> onConnected = v -> {};
  private WebSocket socket;
  private long nextId;
  private boolean closed;

  UpstreamRpc(
      final Vertx vertx,
      final WebSocketClient client,
      final String endpoint,
      final Duration timeout) {
    this.vertx = vertx;
    this.client = client;
    this.endpoint = endpoint;
    this.timeout = timeout;
  }

  String endpoint() {
    return endpoint;
  }

  /** Connects, and calls {@code onConnected} after this and every later reconnect. */
  void start(final Handler<Void> onConnected) {
    this.onConnected = onConnected;
    connect();
  }

  void close() {
    closed = true;
    if (socket != null) {
      socket.close();
    }
  }

  Future<Object> call(final String method, final Object... params) {
    if (socket == null) {
      return Future.failedFuture(new UpstreamException(method, "not connected to " + endpoint));
    }
    final long id = ++nextId;
    final Promise<Object> promise = Promise.promise();
    pending.put(id, new PendingCall(method, promise));
    final long timer =
        vertx.setTimer(
            timeout.toMillis(),
            t -> {
              if (pending.remove(id) != null) {
                promise.tryFail(
                    new UpstreamException(
                        method, "no reply within " + timeout.toSeconds() + " s from " + endpoint));
              }
            });
    socket.writeTextMessage(
        new JsonObject()
            .put("jsonrpc", "2.0")
            .put("id", id)
            .put("method", method)
            .put("params", new JsonArray(List.of(params)))
            .encode());
    return promise.future().andThen(done -> vertx.cancelTimer(timer));
  }

  /** Subscribes; every notification's result goes to {@code handler}. */
  Future<String> subscribe(final String method, final Handler<Object> handler) {
    return call(method)
        .map(
            id -> {
              final String subscription = String.valueOf(id);
              subscriptions.put(subscription, handler);
              return subscription;
            });
  }

  private void connect() {
    if (closed) {
      return;
    }
    client
        .connect(new WebSocketConnectOptions().setAbsoluteURI(endpoint))
        .onComplete(
            result -> {
              if (result.failed()) {
                LOG.log(
                    System.Logger.Level.WARNING,
                    "cannot connect to " + endpoint + ": " + result.cause().getMessage());
                vertx.setTimer(RECONNECT_DELAY.toMillis(), t -> connect());
                return;
              }
              socket = result.result();
              socket.textMessageHandler(this::onMessage);
              socket.closeHandler(v -> onClose());
              LOG.log(System.Logger.Level.INFO, "connected to " + endpoint);
              onConnected.handle(null);
            });
  }

  private void onClose() {
    socket = null;
    subscriptions.clear();
    final List<PendingCall> inFlight = new ArrayList<>(pending.values());
    pending.clear();
    inFlight.forEach(
        call ->
            call.promise()
                .tryFail(
                    new UpstreamException(
                        call.method(), "connection to " + endpoint + " closed before the reply")));
    if (!closed) {
      LOG.log(System.Logger.Level.WARNING, "connection to " + endpoint + " closed; reconnecting");
      vertx.setTimer(RECONNECT_DELAY.toMillis(), t -> connect());
    }
  }

  private void onMessage(final String text) {
    final JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (DecodeException e) {
      LOG.log(System.Logger.Level.WARNING, "not a JSON object from " + endpoint + ": " + text);
      return;
    }
    if (message.getValue("params") instanceof JsonObject params
        && params.containsKey("subscription")) {
      final Handler<Object> handler =
          subscriptions.get(String.valueOf(params.getValue("subscription")));
      if (handler != null) {
        handler.handle(params.getValue("result"));
      }
      return;
    }
    if (!(message.getValue("id") instanceof Number id)) {
      return;
    }
    final PendingCall call = pending.remove(id.longValue());
    if (call == null) {
      return;
    }
    if (message.getValue("error") instanceof JsonObject error) {
      call.promise().fail(new UpstreamException(call.method(), "error " + error.encode()));
    } else {
      call.promise().complete(message.getValue("result"));
    }
  }

  private record PendingCall(String method, Promise<Object> promise) {}
}
