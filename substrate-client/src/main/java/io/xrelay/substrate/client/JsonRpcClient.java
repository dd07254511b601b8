package io.xrelay.substrate.client;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import java.util.List;

/**
 * A JSON-RPC 2.0 connection to one chain (possibly through several endpoints). Results are Vert.x
 * JSON values: {@code JsonObject}, {@code JsonArray}, {@code String}, {@code Number}, {@code
 * Boolean} or {@code null}. Failures are {@link RpcException}s.
 */
public interface JsonRpcClient {

  Future<Object> call(String method, JsonArray params);

  default Future<Object> call(final String method, final Object... params) {
    return call(method, new JsonArray(List.of(params)));
  }

  /** Several calls in one JSON-RPC batch; each result, or the failure of the whole batch. */
  Future<List<Object>> batch(List<Request> requests);

  /**
   * Subscribes with {@code subscribeMethod}; every notification's result goes to {@code handler} on
   * the client's context. After a reconnect the client subscribes again by itself and tells {@link
   * #onReconnect} listeners, so that callers can fetch what they missed.
   */
  Future<RpcSubscription> subscribe(
      String subscribeMethod, String unsubscribeMethod, JsonArray params, Handler<Object> handler);

  /** Called on the client's context after each reconnect, once subscriptions are restored. */
  void onReconnect(Runnable listener);

  /** The endpoint in use, for logs and metrics. */
  String currentEndpoint();

  Future<Void> close();

  /** One call of a batch. */
  record Request(String method, JsonArray params) {}
}
