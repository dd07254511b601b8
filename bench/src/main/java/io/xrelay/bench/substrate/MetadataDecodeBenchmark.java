package io.xrelay.bench.substrate;

import io.xrelay.substrate.metadata.MetadataDecoder;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.testing.SharedFixtures;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full decode of real runtime metadata on one thread: the registry with every type reference
 * resolved and minimum sizes computed, all pallets, the extrinsic format and runtime APIs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Threads(1)
@Fork(1)
public class MetadataDecodeBenchmark {
  @Param({"metadata/polkadot-v15-spec2000000.scale"})
  public String file;

  private byte[] bytes;

  @Setup
  public void load() {
    bytes = SharedFixtures.read(file);
  }

  @Benchmark
  public RuntimeMetadata decode() {
    return MetadataDecoder.decode(bytes);
  }
}
