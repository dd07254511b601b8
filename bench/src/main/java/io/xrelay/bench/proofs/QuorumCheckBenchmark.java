package io.xrelay.bench.proofs;

import io.xrelay.crypto.secp256k1.EcdsaSignature;
import io.xrelay.crypto.secp256k1.Secp256k1Signer;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.beefy.BeefyCommitment;
import io.xrelay.proofs.beefy.BeefyValidatorSet;
import io.xrelay.proofs.calldata.AuditExpectations;
import io.xrelay.proofs.calldata.BeefyCallAudit;
import io.xrelay.proofs.calldata.BeefyCallAuditReport;
import io.xrelay.proofs.calldata.BeefyClientCall;
import io.xrelay.proofs.calldata.BeefyClientFunction;
import io.xrelay.proofs.calldata.ValidatorProof;
import io.xrelay.proofs.mmr.MmrLeaf;
import io.xrelay.proofs.mmr.SimplifiedMmrProof;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
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
 * A full quorum check of a 600-validator set: 401 signatures over a real Polkadot commitment, each
 * with its validator merkle proof, bitfield and root. Signatures are recovered in parallel on the
 * common fork-join pool (both cores here). Keys are synthetic: mainnet keys are not ours to sign
 * with.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QuorumCheckBenchmark {
  private static final int VALIDATORS = 600;
  private static final int SIGNERS = 401;

  private BeefyCallAudit audit;
  private BeefyClientCall call;
  private AuditExpectations expectations;

  @Setup
  public void setUp() {
    final List<Secp256k1Signer> signers = new ArrayList<>(VALIDATORS);
    for (int i = 0; i < VALIDATORS; i++) {
      final byte[] key = new byte[32];
      final byte[] value = BigInteger.valueOf(7_000_000L + i).toByteArray();
      System.arraycopy(value, 0, key, 32 - value.length, value.length);
      signers.add(Secp256k1Signer.fromPrivateKey(key));
    }
    final BeefyValidatorSet set =
        BeefyValidatorSet.ofAddresses(
            5011, signers.stream().map(s -> s.publicKey().ethereumAddress()).toList());
    // The leaf is the whole MMR (one leaf), so its hash is the root the commitment carries.
    final MmrLeaf leaf = new MmrLeaf(0, 31_517_087, H256.ZERO, 5012, 600, set.root(), H256.ZERO);
    final BeefyCommitment commitment = BeefyCommitment.ofMmrRoot(leaf.hash(), 31_517_088, 5011);
    final byte[] hash = commitment.hash().bytes();
    final List<ValidatorProof> proofs = new ArrayList<>(SIGNERS);
    final BigInteger[] words = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
    for (int i = 0; i < SIGNERS; i++) {
      // Spread the signers over the whole set, as on mainnet.
      final int index = (int) ((long) i * VALIDATORS / SIGNERS);
      final EcdsaSignature signature = signers.get(index).sign(hash);
      proofs.add(
          new ValidatorProof(
              signature.ethereumV(),
              H256.wrap(signature.r()),
              H256.wrap(signature.s()),
              BigInteger.valueOf(index),
              set.members().get(index).orElseThrow(),
              set.proof(index).items()));
      words[index / 256] = words[index / 256].setBit(index % 256);
    }
    call =
        new BeefyClientCall.SubmitFinal(
            BeefyClientFunction.SUBMIT_FINAL,
            commitment,
            List.of(words),
            proofs,
            leaf,
            new SimplifiedMmrProof(List.of(), BigInteger.ZERO));
    expectations = new AuditExpectations(Optional.of(set.root()), OptionalInt.of(VALIDATORS));
    audit = BeefyCallAudit.usingActiveBackend();
    final BeefyCallAuditReport report = audit.audit(call, expectations);
    if (!report.result().isValid() || report.signaturesValid() != SIGNERS) {
      throw new IllegalStateException("benchmark input does not verify: " + report.result());
    }
  }

  @Benchmark
  public BeefyCallAuditReport quorumOf401() {
    return audit.audit(call, expectations);
  }
}
