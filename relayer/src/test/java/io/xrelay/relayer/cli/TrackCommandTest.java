package io.xrelay.relayer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.xrelay.relayer.xcm.tracker.JourneyEvents;
import io.xrelay.relayer.xcm.tracker.XcmJourneyApi;
import io.xrelay.store.journey.Journey;
import io.xrelay.store.journey.JourneyLeg;
import io.xrelay.store.journey.JourneyOutcome;
import io.xrelay.store.sqlite.SqliteDurability;
import io.xrelay.store.sqlite.SqliteJourneyStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code relayer track} against the journeys API served from a real SQLite journey store. */
class TrackCommandTest {
  private static final String TOPIC =
      "0x4be4d11a00000000000000000000000000000000000000000000000000000001";
  private static final String EXTRINSIC =
      "0x9e1a000000000000000000000000000000000000000000000000000000000002";

  @TempDir Path dir;
  private Vertx vertx;
  private SqliteJourneyStore store;
  private HttpServer server;

  @BeforeEach
  void serve() throws Exception {
    vertx = Vertx.vertx();
    store =
        new SqliteJourneyStore(
            vertx, dir.resolve(SqliteJourneyStore.FILE_NAME), SqliteDurability.PROCESS_CRASH);
    store.start().await(10, TimeUnit.SECONDS);
    final Router router = Router.router(vertx);
    new XcmJourneyApi(store, new JourneyEvents()).register(router);
    server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .await(10, TimeUnit.SECONDS);
    store
        .upsert(
            new Journey(
                TOPIC,
                "kusama",
                Optional.of("asset-hub-kusama"),
                JourneyOutcome.FAIL,
                false,
                Optional.of("FailedToTransactAsset"),
                Set.of(TOPIC, EXTRINSIC),
                List.of(
                    new JourneyLeg(
                        "sent@kusama#12/dmp",
                        JourneyLeg.Kind.SENT,
                        "kusama",
                        Optional.of("asset-hub-kusama"),
                        12,
                        null,
                        "Dmp.DownwardMessageQueues",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        1_000),
                    new JourneyLeg(
                        "received@asset-hub-kusama#7/event/4",
                        JourneyLeg.Kind.RECEIVED,
                        "asset-hub-kusama",
                        Optional.empty(),
                        7,
                        "0x77",
                        "DmpQueue.ExecutedDownward",
                        Optional.of("fail"),
                        Optional.of("FailedToTransactAsset"),
                        Optional.of("{\"hash\":\"0x82\",\"assets\":[]}"),
                        3_500)),
                1_000,
                3_500))
        .await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
    store.stop().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  @Test
  void shouldPrintEveryLegFoundByTheExtrinsicHash() {
    final CommandLineRun run = CommandLineRun.of("track", EXTRINSIC, "--url", url());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Message:     " + TOPIC)
        .contains("kusama -> asset-hub-kusama")
        .contains("Outcome:     fail (FailedToTransactAsset)")
        .contains("Took:        2.5 s")
        .containsPattern("sent +kusama +#12 +Dmp.DownwardMessageQueues")
        .containsPattern("received +asset-hub-kusama +#7 +DmpQueue.ExecutedDownward +fail")
        .contains("assets trapped: {\"hash\":\"0x82\"");
  }

  @Test
  void shouldPrintTheApiJson() throws Exception {
    final CommandLineRun run =
        CommandLineRun.of(
            "track", TOPIC.toUpperCase().replace("0X", "0x"), "--json", "--url", url());

    assertThat(run.exitCode()).as(run.err()).isZero();
    final JsonNode journey = new ObjectMapper().readTree(run.out());
    assertThat(journey.path("outcome").asText()).isEqualTo("fail");
    assertThat(journey.path("legs")).hasSize(2);
    assertThat(journey.path("legs").get(1).path("assetsTrapped").path("hash").asText())
        .isEqualTo("0x82");
  }

  @Test
  void shouldSayWhenNoJourneyHasTheId() {
    final CommandLineRun run = CommandLineRun.of("track", "0x" + "ab".repeat(32), "--url", url());

    assertThat(run.exitCode()).isEqualTo(TrackCommand.NOT_FOUND);
    assertThat(run.err()).contains("no journey with id 0x" + "ab".repeat(32));
  }

  @Test
  void shouldRejectAnIdThatIsNotAHash() {
    final CommandLineRun run = CommandLineRun.of("track", "0x1234", "--url", url());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'0x1234' is not a 32-byte 0x-hex id");
  }

  @Test
  void shouldSayWhenNoRelayerAnswers() {
    final CommandLineRun run = CommandLineRun.of("track", TOPIC, "--url", "http://127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no relayer answers at http://127.0.0.1:1");
  }
}
