package io.xrelay.relayer.chain;

import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.xrelay.relayer.metrics.RelayerMetrics;
import io.xrelay.substrate.client.JsonRpcClient;
import io.xrelay.substrate.client.RpcException;
import io.xrelay.substrate.client.RpcSubscription;
import java.util.List;

/** Counts requests, errors (by kind) and latency per chain and method around another client. */
public final class MeteredJsonRpcClient implements JsonRpcClient {
  private final JsonRpcClient delegate;
  private final String chain;
  private final RelayerMetrics metrics;

  public MeteredJsonRpcClient(
      final JsonRpcClient delegate, final String chain, final RelayerMetrics metrics) {
    this.delegate = delegate;
    this.chain = chain;
    this.metrics = metrics;
  }

  @Override
  public Future<Object> call(final String method, final JsonArray params) {
    return observe(method, () -> delegate.call(method, params));
  }

  @Override
  public Future<List<Object>> batch(final List<Request> requests) {
    return observe("batch", () -> delegate.batch(requests));
  }

  @Override
  public Future<RpcSubscription> subscribe(
      final String subscribeMethod,
      final String unsubscribeMethod,
      final JsonArray params,
      final Handler<Object> handler) {
    return observe(
        subscribeMethod,
        () -> delegate.subscribe(subscribeMethod, unsubscribeMethod, params, handler));
  }

  @Override
  public void onReconnect(final Runnable listener) {
    delegate.onReconnect(listener);
  }

  @Override
  public String currentEndpoint() {
    return delegate.currentEndpoint();
  }

  @Override
  public Future<Void> close() {
    return delegate.close();
  }

  private <T> Future<T> observe(
      final String method, final java.util.function.Supplier<Future<T>> call) {
    metrics.rpcRequests(chain, method).increment();
    final Timer.Sample sample = Timer.start();
    return call.get()
        .onComplete(
            result -> {
              sample.stop(metrics.rpcLatency(chain, method));
              if (result.failed()) {
                final String kind =
                    result.cause() instanceof RpcException rpc
                        ? rpc.kind().name().toLowerCase(java.util.Locale.ROOT)
                        : "other";
                metrics.rpcErrors(chain, method, kind).increment();
              }
            });
  }
}
