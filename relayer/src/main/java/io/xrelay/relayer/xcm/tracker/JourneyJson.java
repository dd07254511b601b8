package io.xrelay.relayer.xcm.tracker;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xrelay.store.journey.Journey;
import io.xrelay.store.journey.JourneyLeg;
import java.time.Instant;
import java.util.List;

/** The JSON form of journeys served by the API, streamed as SSE and posted to webhooks. */
public final class JourneyJson {
  private JourneyJson() {}

  public static JsonObject of(final Journey journey) {
    final JsonArray legs = new JsonArray();
    journey.legs().forEach(leg -> legs.add(of(leg)));
    return new JsonObject()
        .put("messageId", journey.messageId())
        .put("origin", journey.origin())
        .put("destination", journey.destination().orElse(null))
        .put("outcome", journey.outcome().label())
        .put("error", journey.error().orElse(null))
        .put("bridged", journey.bridged())
        .put("sentAt", time(journey.sentAtMillis()))
        .put("updatedAt", time(journey.updatedAtMillis()))
        .put(
            "seconds",
            journey.sentAtMillis() >= 0 && journey.outcome().isFinal()
                ? (journey.updatedAtMillis() - journey.sentAtMillis()) / 1000.0
                : null)
        .put("ids", new JsonArray(journey.keys().stream().sorted().toList()))
        .put("legs", legs);
  }

  public static JsonObject of(final JourneyLeg leg) {
    return new JsonObject()
        .put("kind", leg.kind().label())
        .put("chain", leg.chain())
        .put("to", leg.to().orElse(null))
        .put("block", leg.block())
        .put("blockHash", leg.blockHash())
        .put("event", leg.event())
        .put("outcome", leg.outcome().orElse(null))
        .put("error", leg.error().orElse(null))
        .put("assetsTrapped", leg.assetsTrapped().map(JourneyJson::parsed).orElse(null))
        .put("time", time(leg.timeMillis()));
  }

  /** What webhooks receive and SSE streams: the journey and what this change added. */
  public static JsonObject update(final String route, final JourneyUpdate update) {
    final JsonArray legs = new JsonArray();
    update.newLegs().forEach(leg -> legs.add(of(leg)));
    return new JsonObject()
        .put("route", route)
        .put("outcomeChanged", update.outcomeChanged())
        .put("newLegs", legs)
        .put("journey", of(update.journey()));
  }

  public static JsonArray list(final List<Journey> journeys) {
    final JsonArray array = new JsonArray();
    journeys.forEach(journey -> array.add(of(journey)));
    return array;
  }

  private static Object parsed(final String json) {
    try {
      return new JsonObject(json);
    } catch (DecodeException | ClassCastException e) {
      return json;
    }
  }

  private static String time(final long millis) {
    return millis <= 0 ? null : Instant.ofEpochMilli(millis).toString();
  }
}
