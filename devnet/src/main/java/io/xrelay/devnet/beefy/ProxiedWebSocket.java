package io.xrelay.devnet.beefy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client WebSocket and the chopsticks WebSocket opened for it. Messages are relayed as they are
 * both ways, so chopsticks' own subscriptions keep working; only requests for the methods of {@link
 * BeefyRpcMethods} are answered here. A {@code chain_getBlock} goes to chopsticks under an id of
 * this proxy's own, so that its reply can be told apart and completed with the justification before
 * the client sees it. When either side closes, so does the other.
 */
final class ProxiedWebSocket implements BeefyRpcMethods.Subscriptions {
  private static final System.Logger LOG = System.getLogger(ProxiedWebSocket.class.getName());

  /** Ids of requests this proxy sends upstream itself; no JSON-RPC client picks such a string. */
  private static final String OWN_ID_PREFIX = "xrelay-beefy-front-";

  /** Subscription ids of all connections: unlike chopsticks' (random base-36), they hold a dash. */
  private static final AtomicLong SUBSCRIPTION_IDS = new AtomicLong();

  private static final AtomicLong OWN_IDS = new AtomicLong();

  private final ServerWebSocket client;
  private final WebSocket upstream;
  private final BeefyRpcMethods methods;
  private final JustificationWindow window;
  private final Map<String, Promise<JsonObject>> pending = new HashMap<>();
  private final Map<String, Runnable> subscriptions = new LinkedHashMap<>();
  private final List<String> awaitingReply = new ArrayList<>();
  private boolean closed;

  private ProxiedWebSocket(
      final ServerWebSocket client,
      final WebSocket upstream,
      final BeefyRpcMethods methods,
      final JustificationWindow window) {
    this.client = client;
    this.upstream = upstream;
    this.methods = methods;
    this.window = window;
  }

  static void relay(
      final ServerWebSocket client,
      final WebSocket upstream,
      final BeefyRpcMethods methods,
      final JustificationWindow window) {
    final ProxiedWebSocket connection = new ProxiedWebSocket(client, upstream, methods, window);
    client.textMessageHandler(connection::fromClient);
    client.binaryMessageHandler(upstream::writeBinaryMessage);
    client.closeHandler(v -> connection.close());
    client.exceptionHandler(error -> LOG.log(System.Logger.Level.DEBUG, error.getMessage()));
    upstream.textMessageHandler(connection::fromUpstream);
    upstream.binaryMessageHandler(client::writeBinaryMessage);
    upstream.closeHandler(v -> connection.close());
    upstream.exceptionHandler(error -> LOG.log(System.Logger.Level.DEBUG, error.getMessage()));
  }

  private void fromClient(final String text) {
    final Object parsed;
    try {
      parsed = Json.decodeValue(text);
    } catch (DecodeException e) {
      upstream.writeTextMessage(text); // chopsticks answers malformed input itself
      return;
    }
    if (!BeefyRpcMethods.intercepts(parsed)) {
      upstream.writeTextMessage(text);
      return;
    }
    methods
        .answer(parsed, this::callUpstream, this)
        .onComplete(
            answered -> {
              if (closed) {
                return;
              }
              if (answered.succeeded() && answered.result() != null) {
                client.writeTextMessage(Json.encode(answered.result()));
              }
              startAwaitingSubscriptions();
            });
  }

  private Future<JsonObject> callUpstream(final JsonObject request) {
    if (!request.containsKey("id")) {
      upstream.writeTextMessage(request.encode());
      return Future.succeededFuture(null);
    }
    final String ownId = OWN_ID_PREFIX + OWN_IDS.incrementAndGet();
    final Object clientId = request.getValue("id");
    final Promise<JsonObject> reply = Promise.promise();
    pending.put(ownId, reply);
    upstream.writeTextMessage(request.copy().put("id", ownId).encode());
    return reply.future().map(answer -> answer.put("id", clientId));
  }

  private void fromUpstream(final String text) {
    // Parse only what may be a reply to this proxy's own request: most traffic is relayed as is.
    if (!pending.isEmpty() && text.contains(OWN_ID_PREFIX)) {
      try {
        if (Json.decodeValue(text) instanceof JsonObject reply
            && reply.getValue("id") instanceof String id
            && pending.containsKey(id)) {
          pending.remove(id).complete(reply);
          return;
        }
      } catch (DecodeException e) {
        // not JSON: relay it
      }
    }
    client.writeTextMessage(text);
  }

  @Override
  public String subscribe() {
    final String id = "beefy-" + SUBSCRIPTION_IDS.incrementAndGet();
    awaitingReply.add(id);
    return id;
  }

  @Override
  public boolean unsubscribe(final String id) {
    awaitingReply.remove(id);
    final Runnable stop = subscriptions.remove(id);
    if (stop == null) {
      return false;
    }
    stop.run();
    return true;
  }

  /** Notifications start once the client has the reply that names the subscription. */
  private void startAwaitingSubscriptions() {
    for (final String id : awaitingReply) {
      subscriptions.put(
          id,
          window.listen(
              signed -> {
                if (!closed) {
                  client.writeTextMessage(BeefyRpcMethods.notification(id, signed).encode());
                }
              }));
    }
    awaitingReply.clear();
  }

  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    subscriptions.values().forEach(Runnable::run);
    subscriptions.clear();
    final List<Promise<JsonObject>> inFlight = new ArrayList<>(pending.values());
    pending.clear();
    inFlight.forEach(
        reply -> reply.tryFail(new UpstreamException("", "chopsticks closed the connection")));
    if (!upstream.isClosed()) {
      upstream.close();
    }
    if (!client.isClosed()) {
      client.close((short) 1001, "upstream closed");
    }
  }
}
