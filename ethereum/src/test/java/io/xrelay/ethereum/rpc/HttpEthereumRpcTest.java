package io.xrelay.ethereum.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Against real local HTTP servers that misbehave on purpose (anvil cannot be made to answer 503 or
 * garbage), so these faults are served by a small Vert.x server, not a mock.
 */
class HttpEthereumRpcTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldFailOverFromAnOverloadedEndpointAndPreferTheOneThatAnswered() throws Exception {
    final int overloaded = serve(503, "busy");
    final int healthy = serve(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x7a69\"}");
    final HttpEthereumRpc rpc =
        HttpEthereumRpc.create(
            vertx,
            HttpEthereumRpc.Options.of(
                List.of("http://127.0.0.1:" + overloaded, "http://127.0.0.1:" + healthy)));
    assertThat(await(rpc.chainId())).isEqualTo(31337L);
    assertThat(rpc.failovers()).isEqualTo(1);
    assertThat(rpc.currentEndpoint()).isEqualTo("http://127.0.0.1:" + healthy);
    assertThat(await(rpc.chainId())).isEqualTo(31337L);
    assertThat(rpc.failovers()).isEqualTo(1);
  }

  @Test
  void shouldReportARevertWithItsDataAndNotFailOver() throws Exception {
    final int reverting =
        serve(
            200,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":3,\"message\":\"execution"
                + " reverted\",\"data\":\"0xdeadbeef\"}}");
    final int other = serve(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x\"}");
    final HttpEthereumRpc rpc =
        HttpEthereumRpc.create(
            vertx,
            HttpEthereumRpc.Options.of(
                List.of("http://127.0.0.1:" + reverting, "http://127.0.0.1:" + other)));
    final EthereumRpcException error =
        failure(rpc.call(CallRequest.of("0x" + "00".repeat(20), new byte[0]), BlockTag.LATEST));
    assertThat(error.kind()).isEqualTo(EthereumRpcException.Kind.EXECUTION_REVERTED);
    assertThat(error.retryable()).isFalse();
    assertThat(error.revertData()).hasValueSatisfying(d -> assertThat(d).hasSize(4));
    assertThat(rpc.failovers()).isZero();
  }

  @Test
  void shouldTypeRepliesOfTheWrongShapeAsBadResponsesThatAreNotRetryable() throws Exception {
    final int garbage = serve(200, "not json");
    final int wrongShape = serve(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"x\":1}}");
    final EthereumRpcException notJson = failure(rpcFor(garbage).blockNumber());
    assertThat(notJson.kind()).isEqualTo(EthereumRpcException.Kind.BAD_RESPONSE);
    final EthereumRpcException shape = failure(rpcFor(wrongShape).blockNumber());
    assertThat(shape.kind()).isEqualTo(EthereumRpcException.Kind.BAD_RESPONSE);
    assertThat(shape.retryable()).isFalse();
    assertThat(shape.getMessage()).startsWith("eth_blockNumber");
  }

  @Test
  void shouldTimeOutASilentEndpointAsRetryableAndRefuseCallsOnceClosed() throws Exception {
    final HttpServer silent =
        vertx
            .createHttpServer()
            .requestHandler(request -> {})
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    final HttpEthereumRpc rpc =
        HttpEthereumRpc.create(
            vertx,
            HttpEthereumRpc.Options.of(List.of("http://127.0.0.1:" + silent.actualPort()))
                .withRequestTimeout(Duration.ofMillis(300)));
    final EthereumRpcException timeout = failure(rpc.blockNumber());
    assertThat(timeout.kind()).isEqualTo(EthereumRpcException.Kind.TIMEOUT);
    assertThat(timeout.retryable()).isTrue();
    await(rpc.close());
    await(rpc.close());
    assertThat(failure(rpc.blockNumber()).kind()).isEqualTo(EthereumRpcException.Kind.CLOSED);
  }

  private HttpEthereumRpc rpcFor(final int port) {
    return HttpEthereumRpc.create(
        vertx, HttpEthereumRpc.Options.of(List.of("http://127.0.0.1:" + port)));
  }

  private int serve(final int status, final String body) throws Exception {
    return vertx
        .createHttpServer()
        .requestHandler(
            request ->
                request.body().onComplete(b -> request.response().setStatusCode(status).end(body)))
        .listen(0, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS)
        .actualPort();
  }

  static <T> T await(final Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  static EthereumRpcException failure(final Future<?> future) throws Exception {
    try {
      await(future);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(EthereumRpcException.class);
      return (EthereumRpcException) e.getCause();
    }
    throw new AssertionError("expected a failure");
  }
}
