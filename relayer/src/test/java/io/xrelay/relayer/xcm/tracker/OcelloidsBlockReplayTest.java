package io.xrelay.relayer.xcm.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.xrelay.store.journey.Journey;
import io.xrelay.store.journey.JourneyLeg;
import io.xrelay.store.journey.JourneyOutcome;
import io.xrelay.testing.SharedFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replays the real blocks in {@code xcm/ocelloids/blocks} (Polkadot, Asset Hub, Hydration and both
 * bridge hubs) through the matcher and checks the journeys against {@code correlations.json}: the
 * message ids, the chains and blocks of each leg, the outcomes and trapped assets. Blocks are
 * applied in both orders, since watchers of different chains run independently.
 */
class OcelloidsBlockReplayTest {
  static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
  static final String POLKADOT = "urn:ocn:polkadot:0";
  static final String ASSET_HUB = "urn:ocn:polkadot:1000";
  static final String HYDRATION = "urn:ocn:polkadot:2034";
  static final String BRIDGE_HUB = "urn:ocn:polkadot:1002";
  static final String KUSAMA_BRIDGE_HUB = "urn:ocn:kusama:1002";

  static final List<TrackedChain> CHAINS =
      List.of(
          new TrackedChain(POLKADOT, "polkadot", TrackedChain.RELAY),
          new TrackedChain(ASSET_HUB, "polkadot", 1000),
          new TrackedChain(HYDRATION, "polkadot", 2034),
          new TrackedChain(BRIDGE_HUB, "polkadot", 1002),
          new TrackedChain("urn:ocn:kusama:0", "kusama", TrackedChain.RELAY),
          new TrackedChain(KUSAMA_BRIDGE_HUB, "kusama", 1002));

  static final List<String> FILES =
      List.of(
          "assethub_ump-out_7397884",
          "polkadot_ump-in_23088963",
          "assethub_hrmp-out_7392940",
          "hydra_hrmp-in_6253481",
          "assethub_8933756",
          "polkadot_dmp-out_23090081",
          "hydra_hrmp-in-fail_6243505",
          "hydra_dmp-in-fail_6253890",
          "polkadot_ump-in-fail_23083486",
          "polkadot_26185925",
          "kbridgehub_6652869",
          "bridgehub_6100146",
          "polkadot_hrmp-relay_23089871",
          "hydra_dmp-in_6258493");

  static List<BlockEvents> blocks() throws Exception {
    final List<BlockEvents> blocks = new ArrayList<>();
    for (final String file : FILES) {
      blocks.add(
          OcelloidsBlocks.read(
              chainOf(file),
              CBOR.readTree(SharedFixtures.read("xcm/ocelloids/blocks/" + file + ".cbor"))));
    }
    return blocks;
  }

  static String chainOf(final String file) {
    final String prefix = file.substring(0, file.indexOf('_'));
    switch (prefix) {
      case "assethub":
        return ASSET_HUB;
      case "hydra":
        return HYDRATION;
      case "polkadot":
        return POLKADOT;
      case "bridgehub":
        return BRIDGE_HUB;
      case "kbridgehub":
        return KUSAMA_BRIDGE_HUB;
      default:
        throw new IllegalArgumentException(file);
    }
  }

  private static JourneyMatcher replay(final List<BlockEvents> blocks) {
    final JourneyMatcher matcher =
        new JourneyMatcher(CHAINS, Duration.ofHours(1), Duration.ofHours(24));
    blocks.forEach(matcher::apply);
    return matcher;
  }

  @Test
  void shouldMatchTheRecordedJourneysInEitherBlockOrder() throws Exception {
    final List<BlockEvents> inOrder = blocks();
    final List<BlockEvents> reversed = new ArrayList<>(inOrder);
    Collections.reverse(reversed);
    for (final List<BlockEvents> order : List.of(inOrder, reversed)) {
      final JourneyMatcher matcher = replay(order);

      // UMP Asset Hub -> Polkadot: the relay reports the topic, the sender the message hash.
      final Journey ump =
          matcher
              .journey("0x10d04544113a2aa26695ad27c151263ef6f6fe78527d6b3b05ec198a080a6f2e")
              .orElseThrow();
      assertThat(ump.origin()).isEqualTo(ASSET_HUB);
      assertThat(ump.destination()).contains(POLKADOT);
      assertThat(ump.outcome()).isEqualTo(JourneyOutcome.SUCCESS);
      assertThat(ump.keys())
          .contains("0x976af96e690d2b2243e8ccb21dec208fe545c8406d137c361a3438cc78300bd1");
      assertThat(ump.legs())
          .extracting(JourneyLeg::kind, JourneyLeg::chain, JourneyLeg::block, JourneyLeg::event)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(
                  JourneyLeg.Kind.SENT, ASSET_HUB, 7397884L, "ParachainSystem.UpwardMessageSent"),
              org.assertj.core.groups.Tuple.tuple(
                  JourneyLeg.Kind.RECEIVED, POLKADOT, 23088963L, "MessageQueue.Processed"));

      // HRMP Asset Hub -> Hydration: the (older) receiver reports the message hash, not the topic.
      final Journey hrmp =
          matcher
              .journey("0x038bea7a3ddd9d0472337c70a7bb0189b604583fd7d8f38b670917186846536c")
              .orElseThrow();
      assertThat(hrmp.origin()).isEqualTo(ASSET_HUB);
      assertThat(hrmp.destination()).contains(HYDRATION);
      assertThat(hrmp.outcome()).isEqualTo(JourneyOutcome.SUCCESS);
      assertThat(hrmp.legs())
          .extracting(JourneyLeg::kind, JourneyLeg::chain, JourneyLeg::block)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(JourneyLeg.Kind.SENT, ASSET_HUB, 7392940L),
              org.assertj.core.groups.Tuple.tuple(JourneyLeg.Kind.RECEIVED, HYDRATION, 6253481L));

