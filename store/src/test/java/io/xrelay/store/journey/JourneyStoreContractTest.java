package io.xrelay.store.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.xrelay.store.Await;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JourneyStore} must do, run against each real database by a subclass. Each test
 * gets an empty database; {@link #openStore} opens another store on that same database.
 */
public abstract class JourneyStoreContractTest {
  protected Vertx vertx;
  protected JourneyStore store;

  protected abstract JourneyStore openStore(Vertx vertx) throws Exception;

  /** Prepares an empty database for one test (may skip the test when the database is missing). */
  protected abstract void createDatabase(Vertx vertx) throws Exception;

  protected abstract void dropDatabase(Vertx vertx) throws Exception;

  @BeforeEach
  void startStore() throws Exception {
    vertx = Vertx.vertx();
    createDatabase(vertx);
    store = openStore(vertx);
    Await.result(store.start());
  }

  @AfterEach
  void stopStore() throws Exception {
    try {
      if (store != null) {
        Await.result(store.stop());
      }
      dropDatabase(vertx);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  static JourneyLeg sent(final String chain, final long block) {
    return new JourneyLeg(
        "sent@" + chain + "#" + block + "/event/3",
        JourneyLeg.Kind.SENT,
        chain,
        Optional.of("asset-hub"),
        block,
        "0xabc" + block,
        "XcmPallet.Sent",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        1_000L * block);
  }

  static JourneyLeg received(final String chain, final long block, final String outcome) {
    return new JourneyLeg(
        "received@" + chain + "#" + block + "/event/7",
        JourneyLeg.Kind.RECEIVED,
        chain,
        Optional.empty(),
        block,
        null,
        "DmpQueue.ExecutedDownward",
        Optional.of(outcome),
        outcome.equals("fail") ? Optional.of("TooExpensive") : Optional.empty(),
        outcome.equals("fail")
            ? Optional.of("{\"hash\":\"0x01\",\"assets\":[]}")
            : Optional.empty(),
        1_000L * block + 500);
  }

  static Journey journey(
      final String id,
      final String origin,
      final String destination,
      final JourneyOutcome outcome,
      final long updatedAt,
      final JourneyLeg... legs) {
    return new Journey(
        id,
        origin,
        Optional.of(destination),
        outcome,
        false,
        outcome == JourneyOutcome.FAIL ? Optional.of("TooExpensive") : Optional.empty(),
        Set.of(id, id + "-hash"),
        List.of(legs),
        1_000,
        updatedAt);
  }

  @Test
  void shouldReturnWhatWasSavedWithEveryLegInOrder() throws Exception {
    final Journey saved =
        journey(
            "0x01",
            "kusama",
            "asset-hub",
            JourneyOutcome.FAIL,
            5_000,
            sent("kusama", 10),
            received("asset-hub", 4, "fail"));

    Await.result(store.upsert(saved));

    assertThat(Await.result(store.get("0x01"))).contains(saved);
  }

  @Test
  void shouldNotDuplicateALegWhenABlockIsSavedAgain() throws Exception {
    final Journey first =
        journey("0x02", "kusama", "asset-hub", JourneyOutcome.PENDING, 1_000, sent("kusama", 10));
    Await.result(store.upsert(first));
    Await.result(store.upsert(first));
    final Journey done =
        journey(
            "0x02",
            "kusama",
            "asset-hub",
            JourneyOutcome.SUCCESS,
            2_000,
            sent("kusama", 10),
            received("asset-hub", 4, "success"));
    Await.result(store.upsert(done));
    Await.result(store.upsert(done));

    final Journey stored = Await.result(store.get("0x02")).orElseThrow();
    assertThat(stored.legs()).containsExactlyElementsOf(done.legs());
    assertThat(stored.outcome()).isEqualTo(JourneyOutcome.SUCCESS);
  }

  @Test
  void shouldFindAJourneyByAnyOfItsIds() throws Exception {
    Await.result(
        store.upsert(
            journey("0x03", "kusama", "asset-hub", JourneyOutcome.PENDING, 1, sent("kusama", 1))));

    assertThat(Await.result(store.get("0x03-hash"))).map(Journey::messageId).contains("0x03");
    assertThat(Await.result(store.get("0xnone"))).isEmpty();
  }

  @Test
  void shouldListByOriginDestinationAndOutcomeNewestFirst() throws Exception {
    Await.result(store.upsert(journey("a", "kusama", "asset-hub", JourneyOutcome.SUCCESS, 1)));
    Await.result(store.upsert(journey("b", "kusama", "asset-hub", JourneyOutcome.FAIL, 2)));
    Await.result(store.upsert(journey("c", "asset-hub", "kusama", JourneyOutcome.SUCCESS, 3)));
    Await.result(store.upsert(journey("d", "kusama", "asset-hub", JourneyOutcome.PENDING, 4)));

    assertThat(Await.result(store.list(JourneyQuery.all(10))))
        .extracting(Journey::messageId)
        .containsExactly("d", "c", "b", "a");
    assertThat(Await.result(store.list(JourneyQuery.all(2))))
        .extracting(Journey::messageId)
        .containsExactly("d", "c");
    assertThat(
            Await.result(
                store.list(
                    new JourneyQuery(
                        Optional.of("kusama"),
                        Optional.of("asset-hub"),
                        Optional.of(JourneyOutcome.SUCCESS),
                        10))))
        .extracting(Journey::messageId)
        .containsExactly("a");
    assertThat(
            Await.result(
                store.list(
                    new JourneyQuery(
                        Optional.empty(), Optional.of("kusama"), Optional.empty(), 10))))
        .extracting(Journey::messageId)
        .containsExactly("c");
    assertThat(Await.result(store.pending(10))).extracting(Journey::messageId).containsExactly("d");
  }

  @Test
  void shouldKeepJourneysAcrossARestart() throws Exception {
    final Journey saved =
        journey("0x05", "kusama", "asset-hub", JourneyOutcome.PENDING, 9, sent("kusama", 10));
    Await.result(store.upsert(saved));
    Await.result(store.stop());

    store = openStore(vertx);
    Await.result(store.start());

    assertThat(Await.result(store.get("0x05"))).contains(saved);
    assertThat(Await.result(store.pending(10))).containsExactly(saved);
  }

  @Test
  void shouldDeleteAJourneyWithItsLegsAndIds() throws Exception {
    Await.result(
        store.upsert(
            journey("0x06", "kusama", "asset-hub", JourneyOutcome.PENDING, 1, sent("kusama", 1))));

    assertThat(Await.result(store.delete("0x06"))).isTrue();
    assertThat(Await.result(store.delete("0x06"))).isFalse();
    assertThat(Await.result(store.get("0x06-hash"))).isEmpty();
    // Saved again, it starts with only the legs it now has.
    Await.result(store.upsert(journey("0x06", "kusama", "asset-hub", JourneyOutcome.PENDING, 2)));
    assertThat(Await.result(store.get("0x06")).orElseThrow().legs()).isEmpty();
  }
}
