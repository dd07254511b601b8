package io.xrelay.bench.proofs;

import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import io.xrelay.proofs.mmr.MmrProof;
import io.xrelay.proofs.mmr.PartialMerkleMountainRange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The BEEFY relay's own MMR at Kusama's size (about 30 million leaves, so 15 peaks): appending one
 * block's leaf with its root (what the relayer does per block) and the simplified proof of a recent
 * leaf against the root right after it (what a handover submission carries).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OwnMmrBenchmark {
  private static final long START_LEAVES = 30_000_000L - 1;

  private PartialMerkleMountainRange mmr;
  private long leaf;
  private long provable;

  @Setup
  public void setUp() {
    final List<H256> peaks = new ArrayList<>();
    for (int i = 0; i < Long.bitCount(START_LEAVES); i++) {
      peaks.add(hash(-1 - i));
    }
    mmr = PartialMerkleMountainRange.fromPeaks(START_LEAVES, peaks);
    for (int i = 0; i < 4_096; i++) {
      mmr.append(hash(i));
    }
    provable = START_LEAVES + 1_000;
  }

  @Benchmark
  public H256 appendLeafAndRoot() {
    mmr.append(hash(leaf++));
    return mmr.root();
  }

  @Benchmark
  public int proofOfARecentLeafAgainstItsOwnRoot() {
    final MmrProof proof = mmr.proof(provable, provable + 1);
    return proof.toSimplified().items().size();
  }

  private static H256 hash(final long i) {
    return Hashing.keccak256(Long.toString(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
