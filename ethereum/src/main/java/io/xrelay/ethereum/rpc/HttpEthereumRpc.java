package io.xrelay.ethereum.rpc;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.web3j.utils.Numeric;

/**
 * Ethereum JSON-RPC over HTTP with several endpoints. A call that fails in a way another endpoint
 * may not (connection, time-out, rate limit, server fault) moves to the next endpoint, once around
 * the list; the endpoint that answered becomes the preferred one for the next calls. Errors the
 * node itself gives (a revert, an invalid parameter) are returned as they are, without failover.
 *
 * <p>Stateless apart from the preferred endpoint, so it is safe from any thread.
 */
public final class HttpEthereumRpc implements EthereumRpc {
  private static final System.Logger LOG = System.getLogger(HttpEthereumRpc.class.getName());

  /** How to connect. Endpoints are http:// or https:// URLs; durations must be positive. */
  public record Options(
      List<String> endpoints, Duration requestTimeout, Duration connectTimeout, int maxReplyBytes) {
    public Options {
      if (endpoints.isEmpty()) {
        throw new IllegalArgumentException("at least one endpoint is needed");
      }
      for (final String endpoint : endpoints) {
        if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
          throw new IllegalArgumentException(endpoint + " is not an http:// or https:// URL");
        }
      }
      if (requestTimeout.isNegative()
          || requestTimeout.isZero()
          || connectTimeout.isNegative()
          || connectTimeout.isZero()) {
        throw new IllegalArgumentException("time-outs must be positive");
      }
      endpoints = List.copyOf(endpoints);
    }

    public static Options of(final List<String> endpoints) {
      return new Options(endpoints, Duration.ofSeconds(30), Duration.ofSeconds(5), 32 << 20);
    }

