package io.xrelay.relayer.xcm.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.scale.Hex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a block in the decoded form Ocelloids archives (events with {@code phase}, {@code
 * event.module/name/value}; extrinsics with {@code module/method/args}) into {@link BlockEvents}:
 * how the recorded real-chain blocks are replayed through the matcher.
 */
public final class OcelloidsBlocks {
  private OcelloidsBlocks() {}

  public static BlockEvents read(final String chain, final JsonNode block) {
    final long number = block.path("number").asLong();
    final String hash = block.path("hash").asText(null);
    long time = 0;
    final List<BlockEvents.DownwardMessage> downward = new ArrayList<>();
    final List<BlockEvents.HorizontalPage> horizontal = new ArrayList<>();
    for (final JsonNode extrinsic : block.path("extrinsics")) {
      final String call =
          extrinsic.path("module").asText() + "." + extrinsic.path("method").asText();
      final JsonNode args = extrinsic.path("args");
      if (call.equals("Timestamp.set")) {
        time = EventFields.number(args.path("now"));
      } else if (call.equals("ParachainSystem.set_validation_data")) {
        for (final JsonNode message : args.path("data").path("downward_messages")) {
          downward.add(
              new BlockEvents.DownwardMessage(
                  EventFields.number(message.path("sent_at")),
                  Hex.decode(message.path("msg").asText())));
        }
      } else if (call.equals("ParaInherent.enter")) {
        for (final JsonNode backed : args.path("data").path("backed_candidates")) {
          final JsonNode candidate = backed.path("candidate");
          final int sender = (int) EventFields.number(candidate.path("descriptor").path("para_id"));
          for (final JsonNode message : candidate.path("commitments").path("horizontal_messages")) {
            horizontal.add(
                new BlockEvents.HorizontalPage(
                    sender,
                    (int) EventFields.number(message.path("recipient")),
                    Hex.decode(message.path("data").asText())));
          }
        }
      }
    }
    final List<ChainEvent> events = new ArrayList<>();
    int index = 0;
    for (final JsonNode record : block.path("events")) {
      final JsonNode phase = record.path("phase");
      final long extrinsic =
          "ApplyExtrinsic".equals(phase.path("type").asText())
              ? phase.path("value").asLong()
              : "Finalization".equals(phase.path("type").asText()) ? -2 : -1;
      final JsonNode event = record.path("event");
      events.add(
          new ChainEvent(
              index++,
              extrinsic,
              event.path("module").asText(),
              event.path("name").asText(),
              event.path("value")));
    }
    return new BlockEvents(
        chain,
        number,
        hash,
        Instant.ofEpochMilli(time),
        events,
        downward,
        List.of(),
        horizontal,
        List.of());
  }
}
