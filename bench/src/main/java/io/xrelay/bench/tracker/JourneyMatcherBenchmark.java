package io.xrelay.bench.tracker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.xrelay.relayer.xcm.tracker.BlockEvents;
import io.xrelay.relayer.xcm.tracker.JourneyMatcher;
import io.xrelay.relayer.xcm.tracker.OcelloidsBlocks;
import io.xrelay.relayer.xcm.tracker.TrackedChain;
import io.xrelay.testing.SharedFixtures;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tracker throughput: the 14 real blocks of {@code xcm/ocelloids/blocks} (Polkadot, Asset Hub,
 * Hydration, both bridge hubs; 458 events) replayed through a fresh matcher per invocation. The
 * score is events per second ({@code OperationsPerInvocation} counts each event as one operation).
 * The CBOR is decoded once in setup: this measures the matcher, not the fixture format.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JourneyMatcherBenchmark {
  static final int EVENTS = 458;
  private static final List<String> FILES =
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
  private static final List<TrackedChain> CHAINS =
      List.of(
          new TrackedChain("polkadot", "polkadot", TrackedChain.RELAY),
          new TrackedChain("assethub", "polkadot", 1000),
          new TrackedChain("hydra", "polkadot", 2034),
          new TrackedChain("bridgehub", "polkadot", 1002),
          new TrackedChain("kbridgehub", "kusama", 1002));

  private List<BlockEvents> blocks;

  @Setup
  public void load() throws IOException {
    final ObjectMapper cbor = new ObjectMapper(new CBORFactory());
    blocks = new ArrayList<>();
    int events = 0;
    for (final String file : FILES) {
      final BlockEvents block =
          OcelloidsBlocks.read(
              file.substring(0, file.indexOf('_')),
              cbor.readTree(SharedFixtures.read("xcm/ocelloids/blocks/" + file + ".cbor")));
      events += block.events().size();
      blocks.add(block);
    }
    if (events != EVENTS) {
      throw new IllegalStateException(
          "the fixture blocks hold " + events + " events, not " + EVENTS);
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int replayFixtureBlocks() {
    final JourneyMatcher matcher =
        new JourneyMatcher(CHAINS, Duration.ofHours(1), Duration.ofHours(24));
    int updates = 0;
    for (final BlockEvents block : blocks) {
      updates += matcher.apply(block).size();
    }
    return updates;
  }
}
