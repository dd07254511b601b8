package io.xrelay.devnet.beefy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xrelay.proofs.beefy.VersionedFinalityProof;
import io.xrelay.substrate.block.BlockHeader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON-RPC methods the voting node answers itself, in front of chopsticks, the way a Polkadot
 * node with BEEFY answers them:
 *
 * <ul>
 *   <li>{@code beefy_getFinalizedHead}: the hash of the latest signed block (error 1 "BEEFY RPC
 *       endpoint not ready" before the first one).
 *   <li>{@code beefy_subscribeJustifications} / {@code beefy_unsubscribeJustifications}:
 *       notifications {@code {"method": "beefy_justifications", "params": {"subscription": id,
 *       "result": "0x<SCALE VersionedFinalityProof>"}}}, one per signed block, in order (WebSocket
 *       only).
 *   <li>{@code chain_getBlock}: chopsticks' reply with the block's {@code BEEF} justification added
 *       to {@code justifications} as {@code [[66,69,69,70],[bytes...]]}, the serde form of {@code
 *       (ConsensusEngineId, Vec<u8>)} that Substrate nodes serve.
 *   <li>{@code devnet_beefyCorruptPayload(bool)}: the fault switch (devnet only); returns the new
 *       setting.
 * </ul>
 *
 * Everything else goes to chopsticks unchanged.
 */
final class BeefyRpcMethods {
  static final String GET_FINALIZED_HEAD = "beefy_getFinalizedHead";
  static final String SUBSCRIBE = "beefy_subscribeJustifications";
  static final String UNSUBSCRIBE = "beefy_unsubscribeJustifications";
  static final String NOTIFICATION = "beefy_justifications";
  static final String CORRUPT_PAYLOAD = "devnet_beefyCorruptPayload";
  static final String GET_BLOCK = "chain_getBlock";

  /** sc-consensus-beefy-rpc's code and message before the gadget has finalized a block. */
  static final int NOT_READY = 1;

  private static final Set<String> LOCAL =
      Set.of(GET_FINALIZED_HEAD, SUBSCRIBE, UNSUBSCRIBE, CORRUPT_PAYLOAD);
  private static final byte[] ENGINE_ID =
      VersionedFinalityProof.ENGINE_ID.getBytes(StandardCharsets.US_ASCII);

  private final JustificationWindow window;
  private final PayloadFault fault;

  BeefyRpcMethods(final JustificationWindow window, final PayloadFault fault) {
    this.window = window;
    this.fault = fault;
  }

  /** Sends one request to chopsticks and returns its reply, whose id is the request's. */
  interface Upstream {
    Future<JsonObject> call(JsonObject request);
  }

  /** A connection's BEEFY subscriptions; null where subscriptions are impossible (HTTP). */
  interface Subscriptions {
    String subscribe();

    boolean unsubscribe(String id);
  }

  /** Whether a parsed request (an object or a batch) needs more than relaying. */
  static boolean intercepts(final Object parsed) {
    if (parsed instanceof JsonObject request) {
      return isIntercepted(request);
    }
    if (parsed instanceof JsonArray batch) {
      for (final Object item : batch) {
        if (item instanceof JsonObject request && isIntercepted(request)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isIntercepted(final JsonObject request) {
    final String method = request.getValue("method") instanceof String m ? m : "";
    return LOCAL.contains(method) || GET_BLOCK.equals(method);
  }

  /**
   * Answers a request or a batch: a {@link JsonObject}, a {@link JsonArray}, or null when nothing
   * is to be sent back (only notifications).
   */
  Future<Object> answer(
      final Object parsed, final Upstream upstream, final Subscriptions subscriptions) {
    if (parsed instanceof JsonObject request) {
      return answerOne(request, upstream, subscriptions).map(reply -> (Object) reply);
    }
    final List<Future<JsonObject>> replies = new ArrayList<>();
    for (final Object item : (JsonArray) parsed) {
      replies.add(
          item instanceof JsonObject request
              ? answerOne(request, upstream, subscriptions)
              : Future.succeededFuture(error(null, -32600, "Invalid Request")));
    }
    return Future.join(replies)
        .transform(
            done -> {
              final JsonArray batch = new JsonArray();
              for (final Future<JsonObject> reply : replies) {
                if (reply.succeeded() && reply.result() != null) {
                  batch.add(reply.result());
                }
              }
              return Future.succeededFuture(batch.isEmpty() ? null : batch);
            });
  }

  private Future<JsonObject> answerOne(
      final JsonObject request, final Upstream upstream, final Subscriptions subscriptions) {
    return answerOneOrFail(request, upstream, subscriptions)
        .recover(
            failure ->
                Future.succeededFuture(
                    request.containsKey("id")
                        ? error(request.getValue("id"), -32603, failure.getMessage())
                        : null));
  }

  private Future<JsonObject> answerOneOrFail(
      final JsonObject request, final Upstream upstream, final Subscriptions subscriptions) {
    final String method = request.getValue("method") instanceof String m ? m : "";
    final Object id = request.getValue("id");
    final boolean wantsReply = request.containsKey("id");
    if (!isIntercepted(request)) {
      return upstream.call(request);
    }
    if (GET_BLOCK.equals(method)) {
      final JsonArray params = request.getValue("params") instanceof JsonArray p ? p : null;
      return upstream.call(request).map(reply -> withJustification(reply, params));
    }
    final JsonObject reply = answerLocal(method, id, params(request), subscriptions);
    return Future.succeededFuture(wantsReply ? reply : null);
  }

  private JsonObject answerLocal(
      final String method,
      final Object id,
      final JsonArray params,
      final Subscriptions subscriptions) {
    switch (method) {
      case GET_FINALIZED_HEAD:
        return window
            .latest()
            .map(latest -> result(id, latest.hash()))
            .orElseGet(() -> error(id, NOT_READY, "BEEFY RPC endpoint not ready"));
      case SUBSCRIBE:
        return subscriptions == null
            ? error(id, -32601, SUBSCRIBE + " needs a WebSocket connection")
            : result(id, subscriptions.subscribe());
      case UNSUBSCRIBE:
        if (params.size() != 1 || params.getValue(0) == null) {
          return error(id, -32602, "Invalid params: expected [subscription id]");
        }
        return result(
            id,
            subscriptions != null && subscriptions.unsubscribe(String.valueOf(params.getValue(0))));
      case CORRUPT_PAYLOAD:
        if (params.size() != 1 || !(params.getValue(0) instanceof Boolean corrupt)) {
          return error(id, -32602, "Invalid params: expected [true|false]");
        }
        fault.set(corrupt);
        return result(id, fault.isOn());
      default:
        throw new IllegalArgumentException("not a local method: " + method);
    }
  }

  /**
   * Adds the block's {@code BEEF} justification to a {@code chain_getBlock} reply when the block is
   * signed; keeps the justifications chopsticks returned.
   */
  JsonObject withJustification(final JsonObject reply, final JsonArray params) {
    if (!(reply.getValue("result") instanceof JsonObject signedBlock)
        || !(signedBlock.getValue("block") instanceof JsonObject block)) {
      return reply;
    }
    final BlockHeader header;
    try {
      header = RelayHeader.parse(block.getValue("header"));
    } catch (IllegalArgumentException e) {
      return reply;
    }
    final String requested =
        params != null && !params.isEmpty() && params.getValue(0) instanceof String hash
            ? hash.toLowerCase(Locale.ROOT)
            : null;
    final Optional<BeefyJustification> justification =
        (requested != null
                ? window.byHash(requested)
                // The latest block: chopsticks hashes headers like Substrate, except its genesis.
                : header.number() == 0 ? window.byNumber(0) : window.byHash(header.computeHash()))
            .filter(signed -> signed.number() == header.number());
    if (justification.isEmpty()) {
      return reply;
    }
    final JsonArray justifications =
        signedBlock.getValue("justifications") instanceof JsonArray existing
            ? existing
            : new JsonArray();
    if (!hasBeefyJustification(justifications)) {
      justifications.add(
          new JsonArray().add(numbers(ENGINE_ID)).add(numbers(justification.get().encoded())));
    }
    signedBlock.put("justifications", justifications);
    return reply;
  }

  /** The notification a subscriber gets for a newly signed block. */
  static JsonObject notification(final String subscription, final BeefyJustification signed) {
    return new JsonObject()
        .put("jsonrpc", "2.0")
        .put("method", NOTIFICATION)
        .put(
            "params",
            new JsonObject().put("subscription", subscription).put("result", signed.encodedHex()));
  }

  static JsonObject result(final Object id, final Object result) {
    return new JsonObject().put("jsonrpc", "2.0").put("id", id).put("result", result);
  }

  static JsonObject error(final Object id, final int code, final String message) {
    return new JsonObject()
        .put("jsonrpc", "2.0")
        .put("id", id)
        .put("error", new JsonObject().put("code", code).put("message", message));
  }

  private static JsonArray params(final JsonObject request) {
    return request.getValue("params") instanceof JsonArray params ? params : new JsonArray();
  }

  private static boolean hasBeefyJustification(final JsonArray justifications) {
    for (final Object entry : justifications) {
      if (entry instanceof JsonArray pair && !pair.isEmpty()) {
        final Object engine = pair.getValue(0);
        if (numbers(ENGINE_ID).equals(engine)
            || VersionedFinalityProof.ENGINE_ID.equals(engine)
            || "0x42454546".equals(engine)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Bytes as serde serializes {@code [u8; N]} and {@code Vec<u8>}: an array of numbers. */
  private static JsonArray numbers(final byte[] bytes) {
    final JsonArray array = new JsonArray(new ArrayList<>(bytes.length));
    for (final byte b : bytes) {
      array.add(b & 0xff);
    }
    return array;
  }
}
