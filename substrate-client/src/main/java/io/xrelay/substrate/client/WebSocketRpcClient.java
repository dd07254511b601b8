package io.xrelay.substrate.client;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON-RPC 2.0 over a Vert.x WebSocket, with several endpoints for one chain. When the connection
 * drops it fails the calls in flight (retryably), reconnects to the next endpoint after an
 * exponential backoff with full jitter, subscribes again to everything that was subscribed, and
 * then tells {@link #onReconnect} listeners so they can fetch what was missed.
 *
 * <p>All state lives on one Vert.x context; public methods may be called from any thread. A reply
 * of the wrong shape, to an unknown id, or that is not JSON at all is counted and dropped without
 * disturbing other calls.
 */
public final class WebSocketRpcClient implements JsonRpcClient {
  private static final System.Logger LOG = System.getLogger(WebSocketRpcClient.class.getName());
  private static final int MAX_EARLY_NOTIFICATIONS = 256;

  /** How to connect. Durations must be positive; endpoints are ws:// or wss:// URLs. */
  public record Options(
      List<String> endpoints,
      Duration requestTimeout,
      Duration connectTimeout,
      Duration reconnectBase,
      Duration reconnectCap,
      int maxMessageBytes) {

    public Options {
      if (endpoints.isEmpty()) {
        throw new IllegalArgumentException("at least one endpoint is needed");
      }
      for (final String endpoint : endpoints) {
        if (!endpoint.startsWith("ws://") && !endpoint.startsWith("wss://")) {
          throw new IllegalArgumentException(endpoint + " is not a ws:// or wss:// URL");
        }
      }
      endpoints = List.copyOf(endpoints);
    }

    public static Options of(final List<String> endpoints) {
      return new Options(
          endpoints,
          Duration.ofSeconds(30),
          Duration.ofSeconds(10),
          Duration.ofMillis(250),
          Duration.ofSeconds(30),
          64 << 20);
    }

    public Options withRequestTimeout(final Duration timeout) {
      return new Options(
          endpoints, timeout, connectTimeout, reconnectBase, reconnectCap, maxMessageBytes);
    }

    public Options withReconnect(final Duration base, final Duration cap) {
      return new Options(endpoints, requestTimeout, connectTimeout, base, cap, maxMessageBytes);
    }
  }

  private enum State {
    CONNECTING,
    OPEN,
    CLOSED
  }

  private record Pending(String method, Promise<Object> promise, long timer) {}

  private static final class Subscription implements RpcSubscription {
    private final WebSocketRpcClient client;
    private final String subscribeMethod;
    private final String unsubscribeMethod;
    private final JsonArray params;
    private final Handler<Object> handler;
    private String serverId;
    private boolean active = true;

    Subscription(
        final WebSocketRpcClient client,
        final String subscribeMethod,
        final String unsubscribeMethod,
        final JsonArray params,
        final Handler<Object> handler) {
      this.client = client;
      this.subscribeMethod = subscribeMethod;
      this.unsubscribeMethod = unsubscribeMethod;
      this.params = params;
      this.handler = handler;
    }

    @Override
    public Future<Void> unsubscribe() {
      return client.unsubscribe(this);
    }
  }

  private final Vertx vertx;
  private final Context context;
  private final Options options;
  private final WebSocketClient webSockets;
  private final Map<Long, Pending> pending = new HashMap<>();
  private final ArrayDeque<Long> unsent = new ArrayDeque<>();
  private final Map<Long, String> unsentText = new HashMap<>();
  private final List<Subscription> subscriptions = new ArrayList<>();
  private final Map<String, Subscription> byServerId = new HashMap<>();
  private final Map<String, List<Object>> earlyNotifications = new LinkedHashMap<>();
  private final List<Runnable> reconnectListeners = new ArrayList<>();
  private final AtomicLong droppedMessages = new AtomicLong();
  private final AtomicLong reconnects = new AtomicLong();
  private final Promise<Void> firstConnection = Promise.promise();

  private volatile State state = State.CONNECTING;
  private WebSocket socket;
  private int endpointIndex;
  private int failedAttempts;
  private long nextId = 1;
  private boolean connectedBefore;

  private WebSocketRpcClient(final Vertx vertx, final Options options) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.options = options;
    this.webSockets =
        vertx.createWebSocketClient(
            new WebSocketClientOptions()
                .setMaxMessageSize(options.maxMessageBytes())
                .setMaxFrameSize(Math.min(options.maxMessageBytes(), 16 << 20))
                .setConnectTimeout((int) options.connectTimeout().toMillis()));
  }

  /**
   * Creates a client and starts connecting. The future completes at the first successful
   * connection; until then calls wait (up to their timeout) rather than fail.
   */
  public static Future<WebSocketRpcClient> connect(final Vertx vertx, final Options options) {
    final WebSocketRpcClient client = new WebSocketRpcClient(vertx, options);
    client.context.runOnContext(v -> client.open());
    return client.firstConnection.future().map(client);
  }

  /** Replies that were dropped: not JSON, of the wrong shape, or to an id nobody waits for. */
  public long droppedMessages() {
    return droppedMessages.get();
  }

  public long reconnects() {
    return reconnects.get();
  }

  /** Whether a connection is open now. */
  public boolean isConnected() {
    return state == State.OPEN;
  }

  @Override
  public String currentEndpoint() {
    return options.endpoints().get(endpointIndex);
  }

  // ---- connection ----

  private void open() {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CONNECTING;
    final String endpoint = currentEndpoint();
    webSockets
        .connect(new WebSocketConnectOptions().setAbsoluteURI(endpoint))
        .onComplete(
            result -> {
              if (state == State.CLOSED) {
                if (result.succeeded()) {
                  result.result().close();
                }
                return;
              }
              if (result.failed()) {
                LOG.log(
                    System.Logger.Level.DEBUG,
                    "cannot connect to " + endpoint + ": " + result.cause().getMessage());
                scheduleReconnect();
                return;
              }
              onOpen(result.result());
            });
  }

  private void onOpen(final WebSocket webSocket) {
    socket = webSocket;
    state = State.OPEN;
    failedAttempts = 0;
    webSocket.textMessageHandler(this::onMessage);
    webSocket.exceptionHandler(
        error -> LOG.log(System.Logger.Level.DEBUG, currentEndpoint() + ": " + error.getMessage()));
    webSocket.closeHandler(v -> onClose(webSocket));
    while (!unsent.isEmpty()) {
      final long id = unsent.poll();
      final String text = unsentText.remove(id);
      if (text != null && pending.containsKey(id)) {
        webSocket.writeTextMessage(text);
      }
    }
    if (!connectedBefore) {
      connectedBefore = true;
      firstConnection.tryComplete();
      return;
    }
    reconnects.incrementAndGet();
    resubscribeAll().onComplete(v -> reconnectListeners.forEach(Runnable::run));
  }

  private void onClose(final WebSocket closed) {
    if (closed != socket || state == State.CLOSED) {
      return;
    }
    socket = null;
    byServerId.clear();
    final List<Pending> inFlight = new ArrayList<>(pending.values());
    pending.clear();
    unsent.clear();
    unsentText.clear();
    for (final Pending call : inFlight) {
      vertx.cancelTimer(call.timer());
      call.promise()
          .tryFail(
              new RpcException(
                  RpcException.Kind.CONNECTION,
                  call.method(),
                  "connection to " + currentEndpoint() + " closed before the reply"));
    }
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CONNECTING;
    failedAttempts++;
    endpointIndex = (endpointIndex + 1) % options.endpoints().size();
    vertx.setTimer(backoff(failedAttempts), id -> open());
  }

  /** Full jitter: a random delay up to base * 2^(attempt-1), capped; never a busy loop. */
  private long backoff(final int attempt) {
    final long base = options.reconnectBase().toMillis();
    final long ceiling =
        Math.min(options.reconnectCap().toMillis(), base << Math.min(attempt - 1, 20));
    return Math.max(10, ThreadLocalRandom.current().nextLong(ceiling + 1));
  }

  private Future<Void> resubscribeAll() {
    final List<Future<Object>> resubscribed = new ArrayList<>();
    for (final Subscription subscription : subscriptions) {
      subscription.serverId = null;
      resubscribed.add(
          send(subscription.subscribeMethod, subscription.params)
              .onSuccess(id -> register(subscription, id))
              .onFailure(
                  error ->
                      LOG.log(
                          System.Logger.Level.WARNING,
                          "cannot subscribe again with "
                              + subscription.subscribeMethod
                              + ": "
                              + error.getMessage())));
    }
    return Future.join(resubscribed).mapEmpty();
  }

  // ---- calls ----

  @Override
  public Future<Object> call(final String method, final JsonArray params) {
    final Promise<Object> promise = Promise.promise();
    context.runOnContext(v -> send(method, params).onComplete(promise));
    return promise.future();
  }

  @Override
  public Future<List<Object>> batch(final List<Request> requests) {
    final Promise<List<Object>> promise = Promise.promise();
    context.runOnContext(
        v -> {
          if (requests.isEmpty()) {
            promise.complete(List.of());
            return;
          }
          final JsonArray batch = new JsonArray();
          final List<Future<Object>> replies = new ArrayList<>();
          final List<Long> ids = new ArrayList<>();
          for (final Request request : requests) {
            final long id = nextId++;
            ids.add(id);
            batch.add(request(id, request.method(), request.params()));
            replies.add(register(id, request.method()));
          }
          write(ids.get(0), batch.encode(), ids);
          Future.all(replies)
              .map(
                  all -> {
                    final List<Object> results = new ArrayList<>(all.size());
                    for (int i = 0; i < all.size(); i++) {
                      results.add(all.resultAt(i));
                    }
                    return results;
                  })
              .onComplete(promise);
        });
    return promise.future();
  }

  /** Must run on the context. */
  private Future<Object> send(final String method, final JsonArray params) {
    final long id = nextId++;
    final Future<Object> reply = register(id, method);
    write(id, request(id, method, params).encode(), List.of(id));
    return reply;
  }

  private Future<Object> register(final long id, final String method) {
    if (state == State.CLOSED) {
      return Future.failedFuture(
          new RpcException(RpcException.Kind.CLOSED, method, "the client is closed"));
    }
    final Promise<Object> promise = Promise.promise();
    final long timer =
        vertx.setTimer(
            options.requestTimeout().toMillis(),
            t -> {
              final Pending timedOut = pending.remove(id);
              if (timedOut != null) {
                unsentText.remove(id);
                timedOut
                    .promise()
                    .tryFail(
                        new RpcException(
                            RpcException.Kind.TIMEOUT,
                            method,
                            "no reply from "
                                + currentEndpoint()
                                + " within "
                                + options.requestTimeout().toMillis()
                                + " ms"));
              }
            });
    pending.put(id, new Pending(method, promise, timer));
    return promise.future();
  }

  /** Writes now when connected, else when the connection opens (the timeout already runs). */
  private void write(final long firstId, final String text, final List<Long> ids) {
    if (state == State.OPEN && socket != null) {
      socket.writeTextMessage(text);
    } else if (state != State.CLOSED) {
      unsent.add(firstId);
      unsentText.put(firstId, text);
    }
  }

  private static JsonObject request(final long id, final String method, final JsonArray params) {
    return new JsonObject()
        .put("jsonrpc", "2.0")
        .put("id", id)
        .put("method", method)
        .put("params", params);
  }

  // ---- subscriptions ----

  @Override
  public Future<RpcSubscription> subscribe(
      final String subscribeMethod,
      final String unsubscribeMethod,
      final JsonArray params,
      final Handler<Object> handler) {
    final Promise<RpcSubscription> promise = Promise.promise();
    context.runOnContext(
        v -> {
          final Subscription subscription =
              new Subscription(this, subscribeMethod, unsubscribeMethod, params, handler);
          send(subscribeMethod, params)
              .onSuccess(
                  id -> {
                    subscriptions.add(subscription);
                    register(subscription, id);
                    promise.complete(subscription);
                  })
              .onFailure(promise::fail);
        });
    return promise.future();
  }

  private void register(final Subscription subscription, final Object serverId) {
    if (!subscription.active) {
      return;
    }
    subscription.serverId = String.valueOf(serverId);
    byServerId.put(subscription.serverId, subscription);
    final List<Object> early = earlyNotifications.remove(subscription.serverId);
    if (early != null) {
      early.forEach(subscription.handler::handle);
    }
  }

  private Future<Void> unsubscribe(final Subscription subscription) {
    final Promise<Void> promise = Promise.promise();
    context.runOnContext(
        v -> {
          subscription.active = false;
          subscriptions.remove(subscription);
          final String serverId = subscription.serverId;
          if (serverId == null || state != State.OPEN) {
            promise.complete();
            return;
          }
          byServerId.remove(serverId);
          send(subscription.unsubscribeMethod, new JsonArray().add(serverId))
              .<Void>mapEmpty()
              .otherwiseEmpty()
              .onComplete(promise);
        });
    return promise.future();
  }

  @Override
  public void onReconnect(final Runnable listener) {
    context.runOnContext(v -> reconnectListeners.add(listener));
  }

  // ---- incoming ----

  private void onMessage(final String text) {
    final Object message;
    try {
      message = Json.decodeValue(text);
    } catch (DecodeException e) {
      drop("a message that is not JSON");
      return;
    }
    if (message instanceof JsonArray replies) {
      for (final Object reply : replies) {
        if (reply instanceof JsonObject object) {
          onObject(object);
        } else {
          drop("a batch entry that is not an object");
        }
      }
    } else if (message instanceof JsonObject object) {
      onObject(object);
    } else {
      drop("a message that is neither an object nor a batch");
    }
  }

  private void onObject(final JsonObject message) {
    final Object id = message.getValue("id");
    if (id != null) {
      onReply(id, message);
      return;
    }
    final JsonObject params = message.getValue("params") instanceof JsonObject p ? p : null;
    if (message.getValue("method") instanceof String
        && params != null
        && params.getValue("subscription") != null) {
      final String serverId = String.valueOf(params.getValue("subscription"));
      final Subscription subscription = byServerId.get(serverId);
      if (subscription != null) {
        subscription.handler.handle(params.getValue("result"));
      } else if (earlyNotifications.size() < MAX_EARLY_NOTIFICATIONS) {
        // A notification may overtake the reply that names its subscription id.
        earlyNotifications
            .computeIfAbsent(serverId, k -> new ArrayList<>())
            .add(params.getValue("result"));
      } else {
        drop("a notification for unknown subscription " + serverId);
      }
      return;
    }
    drop("a message that is neither a reply nor a notification");
  }

  private void onReply(final Object id, final JsonObject message) {
    final long key;
    if (id instanceof Number number) {
      key = number.longValue();
    } else {
      drop("a reply with a non-numeric id");
      return;
    }
    final Pending call = pending.remove(key);
    if (call == null) {
      drop("a reply to id " + key + " that nobody waits for");
      return;
    }
    vertx.cancelTimer(call.timer());
    if (message.getValue("error") instanceof JsonObject error) {
      final int code = error.getValue("code") instanceof Number n ? n.intValue() : 0;
      call.promise()
          .tryFail(
              new RpcException(
                  RpcException.Kind.RPC_ERROR,
                  call.method(),
                  code,
                  error.getString("message", "error")
                      + (error.containsKey("data") ? " (" + error.getValue("data") + ")" : "")));
    } else if (message.containsKey("result")) {
      call.promise().tryComplete(message.getValue("result"));
    } else {
      call.promise()
          .tryFail(
              new RpcException(
                  RpcException.Kind.BAD_RESPONSE,
                  call.method(),
                  "reply has neither result nor error"));
    }
  }

  private void drop(final String what) {
    droppedMessages.incrementAndGet();
    LOG.log(System.Logger.Level.WARNING, currentEndpoint() + " sent " + what + "; dropped");
  }

  // ---- shutdown ----

  @Override
  public Future<Void> close() {
    final Promise<Void> promise = Promise.promise();
    context.runOnContext(
        v -> {
          if (state == State.CLOSED) {
            promise.complete();
            return;
          }
          state = State.CLOSED;
          for (final Pending call : pending.values()) {
            vertx.cancelTimer(call.timer());
            call.promise()
                .tryFail(
                    new RpcException(
                        RpcException.Kind.CLOSED, call.method(), "the client is closed"));
          }
          pending.clear();
          firstConnection.tryFail(
              new RpcException(
                  RpcException.Kind.CLOSED,
                  "connect",
                  "the client was closed before it connected"));
          final Future<Void> socketClosed =
              socket != null ? socket.close() : Future.succeededFuture();
          socket = null;
          socketClosed
              .eventually(() -> webSockets.close())
              .<Void>mapEmpty()
              .otherwiseEmpty()
              .onComplete(promise);
        });
    return promise.future();
  }
}
