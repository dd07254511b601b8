package io.xrelay.substrate.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replies that no real node here can be made to send (wrong shapes, unknown ids, garbage), from a
 * fake WebSocket node: the client must turn each into a typed error or drop it, and keep serving
 * the other calls.
 */
class FaultyNodeRpcClientTest {
  private Vertx vertx;
  private HttpServer fakeNode;
  private WebSocketRpcClient client;

  @BeforeEach
  void startFakeNode() throws Exception {
    vertx = Vertx.vertx();
    fakeNode =
        vertx
            .createHttpServer()
            .webSocketHandler(
                socket ->
                    socket.textMessageHandler(
                        text -> {
                          final Object parsed = io.vertx.core.json.Json.decodeValue(text);
                          if (parsed instanceof JsonArray batch) {
                            final JsonArray replies = new JsonArray();
                            batch.forEach(
                                r ->
                                    replies.add(
                                        new JsonObject()
                                            .put("jsonrpc", "2.0")
                                            .put("id", ((JsonObject) r).getValue("id"))
                                            .put("result", ((JsonObject) r).getString("method"))));
                            socket.writeTextMessage(replies.encode());
                            return;
                          }
                          final JsonObject request = (JsonObject) parsed;
                          final Object id = request.getValue("id");
                          switch (request.getString("method")) {
                            case "garbage_then_answer" -> {
                              socket.writeTextMessage("this is not json");
                              socket.writeTextMessage("42");
                              socket.writeTextMessage(
                                  new JsonObject()
                                      .put("jsonrpc", "2.0")
                                      .put("id", 987654)
                                      .put("result", "stray")
                                      .encode());
                              socket.writeTextMessage(
                                  new JsonObject()
                                      .put("jsonrpc", "2.0")
                                      .put("id", id)
                                      .put("result", "fine")
                                      .encode());
                            }
                            case "no_result" ->
                                socket.writeTextMessage(
                                    new JsonObject().put("jsonrpc", "2.0").put("id", id).encode());
                            case "error" ->
                                socket.writeTextMessage(
                                    new JsonObject()
                                        .put("jsonrpc", "2.0")
                                        .put("id", id)
                                        .put(
                                            "error",
                                            new JsonObject()
                                                .put("code", -32603)
                                                .put("message", "boom"))
                                        .encode());
                            case "silent" -> {}
                            case "hang_up" -> socket.close();
                            default ->
                                socket.writeTextMessage(
                                    new JsonObject()
                                        .put("jsonrpc", "2.0")
                                        .put("id", id)
                                        .put("result", request.getString("method"))
                                        .encode());
                          }
                        }))
            .listen(0, "127.0.0.1")
            .await(10, TimeUnit.SECONDS);
    client =
        Await.result(
            WebSocketRpcClient.connect(
                vertx,
                WebSocketRpcClient.Options.of(List.of("ws://127.0.0.1:" + fakeNode.actualPort()))
                    .withRequestTimeout(Duration.ofMillis(500))
                    .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200))));
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(client.close());
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldDropGarbageAndStrayRepliesAndStillAnswer() throws Exception {
    assertThat(Await.result(client.call("garbage_then_answer"))).isEqualTo("fine");
    assertThat(client.droppedMessages()).isEqualTo(3);
  }

  @Test
  void shouldTypeEachKindOfFailure() throws Exception {
    assertThat(Await.failure(client.call("no_result")))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> assertThat(e.kind()).isEqualTo(RpcException.Kind.BAD_RESPONSE));
    assertThat(Await.failure(client.call("error")))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RpcException.Kind.RPC_ERROR);
              assertThat(e.code()).isEqualTo(-32603);
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage()).contains("boom");
            });
    assertThat(Await.failure(client.call("silent")))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RpcException.Kind.TIMEOUT);
              assertThat(e.retryable()).isTrue();
            });
    assertThat(Await.result(client.call("still_alive"))).isEqualTo("still_alive");
  }

  @Test
  void shouldFailTheCallInFlightWhenTheSocketClosesAndReconnect() throws Exception {
    assertThat(Await.failure(client.call("hang_up")))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RpcException.Kind.CONNECTION);
              assertThat(e.retryable()).isTrue();
            });
    assertThat(Await.result(client.call("after_reconnect"))).isEqualTo("after_reconnect");
    assertThat(client.reconnects()).isEqualTo(1);
  }

  @Test
  void shouldAnswerABatch() throws Exception {
    assertThat(
            Await.result(
                client.batch(
                    List.of(
                        new JsonRpcClient.Request("a", new JsonArray()),
                        new JsonRpcClient.Request("b", new JsonArray())))))
        .containsExactly("a", "b");
  }

  @Test
  void shouldFailCallsAfterCloseWithoutRetrying() throws Exception {
    Await.result(client.close());
    assertThat(Await.failure(client.call("x")))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RpcException.Kind.CLOSED);
              assertThat(e.retryable()).isFalse();
            });
  }
}
