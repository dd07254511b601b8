package io.xrelay.bench.proofs;

import io.xrelay.crypto.secp256k1.BouncyCastleKeyRecovery;
import io.xrelay.crypto.secp256k1.EcdsaSignature;
import io.xrelay.crypto.secp256k1.NativeKeyRecovery;
import io.xrelay.crypto.secp256k1.Secp256k1KeyRecovery;
import io.xrelay.crypto.secp256k1.Secp256k1PublicKey;
import io.xrelay.proofs.calldata.BeefyClientCall;
import io.xrelay.proofs.calldata.BeefyClientCalldata;
import io.xrelay.proofs.calldata.ValidatorProof;
import io.xrelay.testing.SharedFixtures;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
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
 * secp256k1 public-key recovery of the 28 real Polkadot BEEFY signatures of one submitFinal, one
 * thread, per backend: µs per signature.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(1)
public class Secp256k1RecoveryBenchmark {
  @Param({"libsecp256k1", "bouncycastle"})
  public String backend;

  private Secp256k1KeyRecovery recovery;
  private byte[] hash;
  private EcdsaSignature[] signatures;
  private int next;

  @Setup
  public void setUp() {
    recovery =
        backend.equals("libsecp256k1") ? NativeKeyRecovery.load() : new BouncyCastleKeyRecovery();
    final BeefyClientCall call =
        BeefyClientCalldata.decodeHex(
            new String(
                SharedFixtures.read("beefy/polkadot-mainnet-calldata/prod_submitFinal.hex"),
                StandardCharsets.US_ASCII));
    hash = call.commitment().hash().bytes();
    signatures =
        call.validatorProofs().stream()
            .map(ValidatorProof::signature)
            .toArray(EcdsaSignature[]::new);
  }

  @Benchmark
  public Optional<Secp256k1PublicKey> recover() {
    final EcdsaSignature signature = signatures[next];
    next = next + 1 == signatures.length ? 0 : next + 1;
    return recovery.recover(hash, signature);
  }
}
