package io.xrelay.store.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The journey tables, the same in SQLite and PostgreSQL, and the assembly of rows into journeys.
 * Table names take the schema prefix ({@code ""} in SQLite). Shared by both stores only.
 */
public final class JourneySql {
  private JourneySql() {}

  public static List<String> schema(final String prefix, final String bigint) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + prefix
            + "xcm_journeys (message_id TEXT PRIMARY KEY, origin TEXT NOT NULL, destination TEXT,"
            + " outcome TEXT NOT NULL, bridged BOOLEAN NOT NULL, error TEXT, sent_at "
            + bigint
            + " NOT NULL, updated_at "
            + bigint
            + " NOT NULL)",
        "CREATE INDEX IF NOT EXISTS xcm_journeys_by_update ON "
            + prefix
            + "xcm_journeys (updated_at)",
        "CREATE TABLE IF NOT EXISTS "
            + prefix
            + "xcm_journey_legs (message_id TEXT NOT NULL, leg_key TEXT NOT NULL, ordinal INTEGER"
            + " NOT NULL, kind TEXT NOT NULL, chain TEXT NOT NULL, to_chain TEXT, block "
            + bigint
            + " NOT NULL, block_hash TEXT, event TEXT NOT NULL, outcome TEXT, error TEXT,"
            + " assets_trapped TEXT, time_millis "
            + bigint
            + " NOT NULL, PRIMARY KEY (message_id, leg_key))",
        "CREATE TABLE IF NOT EXISTS "
            + prefix
            + "xcm_journey_keys (key TEXT NOT NULL, message_id TEXT NOT NULL,"
            + " PRIMARY KEY (key, message_id))");
  }

  public static String upsertJourney(final String prefix, final List<String> marks) {
    return "INSERT INTO "
        + prefix
        + "xcm_journeys (message_id, origin, destination, outcome, bridged, error, sent_at,"
        + " updated_at) VALUES ("
        + String.join(", ", marks)
        + ") ON CONFLICT (message_id) DO UPDATE SET origin = excluded.origin, destination ="
        + " excluded.destination, outcome = excluded.outcome, bridged = excluded.bridged, error ="
        + " excluded.error, sent_at = excluded.sent_at, updated_at = excluded.updated_at";
  }

  public static String insertLeg(final String prefix, final List<String> marks) {
    return "INSERT INTO "
        + prefix
        + "xcm_journey_legs (message_id, leg_key, ordinal, kind, chain, to_chain, block,"
        + " block_hash, event, outcome, error, assets_trapped, time_millis) VALUES ("
        + String.join(", ", marks)
        + ") ON CONFLICT (message_id, leg_key) DO NOTHING";
  }

  public static String insertKey(final String prefix, final List<String> marks) {
    return "INSERT INTO "
        + prefix
        + "xcm_journey_keys (key, message_id) VALUES ("
        + String.join(", ", marks)
        + ") ON CONFLICT (key, message_id) DO NOTHING";
  }

  public static List<Object> journeyValues(final Journey journey) {
    final List<Object> values = new ArrayList<>();
    values.add(journey.messageId());
    values.add(journey.origin());
    values.add(journey.destination().orElse(null));
    values.add(journey.outcome().label());
    values.add(journey.bridged());
    values.add(journey.error().orElse(null));
    values.add(journey.sentAtMillis());
    values.add(journey.updatedAtMillis());
    return values;
  }

  public static List<Object> legValues(
      final String messageId, final int ordinal, final JourneyLeg leg) {
    final List<Object> values = new ArrayList<>();
    values.add(messageId);
    values.add(leg.key());
    values.add(ordinal);
    values.add(leg.kind().label());
    values.add(leg.chain());
    values.add(leg.to().orElse(null));
    values.add(leg.block());
    values.add(leg.blockHash());
    values.add(leg.event());
    values.add(leg.outcome().orElse(null));
    values.add(leg.error().orElse(null));
    values.add(leg.assetsTrapped().orElse(null));
    values.add(leg.timeMillis());
    return values;
  }

  /** A row of xcm_journeys, read by column name. */
  public interface Row {
    String text(String column);

    long number(String column);

    boolean bool(String column);
  }

  public static Journey journey(
      final Row row, final Set<String> keys, final List<JourneyLeg> legs) {
    return new Journey(
        row.text("message_id"),
        row.text("origin"),
        Optional.ofNullable(row.text("destination")),
        JourneyOutcome.ofLabel(row.text("outcome")),
        row.bool("bridged"),
        Optional.ofNullable(row.text("error")),
        keys,
        legs,
        row.number("sent_at"),
        row.number("updated_at"));
  }

  public static JourneyLeg leg(final Row row) {
    return new JourneyLeg(
        row.text("leg_key"),
        JourneyLeg.Kind.ofLabel(row.text("kind")),
        row.text("chain"),
        Optional.ofNullable(row.text("to_chain")),
        row.number("block"),
        row.text("block_hash"),
        row.text("event"),
        Optional.ofNullable(row.text("outcome")),
        Optional.ofNullable(row.text("error")),
        Optional.ofNullable(row.text("assets_trapped")),
        row.number("time_millis"));
  }

  /** The WHERE clause and its values for a query, with the store's parameter marks. */
  public record Filter(String where, List<Object> values) {
    public static Filter of(
        final JourneyQuery query, final java.util.function.IntFunction<String> mark) {
      final List<String> clauses = new ArrayList<>();
      final List<Object> values = new ArrayList<>();
      query
          .origin()
          .ifPresent(
              origin -> {
                values.add(origin);
                clauses.add("origin = " + mark.apply(values.size()));
              });
      query
          .destination()
          .ifPresent(
              destination -> {
                values.add(destination);
                clauses.add("destination = " + mark.apply(values.size()));
              });
      query
          .outcome()
          .ifPresent(
              outcome -> {
                values.add(outcome.label());
                clauses.add("outcome = " + mark.apply(values.size()));
              });
      return new Filter(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), values);
    }
  }
}
