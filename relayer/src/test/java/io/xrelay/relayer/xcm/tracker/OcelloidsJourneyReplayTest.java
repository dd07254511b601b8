package io.xrelay.relayer.xcm.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xrelay.scale.Hex;
import io.xrelay.store.journey.Journey;
import io.xrelay.store.journey.JourneyLeg;
import io.xrelay.store.journey.JourneyOutcome;
import io.xrelay.testing.SharedFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Replays the 233 journey records Ocelloids saved from Polkadot ({@code
 * xcm/ocelloids/journeys/00{1,2}.jsonl}) through the matcher. Each record's waypoint becomes what
 * its chain's block showed: the sender's event ({@code XcmpMessageSent}, {@code UpwardMessageSent},
 * {@code PolkadotXcm/XcmPallet.Sent}) with the queued message bytes, the relay chain's carried XCMP
 * page, the receiver's {@code MessageQueue.Processed}. Blocks are applied in time order; the
 * matcher must find the records' own ids (topic, or message hash where the message has no topic),
 * put each leg on the recorded chain and block, give each receipt the recorded outcome, and turn
 * exactly the journeys recorded as {@code xcm.timeout} into timeouts (none of them is ever
 * received).
 */
class OcelloidsJourneyReplayTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Key(String chain, long block) {}

  static List<JsonNode> records() throws Exception {
    final List<JsonNode> records = new ArrayList<>();
    for (final String file : List.of("001.jsonl", "002.jsonl")) {
      for (final String line :
          SharedFixtures.readString("xcm/ocelloids/journeys/" + file).split("\n")) {
        if (!line.isBlank()) {
          records.add(JSON.readTree(line));
        }
      }
    }
    return records;
  }

  static List<TrackedChain> chains(final List<JsonNode> records) {
    final Set<String> names = new LinkedHashSet<>();
    for (final JsonNode record : records) {
      names.add(record.path("origin").path("chainId").asText());
      names.add(record.path("destination").path("chainId").asText());
      names.add(record.path("waypoint").path("chainId").asText());
    }
    return names.stream()
        .map(name -> new TrackedChain(name, "polkadot", paraOf(name)))
        .collect(Collectors.toList());
  }

  static int paraOf(final String urn) {
    final int para = Integer.parseInt(urn.substring(urn.lastIndexOf(':') + 1));
    return para == 0 ? TrackedChain.RELAY : para;
  }

  /** The blocks the records were seen in, each with what the records show of it. */
  static List<BlockEvents> blocks(final List<JsonNode> records) {
    final Map<Key, Long> times = new LinkedHashMap<>();
    final Map<Key, Map<Integer, ChainEvent>> events = new LinkedHashMap<>();
    final Map<Key, Map<String, BlockEvents.OutboundMessage>> outbound = new LinkedHashMap<>();
    final Map<Key, Map<String, BlockEvents.HorizontalPage>> pages = new LinkedHashMap<>();
    for (final JsonNode record : records) {
      final String type = record.path("type").asText();
      final JsonNode waypoint = record.path("waypoint");
      final JsonNode leg = record.path("legs").get(waypoint.path("legIndex").asInt());
      final Key key =
          new Key(waypoint.path("chainId").asText(), waypoint.path("blockNumber").asLong());
      times.put(key, waypoint.path("timestamp").asLong());
      final JsonNode event = waypoint.path("event");
      final byte[] data = Hex.decode(waypoint.path("messageData").asText());
      if (type.equals("xcm.relayed")) {
        final byte[] page =
            new byte[data.length + 1]; // XcmpMessageFormat::ConcatenatedVersionedXcm
        System.arraycopy(data, 0, page, 1, data.length);
        pages
            .computeIfAbsent(key, k -> new LinkedHashMap<>())
            .put(
                waypoint.path("messageHash").asText(),
                new BlockEvents.HorizontalPage(
                    paraOf(leg.path("from").asText()), paraOf(leg.path("to").asText()), page));
        continue;
      }
      final int position = event.path("blockPosition").asInt();
      events
          .computeIfAbsent(key, k -> new TreeMap<>())
          .put(
              position,
              new ChainEvent(
                  position,
                  event.path("extrinsic").path("blockPosition").asLong(-1),
                  event.path("module").asText(),
                  event.path("name").asText(),
                  event.path("value")));
      if (type.equals("xcm.sent") || type.equals("xcm.timeout")) {
        outbound
            .computeIfAbsent(key, k -> new LinkedHashMap<>())
            .put(
                waypoint.path("messageHash").asText(),
                new BlockEvents.OutboundMessage(paraOf(leg.path("to").asText()), data));
      }
    }
    final List<BlockEvents> blocks = new ArrayList<>();
    for (final Map.Entry<Key, Long> entry : times.entrySet()) {
      final Key key = entry.getKey();
      blocks.add(
          new BlockEvents(
              key.chain(),
              key.block(),
              null,
              Instant.ofEpochMilli(entry.getValue()),
              new ArrayList<>(events.getOrDefault(key, Map.of()).values()),
              List.of(),
              new ArrayList<>(outbound.getOrDefault(key, Map.of()).values()),
              new ArrayList<>(pages.getOrDefault(key, Map.of()).values()),
              List.of()));
    }
    blocks.sort(Comparator.comparing(BlockEvents::time));
    return blocks;
  }

  @Test
  void shouldReplayTheRecordedJourneysToTheirRecordedLegsAndOutcomes() throws Exception {
    final List<JsonNode> records = records();
    assertThat(records).hasSize(233);
    final JourneyMatcher matcher =
        new JourneyMatcher(chains(records), Duration.ofHours(1), Duration.ofHours(24));
    final List<BlockEvents> blocks = blocks(records);
    blocks.forEach(matcher::apply);

    final Set<String> timedOut = new LinkedHashSet<>();
    final Set<String> failed = new LinkedHashSet<>();
    final Set<String> received = new LinkedHashSet<>();
    int legsChecked = 0;
    for (final JsonNode record : records) {
      final String id = record.path("messageId").asText();
      final JsonNode waypoint = record.path("waypoint");
      final Journey journey = matcher.journey(id).orElseThrow(() -> new AssertionError(id));
      assertThat(journey.keys()).as(id).contains(id);
      final String chain = waypoint.path("chainId").asText();
      final long block = waypoint.path("blockNumber").asLong();
      final String type = record.path("type").asText();
      final JourneyLeg.Kind kind =
          switch (type) {
            case "xcm.sent", "xcm.timeout" -> JourneyLeg.Kind.SENT;
            case "xcm.relayed" -> JourneyLeg.Kind.RELAYED;
            case "xcm.received" -> JourneyLeg.Kind.RECEIVED;
            default -> throw new AssertionError(type);
          };
      final List<JourneyLeg> legs =
          journey.legs().stream()
              .filter(l -> l.kind() == kind && l.chain().equals(chain) && l.block() == block)
              .toList();
      assertThat(legs).as("%s %s at %s #%d", id, type, chain, block).isNotEmpty();
      legsChecked++;
      if (kind == JourneyLeg.Kind.SENT) {
        assertThat(journey.origin())
            .as(id)
            .isEqualTo(record.path("origin").path("chainId").asText());
        final JsonNode event = waypoint.path("event");
        if (!event.path("name").asText().equals("Sent")) {
          // A Sent event pairs with the hash event of its extrinsic: one leg, named after that.
          assertThat(legs)
              .extracting(JourneyLeg::event)
              .contains(event.path("module").asText() + "." + event.path("name").asText());
        }
      }
      if (kind == JourneyLeg.Kind.RECEIVED) {
        final String outcome = waypoint.path("outcome").asText().toLowerCase(Locale.ROOT);
        assertThat(legs).extracting(l -> l.outcome().orElseThrow()).as(id).contains(outcome);
        received.add(id);
        if (outcome.equals("fail")) {
          failed.add(id);
        }
      }
      if (type.equals("xcm.timeout")) {
        timedOut.add(id);
      }
    }
    assertThat(legsChecked).isEqualTo(233);
    assertThat(failed).isNotEmpty();
    // Ocelloids tracked the Sent event and the UpwardMessageSent of one extrinsic as two
    // messages, received one and timed out the other; here they are one journey, received.
    final Set<String> duplicates =
        timedOut.stream().filter(received::contains).collect(Collectors.toSet());
    assertThat(duplicates).hasSize(4);
    for (final String id : duplicates) {
      final Journey journey = matcher.journey(id).orElseThrow();
      assertThat(journey.outcome()).as(id).isEqualTo(JourneyOutcome.SUCCESS);
      assertThat(journey.legs().stream().filter(l -> l.kind() == JourneyLeg.Kind.SENT).count())
          .as(id)
          .isEqualTo(1);
    }
    timedOut.removeAll(duplicates);
    assertThat(timedOut).isNotEmpty();

    for (final String id : received) {
      final Journey journey = matcher.journey(id).orElseThrow();
      if (failed.contains(id)) {
        assertThat(journey.outcome()).as(id).isEqualTo(JourneyOutcome.FAIL);
      } else if (journey.outcome() != JourneyOutcome.SUCCESS) {
        // Received on one destination, still owed on another (one message sent to two chains).
        assertThat(journey.legs().stream().filter(l -> l.kind() == JourneyLeg.Kind.SENT).count())
            .as(id)
            .isGreaterThan(1);
      }
    }
    final Instant end = blocks.get(blocks.size() - 1).time();
    final Set<String> expired =
        matcher.expire(end.plus(Duration.ofHours(1))).stream()
            .map(u -> u.journey().messageId())
            .collect(Collectors.toSet());
    // Every recorded timeout times out; nothing that was received does.
    for (final String id : timedOut) {
      assertThat(matcher.journey(id).orElseThrow().outcome())
          .as(id)
          .isEqualTo(JourneyOutcome.TIMEOUT);
    }
    for (final String id : received) {
      assertThat(matcher.journey(id).orElseThrow().outcome())
          .as(id)
          .isNotEqualTo(JourneyOutcome.TIMEOUT);
    }
    assertThat(expired).containsAll(timedOut);
  }
}
