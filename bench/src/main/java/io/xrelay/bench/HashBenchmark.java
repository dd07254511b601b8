package io.xrelay.bench;

import io.xrelay.crypto.Blake2b;
import io.xrelay.crypto.Keccak256;
import io.xrelay.crypto.Twox;
import java.util.Random;
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

/** Hash throughput on 1 KiB inputs; MB/s = 1.024 / (µs per op). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HashBenchmark {
  private byte[] input;

  @Setup
  public void setUp() {
    input = new byte[1024];
    new Random(1).nextBytes(input);
  }

  @Benchmark
  public byte[] keccak256() {
    return Keccak256.hash(input);
  }

  @Benchmark
  public byte[] blake2b256() {
    return Blake2b.hash256(input);
  }

  @Benchmark
  public byte[] twox128() {
    return Twox.hash128(input);
  }
}
