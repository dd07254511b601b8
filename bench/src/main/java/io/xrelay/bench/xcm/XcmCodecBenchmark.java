package io.xrelay.bench.xcm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xrelay.scale.Hex;
import io.xrelay.testing.SharedFixtures;
import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.codec.XcmCodec;
import io.xrelay.xcm.json.XcmJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * XCM codec throughput over the 34 real messages of {@code xcm/xcm-vectors-ocelloids.jsonl}, one
 * thread. One operation is one message, so the score reads as messages per second (PAPI's dynamic
 * codec decodes about 33,000 of these per second on the reference machine).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(1)
public class XcmCodecBenchmark {
  static final int MESSAGES = 34;

  private byte[][] encoded;
  private VersionedXcm[] decoded;

  @Setup
  public void setUp() {
    final List<byte[]> messages = new ArrayList<>();
    final ObjectMapper json = new ObjectMapper();
    final String lines =
        new String(SharedFixtures.read("xcm/xcm-vectors-ocelloids.jsonl"), StandardCharsets.UTF_8);
    for (final String line : lines.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        final JsonNode vector = json.readTree(line);
        final byte[] raw = Hex.decode(vector.get("hex").asText());
        // Strip the XCMP format byte: the codec benchmark measures VersionedXcm only.
        messages.add(
            vector.get("framing").asText().startsWith("XcmpMessageFormat")
                ? Arrays.copyOfRange(raw, 1, raw.length)
                : raw);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (messages.size() != MESSAGES) {
      throw new IllegalStateException(
          "expected " + MESSAGES + " vectors, found " + messages.size());
    }
    encoded = messages.toArray(new byte[0][]);
    decoded = messages.stream().map(XcmCodec::decodeVersionedXcm).toArray(VersionedXcm[]::new);
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void decode(final Blackhole blackhole) {
    for (final byte[] message : encoded) {
      blackhole.consume(XcmCodec.decodeVersionedXcm(message));
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void encode(final Blackhole blackhole) {
    for (final VersionedXcm message : decoded) {
      blackhole.consume(XcmCodec.encode(message));
    }
  }

  /** Decode plus the readable JSON text, what {@code relayer xcm decode --json} does. */
  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void decodeToJson(final Blackhole blackhole) {
    for (final byte[] message : encoded) {
      blackhole.consume(XcmJson.toJsonString(XcmCodec.decodeVersionedXcm(message)));
    }
  }
}
