package io.xrelay.ethereum.rpc;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xrelay.substrate.client.RpcException;
import io.xrelay.substrate.client.RpcSubscription;
import io.xrelay.substrate.client.WebSocketRpcClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.utils.Numeric;

/**
 * Ethereum JSON-RPC over WebSocket, with several endpoints, plus {@code eth_subscribe}.
 *
 * <p>The transport is the project's generic JSON-RPC 2.0 WebSocket client ({@link
 * WebSocketRpcClient}): it moves to the next endpoint when one cannot be reached, reconnects with
 * exponential backoff and full jitter, times out each request, and subscribes again after a
 * reconnect. Ethereum's notifications ({@code eth_subscription}) have the same shape as
 * Substrate's, so nothing chain-specific is needed below this class. Here failures become {@link
 * EthereumRpcException}s, classified as {@link HttpEthereumRpc} does (a revert keeps its data).
 */
public final class WebSocketEthereumRpc implements EthereumRpc {
  private static final Pattern TRAILING_HEX = Pattern.compile("\\((0x[0-9a-fA-F]*)\\)$");

  private final WebSocketRpcClient client;

  private WebSocketEthereumRpc(final WebSocketRpcClient client) {
    this.client = client;
  }

  /**
   * Connects; the future completes at the first successful connection (trying the endpoints in
   * turn). Options are those of {@link WebSocketRpcClient.Options}: ws:// or wss:// endpoints.
   */
  public static Future<WebSocketEthereumRpc> connect(
      final Vertx vertx, final WebSocketRpcClient.Options options) {
    return WebSocketRpcClient.connect(vertx, options).map(WebSocketEthereumRpc::new);
  }

  @Override
  public Future<Object> request(final String method, final JsonArray params) {
    return client.call(method, params).recover(e -> Future.failedFuture(translate(method, e)));
  }

  /** Subscribes to new chain heads; the handler runs on the client's context. */
  public Future<RpcSubscription> subscribeNewHeads(final Handler<Block> handler) {
    return subscribe(
        new JsonArray().add("newHeads"),
        json -> handler.handle(EthereumRpc.parseBlock("eth_subscription newHeads", json)));
  }

  /**
   * Subscribes to the logs of one contract (of any of {@code topic0}, or all when empty), from the
   * next block on; a log of a block a reorg took out comes again with {@code removed: true}.
   */
  public Future<RpcSubscription> subscribeLogs(
      final String address, final List<String> topic0, final Handler<LogEntry> handler) {
    final JsonObject filter = new JsonObject().put("address", address);
    if (!topic0.isEmpty()) {
      filter.put("topics", new JsonArray().add(new JsonArray(new ArrayList<>(topic0))));
    }
    return subscribe(
        new JsonArray().add("logs").add(filter),
        json -> handler.handle(EthereumRpc.parseLog("eth_subscription logs", json)));
  }

  private Future<RpcSubscription> subscribe(final JsonArray params, final Handler<Object> handler) {
    return client
        .subscribe(
            "eth_subscribe",
            "eth_unsubscribe",
            params,
            json -> {
              try {
                handler.handle(json);
              } catch (EthereumRpcException e) {
                // One malformed notification must not end the subscription; the streams on top
                // backfill by range, so a dropped notification is fetched again.
                System.getLogger(WebSocketEthereumRpc.class.getName())
                    .log(System.Logger.Level.WARNING, e.getMessage());
              }
            })
        .recover(e -> Future.failedFuture(translate("eth_subscribe", e)));
  }

  /** Runs after each reconnect, once the subscriptions are made again: time to backfill. */
  public void onReconnect(final Runnable listener) {
    client.onReconnect(listener);
  }

  /** Reconnects so far; it changes before any notification of the new connection is handled. */
  public long reconnects() {
    return client.reconnects();
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  @Override
  public String currentEndpoint() {
    return client.currentEndpoint();
  }

  /** Idempotent. */
  @Override
  public Future<Void> close() {
    return client.close();
  }

  static EthereumRpcException translate(final String method, final Throwable failure) {
    if (failure instanceof EthereumRpcException) {
      return (EthereumRpcException) failure;
    }
    if (!(failure instanceof RpcException)) {
      return new EthereumRpcException(
          EthereumRpcException.Kind.CONNECTION,
          method,
          failure.getClass().getSimpleName() + " " + failure.getMessage());
    }
    final RpcException error = (RpcException) failure;
    final String message = messageOf(error);
    switch (error.kind()) {
      case CONNECTION:
        return new EthereumRpcException(EthereumRpcException.Kind.CONNECTION, method, message);
      case TIMEOUT:
        return new EthereumRpcException(EthereumRpcException.Kind.TIMEOUT, method, message);
      case BAD_RESPONSE:
        return new EthereumRpcException(EthereumRpcException.Kind.BAD_RESPONSE, method, message);
      case CLOSED:
        return new EthereumRpcException(EthereumRpcException.Kind.CLOSED, method, message);
      case RPC_ERROR:
      default:
        final String lower = message.toLowerCase(Locale.ROOT);
        if (error.code() == 3 || lower.startsWith("execution reverted")) {
          return new EthereumRpcException(
              EthereumRpcException.Kind.EXECUTION_REVERTED,
              method,
              error.code(),
              message,
              revertData(message));
        }
        return new EthereumRpcException(
            EthereumRpcException.Kind.RPC_ERROR, method, error.code(), message, null);
    }
  }

  /** The transport's message without its "method: " prefix. */
  private static String messageOf(final RpcException error) {
    final String message = String.valueOf(error.getMessage());
    final String prefix = error.method() + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  /** The transport appends the error's data as " (data)"; a revert's data is hex. */
  private static byte[] revertData(final String message) {
    final Matcher matcher = TRAILING_HEX.matcher(message);
    if (matcher.find() && matcher.group(1).length() % 2 == 0) {
      return Numeric.hexStringToByteArray(matcher.group(1));
    }
    return new byte[0];
  }
}
