package io.xrelay.devnet.beefy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xrelay.substrate.block.BlockHeader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BeefyRpcMethodsTest {
  private final JustificationWindow window = new JustificationWindow(10);
  private final PayloadFault fault = new PayloadFault();
  private final BeefyRpcMethods methods = new BeefyRpcMethods(window, fault);

  /** Stands in for chopsticks where a test does not expect to reach it. */
  private final List<JsonObject> relayed = new ArrayList<>();

  private final BeefyRpcMethods.Upstream upstream =
      request -> {
        relayed.add(request);
        return Future.succeededFuture(
            BeefyRpcMethods.result(request.getValue("id"), "from chopsticks"));
      };

  @Test
  void shouldSayNotReadyBeforeTheFirstSignedBlockAsABeefyNodeDoes() {
    final JsonObject reply = answer(request(7, "beefy_getFinalizedHead"));

    assertThat(reply.getValue("id")).isEqualTo(7);
    assertThat(reply.getJsonObject("error").getInteger("code")).isEqualTo(1);
    assertThat(reply.getJsonObject("error").getString("message"))
        .isEqualTo("BEEFY RPC endpoint not ready");
  }

  @Test
  void shouldServeTheHashOfTheLatestSignedBlock() {
    window.add(JustificationWindowTest.justification(4));
    window.add(JustificationWindowTest.justification(5));

    assertThat(answer(request("a", "beefy_getFinalizedHead")).getString("result"))
        .isEqualTo(JustificationWindowTest.hash(5));
    assertThat(relayed).isEmpty();
  }

  @Test
  void shouldAddTheBeefJustificationInSubstratesSerdeFormAndKeepChopsticksOwn() {
    final JsonObject header = header(5);
    final String hash = RelayHeader.parse(header).computeHash();
    final BeefyJustification signed = JustificationWindowTest.justification(5, hash);
    window.add(signed);
    final JsonArray grandpa = new JsonArray().add(new JsonArray().add(70).add(82).add(78).add(75));
    grandpa.add(new JsonArray().add(1).add(2));
    final JsonObject reply =
        BeefyRpcMethods.result(
            1,
            new JsonObject()
                .put("block", new JsonObject().put("header", header).put("extrinsics", List.of()))
                .put("justifications", new JsonArray().add(grandpa)));

    final JsonArray justifications =
        methods
            .withJustification(reply.copy(), new JsonArray().add(hash))
            .getJsonObject("result")
            .getJsonArray("justifications");

    assertThat(justifications).hasSize(2);
    assertThat(justifications.getJsonArray(0)).isEqualTo(grandpa);
    assertThat(justifications.getJsonArray(1).getJsonArray(0))
        .isEqualTo(new JsonArray().add(66).add(69).add(69).add(70));
    final JsonArray bytes = justifications.getJsonArray(1).getJsonArray(1);
    final byte[] encoded = signed.encoded();
    assertThat(bytes.size()).isEqualTo(encoded.length);
    for (int i = 0; i < encoded.length; i++) {
      assertThat(bytes.getInteger(i)).isEqualTo(encoded[i] & 0xff);
    }
    // The latest block (no hash given) is found by the hash of its header.
    assertThat(
            methods
                .withJustification(reply.copy(), new JsonArray())
                .getJsonObject("result")
                .getJsonArray("justifications"))
        .isEqualTo(justifications);
  }

  @Test
  void shouldLeaveABlockItDidNotSignAsChopsticksServedIt() {
    window.add(JustificationWindowTest.justification(5));
    final JsonObject reply =
        BeefyRpcMethods.result(
            1,
            new JsonObject()
                .put("block", new JsonObject().put("header", header(6)))
                .putNull("justifications"));

    assertThat(methods.withJustification(reply.copy(), new JsonArray())).isEqualTo(reply);
  }

  @Test
  void shouldRelayEveryOtherMethodAndAnswerMixedBatchesInOrder() {
    window.add(JustificationWindowTest.justification(3));
    final JsonArray batch =
        new JsonArray()
            .add(request(1, "system_chain"))
            .add(request(2, "beefy_getFinalizedHead"))
            .add(request(3, "devnet_beefyCorruptPayload").put("params", new JsonArray().add(true)));

    assertThat(BeefyRpcMethods.intercepts(batch)).isTrue();
    assertThat(BeefyRpcMethods.intercepts(request(9, "system_chain"))).isFalse();
    final JsonArray replies = (JsonArray) methods.answer(batch, upstream, null).result();

    assertThat(replies.getJsonObject(0).getString("result")).isEqualTo("from chopsticks");
    assertThat(replies.getJsonObject(1).getString("result"))
        .isEqualTo(JustificationWindowTest.hash(3));
    assertThat(replies.getJsonObject(2).getBoolean("result")).isTrue();
    assertThat(fault.isOn()).isTrue();
    assertThat(relayed).extracting(r -> r.getString("method")).containsExactly("system_chain");
  }

  @Test
  void shouldRefuseSubscriptionsWithoutAWebSocketAndBadFaultSwitchParams() {
    assertThat(answer(request(1, "beefy_subscribeJustifications")).getJsonObject("error"))
        .isEqualTo(
            new JsonObject()
                .put("code", -32601)
                .put("message", "beefy_subscribeJustifications needs a WebSocket connection"));
    assertThat(
            answer(request(2, "devnet_beefyCorruptPayload").put("params", new JsonArray().add(1)))
                .getJsonObject("error")
                .getInteger("code"))
        .isEqualTo(-32602);
    assertThat(fault.isOn()).isFalse();
  }

  @Test
  void shouldCorruptTheMmrRootOnlyWhileTheSwitchIsOn() {
    final io.xrelay.proofs.H256 root = io.xrelay.proofs.H256.fromHex("0x" + "5a".repeat(32));
    assertThat(fault.payloadFor(root)).isEqualTo(root);
    fault.set(true);
    assertThat(fault.payloadFor(root).toHex()).isEqualTo("0xa5" + "5a".repeat(31));
  }

  private JsonObject answer(final JsonObject request) {
    return (JsonObject) methods.answer(request, upstream, null).result();
  }

  private static JsonObject request(final Object id, final String method) {
    return new JsonObject()
        .put("jsonrpc", "2.0")
        .put("id", id)
        .put("method", method)
        .put("params", new JsonArray());
  }

  private static JsonObject header(final long number) {
    final BlockHeader header =
        new BlockHeader(
            "0x" + "11".repeat(32),
            number,
            "0x" + "00".repeat(32),
            "0x" + "22".repeat(32),
            List.of());
    return new JsonObject()
        .put("parentHash", header.parentHash())
        .put("number", "0x" + Long.toHexString(number))
        .put("stateRoot", header.stateRoot())
        .put("extrinsicsRoot", header.extrinsicsRoot())
        .put("digest", new JsonObject().put("logs", new JsonArray()));
  }
}
