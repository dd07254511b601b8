package io.xrelay.relayer.xcm.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xrelay.scale.Hex;
import io.xrelay.store.journey.Journey;
import io.xrelay.store.journey.JourneyLeg;
import io.xrelay.store.journey.JourneyOutcome;
import io.xrelay.xcm.id.XcmIds;
import io.xrelay.xcm.model.Bytes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The matching rules one at a time, with the event shapes of the devnet's runtimes (Kusama spec
 * 1000000: no Sent on teleports, DmpQueue on Asset Hub) and of current ones.
 */
class JourneyMatcherTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RELAY = "kusama";
  private static final String HUB = "asset-hub-kusama";
  private static final String OTHER = "para-2000";

  /** Ocelloids' AH -> relay teleport (V4, 98 bytes) ending in SetTopic. */
  private static final byte[] MESSAGE =
      Hex.decode(
          "0x0414020400000007a346f03c010a1300000007a346f03c01000d01020400010100f81641fe8a6529a467"
              + "d4c2d0a81c87fe14307764d224842fb05ab836162756382c10d04544113a2aa26695ad27c151263e"
              + "f6f6fe78527d6b3b05ec198a080a6f2e");

  private static final String TOPIC =
      "0x10d04544113a2aa26695ad27c151263ef6f6fe78527d6b3b05ec198a080a6f2e";
  private static final String HASH =
      "0x976af96e690d2b2243e8ccb21dec208fe545c8406d137c361a3438cc78300bd1";
  private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");

  private final JourneyMatcher matcher =
      new JourneyMatcher(
          List.of(
              new TrackedChain(RELAY, "kusama", TrackedChain.RELAY),
              new TrackedChain(HUB, "kusama", 1000),
              new TrackedChain(OTHER, "kusama", 2000)),
          Duration.ofHours(1),
          Duration.ofHours(24));

  private static JsonNode json(final String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static ChainEvent event(
      final int index, final long extrinsic, final String name, final String fields) {
    final String[] parts = name.split("\\.");
    return new ChainEvent(index, extrinsic, parts[0], parts[1], json(fields));
  }

  private static BlockEvents block(
      final String chain,
      final long number,
      final int secondsAfterT0,
      final List<ChainEvent> events,
      final List<BlockEvents.DownwardMessage> downward,
      final List<BlockEvents.OutboundMessage> outbound,
      final List<String> extrinsics) {
    return new BlockEvents(
        chain,
        number,
        "0x" + chain.length() + number,
        T0.plusSeconds(secondsAfterT0),
        events,
        downward,
        outbound,
        List.of(),
        extrinsics);
  }

  private static BlockEvents events(
      final String chain, final long number, final int seconds, final ChainEvent... events) {
    return block(chain, number, seconds, List.of(events), List.of(), List.of(), List.of());
  }

  private Journey only(final String id) {
    return matcher.journey(id).orElseThrow();
  }

  @Test
  void shouldTrackADevnetDownwardTeleportFromTheInherentToExecutedDownward() {
    // Relay block 12: the teleport extrinsic executes XCM but names no message.
    matcher.apply(
        block(
            RELAY,
            12,
            0,
            List.of(event(0, 2, "XcmPallet.Attempted", "{'outcome':{'type':'Complete'}}")),
            List.of(),
            List.of(),
            List.of("0x01", "0x02", "0xe1")));
    // Asset Hub: the inherent carries the message sent at relay block 12, then it executes.
    final List<JourneyUpdate> updates =
        matcher.apply(
            block(
                HUB,
                7,
                6,
                List.of(
                    event(
                        0,
                        1,
                        "DmpQueue.ExecutedDownward",
                        "{'message_hash':'"
                            + HASH
                            + "','message_id':'"
                            + TOPIC
                            + "','outcome':{'type':'Complete','value':{'used':1}}}")),
                List.of(new BlockEvents.DownwardMessage(12, MESSAGE)),
                List.of(),
                List.of()));

    assertThat(updates).hasSize(1);
    final Journey journey = updates.get(0).journey();
    assertThat(journey.messageId()).isEqualTo(TOPIC);
    assertThat(journey.origin()).isEqualTo(RELAY);
    assertThat(journey.destination()).contains(HUB);
    assertThat(journey.outcome()).isEqualTo(JourneyOutcome.SUCCESS);
    assertThat(journey.keys()).contains(TOPIC, HASH, "0xe1");
    assertThat(journey.legs())
        .extracting(JourneyLeg::kind, JourneyLeg::chain, JourneyLeg::block, JourneyLeg::event)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                JourneyLeg.Kind.SENT, RELAY, 12L, "Dmp.DownwardMessageQueues"),
            org.assertj.core.groups.Tuple.tuple(
                JourneyLeg.Kind.RECEIVED, HUB, 7L, "DmpQueue.ExecutedDownward"));
    assertThat(journey.sentAtMillis()).isEqualTo(T0.plusSeconds(6).toEpochMilli());
  }

  @Test
  void shouldFailADownwardMessageThatExecutesIncompleteWithItsError() {
    matcher.apply(
        block(
            HUB,
            8,
            0,
            List.of(
                event(
                    0,
                    1,
                    "PolkadotXcm.AssetsTrapped",
                    "{'hash':'0x82','origin':{'parents':1,'interior':{'type':'Here'}},'assets':[]}"),
                event(
                    1,
                    1,
                    "DmpQueue.ExecutedDownward",
                    "{'message_hash':'"
                        + HASH
                        + "','message_id':'"
                        + TOPIC
                        + "','outcome':{'type':'Incomplete','value':[{'ref_time':1},"
                        + "{'type':'FailedToTransactAsset'}]}}")),
            List.of(new BlockEvents.DownwardMessage(30, MESSAGE)),
            List.of(),
            List.of()));

    final Journey journey = only(TOPIC);
    assertThat(journey.outcome()).isEqualTo(JourneyOutcome.FAIL);
    assertThat(journey.error()).contains("FailedToTransactAsset");
    final JourneyLeg received = journey.legs().get(1);
    assertThat(received.outcome()).contains("fail");
    assertThat(received.assetsTrapped()).get().asString().contains("0x82");
  }

  @Test
  void shouldMatchAnUpwardMessageByTheTopicInTheQueuedBytes() {
    // Asset Hub reports only the hash; the queued bytes give the topic the relay reports.
    matcher.apply(
        block(
            HUB,
            20,
            0,
            List.of(
                event(
                    0,
                    2,
                    "ParachainSystem.UpwardMessageSent",
                    "{'message_hash':{'type':'Some','value':'" + HASH + "'}}")),
            List.of(),
            List.of(new BlockEvents.OutboundMessage(TrackedChain.RELAY, MESSAGE)),
            List.of("0x01", "0x02", "0xab")));
    assertThat(only(HASH).outcome()).isEqualTo(JourneyOutcome.PENDING);

    matcher.apply(
        events(
            RELAY,
            40,
            3,
            event(
                0,
                -1,
                "MessageQueue.Processed",
                "{'id':'"
                    + TOPIC
                    + "','origin':{'type':'Ump','value':{'type':'Para','value':1000}},"
                    + "'weight_used':{},'success':true}")));

    final Journey journey = only("0xab");
    assertThat(journey.messageId()).isEqualTo(TOPIC);
    assertThat(journey.origin()).isEqualTo(HUB);
    assertThat(journey.destination()).contains(RELAY);
    assertThat(journey.outcome()).isEqualTo(JourneyOutcome.SUCCESS);
    assertThat(journey.updatedAtMillis() - journey.sentAtMillis()).isEqualTo(3_000);
  }

  @Test
  void shouldMatchAReceiptThatReportsForwardIdForTheTopic() {
    matcher.apply(
        block(
            HUB,
            20,
            0,
            List.of(event(0, 2, "XcmpQueue.XcmpMessageSent", "{'message_hash':'" + HASH + "'}")),
            List.of(),
            List.of(new BlockEvents.OutboundMessage(2000, MESSAGE)),
            List.of()));
    final String forwardId = XcmIds.forwardIdFor(Bytes.fromHex(TOPIC)).toHex();

    matcher.apply(
        events(
            OTHER,
            5,
            12,
            event(
                0,
                -1,
                "MessageQueue.Processed",
                "{'id':'"
                    + forwardId
                    + "','origin':{'type':'Sibling','value':1000},'success':true}")));

    final Journey journey = only(TOPIC);
    assertThat(journey.destination()).contains(OTHER);
    assertThat(journey.outcome()).isEqualTo(JourneyOutcome.SUCCESS);
  }

  @Test
  void shouldPairTheHashEventWithTheSentEventOfTheSameExtrinsic() {
    matcher.apply(
        events(
            HUB,
            20,
            0,
            event(0, 3, "XcmpQueue.XcmpMessageSent", "{'message_hash':'" + HASH + "'}"),
            event(
                1,
                3,
                "PolkadotXcm.Sent",
                "{'origin':{},'destination':{'parents':1,'interior':{'type':'X1','value':"
                    + "{'type':'Parachain','value':2000}}},'message':[],'message_id':'"
                    + TOPIC
                    + "'}")));

    final Journey journey = only(TOPIC);
    assertThat(journey.keys()).contains(HASH);
    assertThat(journey.destination()).contains(OTHER);
    assertThat(journey.legs()).hasSize(1);
  }

  @Test
  void shouldReportAQueueLevelFailureWithItsReason() {
    matcher.apply(
        block(
            HUB,
            20,
            0,
            List.of(
                event(
                    0, 2, "ParachainSystem.UpwardMessageSent", "{'message_hash':'" + HASH + "'}")),
            List.of(),
            List.of(new BlockEvents.OutboundMessage(TrackedChain.RELAY, MESSAGE)),
            List.of()));
    // After a barrier failure the relay reports the message hash, not the topic.
    matcher.apply(
        events(
            RELAY,
            41,
            2,
            event(
                0,
                -1,
                "MessageQueue.ProcessingFailed",
                "{'id':'"
                    + HASH
                    + "','origin':{'type':'Ump','value':{'type':'Para','value':1000}},"
                    + "'error':{'type':'Unsupported'}}")));

    final Journey journey = only(TOPIC);
    assertThat(journey.outcome()).isEqualTo(JourneyOutcome.FAIL);
    assertThat(journey.error()).contains("Unsupported");
  }

  @Test
  void shouldTimeOutAPendingJourneyAndStillTakeALateReceipt() {
    matcher.apply(
        block(
            HUB,
            20,
            0,
            List.of(
                event(
                    0, 2, "ParachainSystem.UpwardMessageSent", "{'message_hash':'" + HASH + "'}")),
            List.of(),
            List.of(new BlockEvents.OutboundMessage(TrackedChain.RELAY, MESSAGE)),
            List.of()));

    assertThat(matcher.expire(T0.plus(Duration.ofMinutes(59)))).isEmpty();
    final List<JourneyUpdate> expired = matcher.expire(T0.plus(Duration.ofHours(1)));
    assertThat(expired).hasSize(1);
    assertThat(expired.get(0).journey().outcome()).isEqualTo(JourneyOutcome.TIMEOUT);
    assertThat(expired.get(0).outcomeChanged()).isTrue();
    assertThat(matcher.expire(T0.plus(Duration.ofHours(2)))).isEmpty();

    final List<JourneyUpdate> late =
        matcher.apply(
            events(
                RELAY,
                99,
                7200,
                event(
                    0,
                    -1,
                    "MessageQueue.Processed",
                    "{'id':'" + TOPIC + "','origin':{},'success':true}")));
    assertThat(late.get(0).previousOutcome()).isEqualTo(JourneyOutcome.TIMEOUT);
    assertThat(late.get(0).journey().outcome()).isEqualTo(JourneyOutcome.SUCCESS);
  }

  @Test
  void shouldContinueARestoredJourneyAfterARestart() {
    matcher.apply(
        block(
            HUB,
            20,
            0,
            List.of(
                event(
                    0, 2, "ParachainSystem.UpwardMessageSent", "{'message_hash':'" + HASH + "'}")),
            List.of(),
            List.of(new BlockEvents.OutboundMessage(TrackedChain.RELAY, MESSAGE)),
            List.of()));
    final Journey saved = only(TOPIC);

    final JourneyMatcher restarted =
        new JourneyMatcher(
            List.of(
                new TrackedChain(RELAY, "kusama", TrackedChain.RELAY),
                new TrackedChain(HUB, "kusama", 1000)),
            Duration.ofHours(1),
            Duration.ofHours(24));
    restarted.restore(saved);
    final List<JourneyUpdate> updates =
        restarted.apply(
            events(
                RELAY,
                40,
                3,
                event(
                    0,
                    -1,
                    "MessageQueue.Processed",
                    "{'id':'" + TOPIC + "','origin':{},'success':true}")));

    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).journey().outcome()).isEqualTo(JourneyOutcome.SUCCESS);
    assertThat(updates.get(0).journey().legs()).hasSize(2);
    // The send's block again (a replay after the restart) adds nothing.
    assertThat(
            restarted.apply(
                block(
                    HUB,
                    20,
                    0,
                    List.of(
                        event(
                            0,
                            2,
                            "ParachainSystem.UpwardMessageSent",
                            "{'message_hash':'" + HASH + "'}")),
                    List.of(),
                    List.of(new BlockEvents.OutboundMessage(TrackedChain.RELAY, MESSAGE)),
                    List.of())))
        .isEmpty();
  }

  @Test
  void shouldIgnoreBlocksWithoutXcm() {
    assertThat(
            matcher.apply(
                events(
                    RELAY,
                    1,
                    0,
                    event(0, 1, "Balances.Transfer", "{'from':'0x01','to':'0x02','amount':5}"))))
        .isEmpty();
    assertThat(matcher.size()).isZero();
  }
}