    public Options withRequestTimeout(final Duration timeout) {
      return new Options(endpoints, timeout, connectTimeout, maxReplyBytes);
    }
  }

  private final Options options;
  private final HttpClientAgent http;
  private final Context context;
  private final AtomicInteger preferred = new AtomicInteger();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicLong failovers = new AtomicLong();
  private volatile boolean closed;

  private HttpEthereumRpc(final Vertx vertx, final Options options) {
    this.options = options;
    this.context = vertx.getOrCreateContext();
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) options.connectTimeout().toMillis())
                .setKeepAlive(true));
  }

  public static HttpEthereumRpc create(final Vertx vertx, final Options options) {
    return new HttpEthereumRpc(vertx, options);
  }

  /** Calls that moved to another endpoint because the previous one failed. */
  public long failovers() {
    return failovers.get();
  }

  @Override
  public String currentEndpoint() {
    return options.endpoints().get(preferred.get());
  }

  @Override
  public Future<Object> request(final String method, final JsonArray params) {
    if (closed) {
      return Future.failedFuture(
          new EthereumRpcException(EthereumRpcException.Kind.CLOSED, method, "client closed"));
    }
    final Buffer body =
        new JsonObject()
            .put("jsonrpc", "2.0")
            .put("id", ids.incrementAndGet())
            .put("method", method)
            .put("params", params)
            .toBuffer();
    final int first = preferred.get();
    return attempt(method, body, first, options.endpoints().size());
  }

  private Future<Object> attempt(
      final String method, final Buffer body, final int index, final int attemptsLeft) {
    final String endpoint = options.endpoints().get(index);
    return send(method, endpoint, body)
        .compose(
            Future::succeededFuture,
            failure -> {
              final EthereumRpcException error = classify(method, endpoint, failure);
              if (!error.retryable() || attemptsLeft <= 1 || closed) {
                return Future.failedFuture(error);
              }
              final int next = (index + 1) % options.endpoints().size();
              failovers.incrementAndGet();
              LOG.log(
                  System.Logger.Level.WARNING,
                  "{0} failed on {1} ({2}); trying {3}",
                  method,
                  endpoint,
                  error.getMessage(),
                  options.endpoints().get(next));
              preferred.compareAndSet(index, next);
              return attempt(method, body, next, attemptsLeft - 1);
            });
  }

  /**
   * Runs on the client's own context: a response's body must be asked for in the same event-loop
   * turn it arrives in, or data that arrives in between is lost and the call hangs until its
   * time-out (seen with callers on non-Vert.x threads, whose futures complete on other contexts).
   */
  private Future<Object> send(final String method, final String endpoint, final Buffer body) {
    final Promise<Buffer> reply = Promise.promise();
    context.runOnContext(v -> exchange(method, endpoint, body).onComplete(reply));
    return reply
        .future()
        .timeout(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .map(buffer -> parseReply(method, endpoint, buffer));
  }

  private Future<Buffer> exchange(final String method, final String endpoint, final Buffer body) {
    final long timeout = options.requestTimeout().toMillis();
    return http.request(
            new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(endpoint)
                .setIdleTimeout(timeout)
                .putHeader("content-type", "application/json"))
        .compose(request -> request.send(body))
        .compose(
            response -> {
              if (response.statusCode() != 200) {
                return response
                    .body()
                    .transform(
                        ignored ->
                            Future.failedFuture(
                                new EthereumRpcException(
                                    EthereumRpcException.Kind.HTTP_STATUS,
                                    method,
                                    response.statusCode(),
                                    endpoint + " answered HTTP " + response.statusCode(),
                                    null)));
              }
              return response.body();
            });
  }

  private Object parseReply(final String method, final String endpoint, final Buffer reply) {
    if (reply.length() > options.maxReplyBytes()) {
      throw new EthereumRpcException(
          EthereumRpcException.Kind.BAD_RESPONSE,
          method,
          endpoint + " sent a reply of " + reply.length() + " bytes, above the limit");
    }
    final JsonObject json;
    try {
      json = new JsonObject(reply);
    } catch (DecodeException | ClassCastException e) {
      throw new EthereumRpcException(
          EthereumRpcException.Kind.BAD_RESPONSE,
          method,
          endpoint + " sent a reply that is not a JSON object");
    }
    final Object error = json.getValue("error");
    if (error != null) {
      throw rpcError(method, endpoint, error);
    }
    if (!json.containsKey("result")) {
      throw new EthereumRpcException(
          EthereumRpcException.Kind.BAD_RESPONSE,
          method,
          endpoint + " sent a reply with neither result nor error");
    }
    return json.getValue("result");
  }

  /**
   * A JSON-RPC error object. Geth, Erigon, Nethermind and anvil report a revert as code 3 (or a
   * message starting "execution reverted") with the revert data as hex in {@code data}.
   */
  static EthereumRpcException rpcError(
      final String method, final String endpoint, final Object error) {
    if (!(error instanceof JsonObject)) {
      return new EthereumRpcException(
          EthereumRpcException.Kind.BAD_RESPONSE, method, endpoint + " sent a malformed error");
    }
    final JsonObject object = (JsonObject) error;
    final int code = object.getValue("code") instanceof Number n ? n.intValue() : 0;
    final String message = String.valueOf(object.getValue("message"));
    final Object data = object.getValue("data");
    final boolean reverted = code == 3 || message.startsWith("execution reverted");
    if (reverted) {
      return new EthereumRpcException(
          EthereumRpcException.Kind.EXECUTION_REVERTED, method, code, message, revertData(data));
    }
    return new EthereumRpcException(
        EthereumRpcException.Kind.RPC_ERROR, method, code, message + " (" + endpoint + ")", null);
  }

  private static byte[] revertData(final Object data) {
    Object value = data;
    if (value instanceof JsonObject) {
      value = ((JsonObject) value).getValue("data");
    }
    if (value instanceof String && ((String) value).startsWith("0x")) {
      try {
        return Numeric.hexStringToByteArray((String) value);
      } catch (RuntimeException e) {
        return new byte[0];
      }
    }
    return new byte[0];
  }

  private static EthereumRpcException classify(
      final String method, final String endpoint, final Throwable failure) {
    if (failure instanceof EthereumRpcException) {
      return (EthereumRpcException) failure;
    }
    if (failure instanceof TimeoutException
        || failure.getClass().getSimpleName().contains("Timeout")) {
      return new EthereumRpcException(
          EthereumRpcException.Kind.TIMEOUT, method, endpoint + " did not answer in time");
    }
    return new EthereumRpcException(
        EthereumRpcException.Kind.CONNECTION,
        method,
        endpoint + ": " + failure.getClass().getSimpleName() + " " + failure.getMessage());
  }

  /** Idempotent. Calls in flight fail with {@link EthereumRpcException.Kind#CLOSED} or finish. */
  @Override
  public Future<Void> close() {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    return http.close();
  }
}