      // UMP V5 with no destination block recorded: pending, then a timeout after an hour.
      final Journey v5 =
          matcher
              .journey("0x25bf077c7a169516951c5f9959af38729757d61da4e2389da703ec04beb79b12")
              .orElseThrow();
      assertThat(v5.outcome()).isEqualTo(JourneyOutcome.PENDING);
      assertThat(v5.destination()).contains(POLKADOT);
      assertThat(v5.keys())
          .contains("0x5ce84ae19b1e9a1786a8339ea78600369fa083f728bb0691c2fa22c098d6db2b");

      // Relay DMP send: XcmPallet.Sent names the topic and the destination parachain.
      final Journey dmp =
          matcher
              .journey("0xe99f2a88949328b8cf9a607247b8ec8557a4f41e1b5f74983c7e74edfbb22418")
              .orElseThrow();
      assertThat(dmp.origin()).isEqualTo(POLKADOT);
      assertThat(dmp.legs()).extracting(JourneyLeg::event).containsExactly("XcmPallet.Sent");
      assertThat(dmp.destination()).isPresent();

      // Failed executions with trapped assets, whose sends are not among the blocks.
      assertFailedWithTrap(
          matcher,
          "0x793e73dc9d8128301536903823532e0d8671d2e075458fef202ac1a5e6c85430",
          ASSET_HUB,
          HYDRATION);
      assertFailedWithTrap(
          matcher,
          "0x4fad75cfe215d0fc6e20fefeac8947079d874213ab012859e69edafc845ca4d6",
          POLKADOT,
          HYDRATION);
      assertFailedWithTrap(
          matcher,
          "0x2abaa6b12095907dc66bda380ac24f78ce78642f953b91107ac6acd2063017d3",
          "polkadot:2004",
          POLKADOT);

      // Polkadot <> Kusama bridge: executed on Kusama BridgeHub and exported as lane 1 nonce 1560,
      // received on Polkadot BridgeHub, which forwards it: bridged and pending its last hop.
      final Journey bridged =
          matcher
              .journey("0xc09c41eba05e7b58ddfdcc58bdf06a2589c78119a7da9a68bb4d71ba03201c46")
              .orElseThrow();
      assertThat(bridged.bridged()).isTrue();
      assertThat(bridged.keys()).contains("bridge:0x00000001:1560");
      assertThat(bridged.legs())
          .extracting(JourneyLeg::kind, JourneyLeg::chain, JourneyLeg::block)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(
                  JourneyLeg.Kind.RECEIVED, KUSAMA_BRIDGE_HUB, 6652869L),
              org.assertj.core.groups.Tuple.tuple(
                  JourneyLeg.Kind.BRIDGE_OUT, KUSAMA_BRIDGE_HUB, 6652869L),
              org.assertj.core.groups.Tuple.tuple(JourneyLeg.Kind.BRIDGE_IN, BRIDGE_HUB, 6100146L),
              org.assertj.core.groups.Tuple.tuple(JourneyLeg.Kind.SENT, BRIDGE_HUB, 6100146L));
      assertThat(bridged.keys())
          .contains("0xfd5834b633b78053fefa6ff109a03592cc743bda6e92a6d142cc3bfb5d7f4c78");
      assertThat(bridged.outcome()).isEqualTo(JourneyOutcome.PENDING);

      // Timeouts: the V5 one after 1 h, the bridged one only after 24 h.
      final Instant v5Sent = Instant.ofEpochMilli(v5.sentAtMillis());
      assertThat(matcher.expire(v5Sent.plus(Duration.ofMinutes(59))))
          .extracting(u -> u.journey().messageId())
          .doesNotContain(v5.messageId());
      assertThat(matcher.expire(v5Sent.plus(Duration.ofHours(1))))
          .extracting(u -> u.journey().messageId())
          .contains(v5.messageId())
          .doesNotContain(bridged.messageId());
      assertThat(matcher.journey(v5.messageId()).orElseThrow().outcome())
          .isEqualTo(JourneyOutcome.TIMEOUT);
    }
  }

  @Test
  void shouldAddNothingWhenABlockIsReplayed() throws Exception {
    final List<BlockEvents> blocks = blocks();
    final JourneyMatcher matcher = replay(blocks);
    final int journeys = matcher.size();
    final List<JourneyUpdate> again = new ArrayList<>();
    blocks.forEach(block -> again.addAll(matcher.apply(block)));
    assertThat(again).isEmpty();
    assertThat(matcher.size()).isEqualTo(journeys);
  }

  private static void assertFailedWithTrap(
      final JourneyMatcher matcher, final String id, final String origin, final String chain) {
    final Journey journey = matcher.journey(id).orElseThrow();
    assertThat(journey.outcome()).isEqualTo(JourneyOutcome.FAIL);
    assertThat(journey.origin()).isEqualTo(origin);
    assertThat(journey.legs()).hasSize(1);
    final JourneyLeg received = journey.legs().get(0);
    assertThat(received.chain()).isEqualTo(chain);
    assertThat(received.outcome()).contains("fail");
    assertThat(received.assetsTrapped()).isPresent();
    assertThat(received.assetsTrapped().get()).contains("\"hash\"");
    assertThat(journey.error()).contains("assets trapped");
  }
}
