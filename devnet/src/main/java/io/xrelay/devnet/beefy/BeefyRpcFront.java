package io.xrelay.devnet.beefy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * The JSON-RPC server in front of chopsticks' relay chain endpoint: HTTP POST and WebSocket on one
 * loopback port, as a node serves both. Requests for {@link BeefyRpcMethods} are answered here;
 * everything else is relayed to chopsticks and its answer back unchanged.
 */
final class BeefyRpcFront {
  private static final System.Logger LOG = System.getLogger(BeefyRpcFront.class.getName());

  /** Metadata replies run to megabytes; chopsticks itself accepts up to 100 MiB. */
  static final int MAX_MESSAGE_BYTES = 100 << 20;

  private static final int MAX_FRAME_BYTES = 16 << 20;

  private final HttpClient http;
  private final WebSocketClient webSockets;
  private final String upstreamWs;
  private final String upstreamHttp;
  private final BeefyRpcMethods methods;
  private final JustificationWindow window;

  BeefyRpcFront(
      final HttpClient http,
      final WebSocketClient webSockets,
      final String upstreamWs,
      final BeefyRpcMethods methods,
      final JustificationWindow window) {
    this.http = http;
    this.webSockets = webSockets;
    this.upstreamWs = upstreamWs;
    this.upstreamHttp = "http" + upstreamWs.substring(upstreamWs.indexOf(':'));
    this.methods = methods;
    this.window = window;
  }

  static HttpServerOptions serverOptions(final String host, final int port) {
    return new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setMaxWebSocketMessageSize(MAX_MESSAGE_BYTES)
        .setMaxWebSocketFrameSize(MAX_FRAME_BYTES);
  }

  Future<HttpServer> listen(final Vertx vertx, final HttpServerOptions options) {
    return vertx
        .createHttpServer(options)
        .requestHandler(this::onHttpRequest)
        .webSocketHandshakeHandler(this::onWebSocketHandshake)
        .listen();
  }

  // ---- WebSocket ----

  /**
   * Accepts a client only once its chopsticks socket is open: a client that cannot be served is
   * refused (502) as an unreachable node would be, and nothing it sends can arrive before there is
   * somewhere to relay it.
   */
  private void onWebSocketHandshake(final ServerWebSocketHandshake handshake) {
    webSockets
        .connect(new WebSocketConnectOptions().setAbsoluteURI(upstreamWs))
        .onComplete(
            connected -> {
              if (connected.failed()) {
                LOG.log(
                    System.Logger.Level.WARNING,
                    "refusing a client: cannot reach "
                        + upstreamWs
                        + ": "
                        + connected.cause().getMessage());
                handshake.reject(502);
                return;
              }
              final WebSocket upstream = connected.result();
              handshake
                  .accept()
                  .onSuccess(client -> ProxiedWebSocket.relay(client, upstream, methods, window))
                  .onFailure(
                      error -> {
                        LOG.log(
                            System.Logger.Level.WARNING,
                            "client handshake failed: " + error.getMessage());
                        upstream.close();
                      });
            });
  }

  // ---- HTTP POST ----

  private void onHttpRequest(final HttpServerRequest request) {
    request
        .body()
        .onSuccess(body -> onHttpBody(request, body))
        .onFailure(error -> request.response().setStatusCode(400).end(error.getMessage()));
  }

  private void onHttpBody(final HttpServerRequest request, final Buffer body) {
    Object parsed = null;
    if (request.method() == HttpMethod.POST) {
      try {
        parsed = Json.decodeValue(body);
      } catch (DecodeException e) {
        parsed = null; // chopsticks answers malformed input itself
      }
    }
    if (parsed == null || !BeefyRpcMethods.intercepts(parsed)) {
      relayHttp(request, body);
      return;
    }
    methods
        .answer(parsed, this::postUpstream, null)
        .onComplete(
            answered -> {
              if (answered.failed()) {
                request.response().setStatusCode(502).end(answered.cause().getMessage());
              } else {
                request
                    .response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(answered.result() == null ? "" : Json.encode(answered.result()));
              }
            });
  }

  private void relayHttp(final HttpServerRequest request, final Buffer body) {
    final RequestOptions options =
        new RequestOptions()
            .setMethod(request.method())
            .setAbsoluteURI(upstreamHttp + request.uri());
    final String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (contentType != null) {
      options.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
    }
    http.request(options)
        .compose(upstream -> upstream.send(body))
        .compose(response -> response.body().map(reply -> new HttpReply(response, reply)))
        .onComplete(
            relayed -> {
              if (relayed.failed()) {
                request
                    .response()
                    .setStatusCode(502)
                    .end("chopsticks unreachable: " + relayed.cause().getMessage());
                return;
              }
              final HttpClientResponse response = relayed.result().response();
              final String replyType = response.getHeader(HttpHeaders.CONTENT_TYPE);
              if (replyType != null) {
                request.response().putHeader(HttpHeaders.CONTENT_TYPE, replyType);
              }
              request.response().setStatusCode(response.statusCode()).end(relayed.result().body());
            });
  }

  /** One request to chopsticks over HTTP; a request without id gets no reply there, nor here. */
  private Future<JsonObject> postUpstream(final JsonObject request) {
    final Future<Buffer> reply =
        http.request(
                new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setAbsoluteURI(upstreamHttp)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .setIdleTimeout(60_000))
            .compose(upstream -> upstream.send(request.encode()))
            .compose(HttpClientResponse::body);
    if (!request.containsKey("id")) {
      return Future.succeededFuture(null);
    }
    return reply.map(
        buffer -> {
          if (Json.decodeValue(buffer) instanceof JsonObject answer) {
            return answer;
          }
          throw new UpstreamException(
              String.valueOf(request.getValue("method")), "reply is not a JSON object");
        });
  }

  private record HttpReply(HttpClientResponse response, Buffer body) {}
}
