package io.xrelay.bench.proofs;

import io.xrelay.proofs.calldata.AuditExpectations;
import io.xrelay.proofs.calldata.BeefyCallAudit;
import io.xrelay.proofs.calldata.BeefyCallAuditReport;
import io.xrelay.proofs.calldata.BeefyClientCall;
import io.xrelay.proofs.calldata.BeefyClientCalldata;
import io.xrelay.scale.Hex;
import io.xrelay.testing.SharedFixtures;
import java.nio.charset.StandardCharsets;
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
 * One real Polkadot submitFinal (28 signatures, 28 validator proofs of width 600, a 13-item MMR
 * leaf proof): the audit alone, and decoding the calldata (web3j) plus the audit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SubmitFinalBenchmark {
  private byte[] calldata;
  private BeefyClientCall call;
  private BeefyCallAudit audit;

  @Setup
  public void setUp() {
    calldata =
        Hex.decode(
            new String(
                    SharedFixtures.read("beefy/polkadot-mainnet-calldata/prod_submitFinal.hex"),
                    StandardCharsets.US_ASCII)
                .strip());
    call = BeefyClientCalldata.decode(calldata);
    audit = BeefyCallAudit.usingActiveBackend();
    if (!audit.audit(call, AuditExpectations.none()).result().isValid()) {
      throw new IllegalStateException("the fixture does not verify");
    }
  }

  @Benchmark
  public BeefyCallAuditReport audit() {
    return audit.audit(call, AuditExpectations.none());
  }

  @Benchmark
  public BeefyCallAuditReport decodeAndAudit() {
    return audit.audit(BeefyClientCalldata.decode(calldata), AuditExpectations.none());
  }
}
