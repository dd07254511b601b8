package io.xrelay.ethereum.beefy;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.crypto.secp256k1.EthereumAddress;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.beefy.BeefyCommitment;
import io.xrelay.proofs.calldata.BeefyClientCall;
import io.xrelay.proofs.calldata.BeefyClientCalldata;
import io.xrelay.proofs.calldata.ValidatorProof;
import io.xrelay.proofs.mmr.MmrLeaf;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our encoder against the proofs module's independent decoder (written for real mainnet calldata):
 * what one writes the other must read back unchanged.
 */
class BeefyClientCalldataTest {
  private static final BeefyCommitment COMMITMENT =
      BeefyCommitment.ofMmrRoot(H256.fromHex("0x" + "ab".repeat(32)), 1234, 7);
  private static final ValidatorProof PROOF =
      new ValidatorProof(
          28,
          H256.fromHex("0x" + "11".repeat(32)),
          H256.fromHex("0x" + "22".repeat(32)),
          BigInteger.ONE,
          EthereumAddress.fromHex("0x" + "33".repeat(20)),
          List.of(H256.fromHex("0x" + "44".repeat(32)), H256.fromHex("0x" + "55".repeat(32))));

  @Test
  void shouldEncodeSubmitInitialAsTheDecoderReadsIt() {
    final BeefyClientCall call =
        BeefyClientCalldata.decode(
            BeefyClient.submitInitial(COMMITMENT, List.of(BigInteger.valueOf(3)), PROOF));
    assertThat(call).isInstanceOf(BeefyClientCall.SubmitInitial.class);
    assertThat(call.commitment()).isEqualTo(COMMITMENT);
    assertThat(call.bitfield()).containsExactly(BigInteger.valueOf(3));
    assertThat(call.validatorProofs()).containsExactly(PROOF);
  }

  @Test
  void shouldEncodeSubmitFinalAndFiatShamirWithLeafAndProofs() {
    final MmrLeaf leaf =
        new MmrLeaf(
            0,
            1233,
            H256.fromHex("0x" + "66".repeat(32)),
            8,
            2,
            H256.fromHex("0x" + "77".repeat(32)),
            H256.fromHex("0x" + "88".repeat(32)));
    final BeefyClient.FinalSubmission submission =
        new BeefyClient.FinalSubmission(
            COMMITMENT,
            List.of(BigInteger.valueOf(3)),
            List.of(PROOF, PROOF),
            leaf,
            List.of(H256.fromHex("0x" + "99".repeat(32))),
            BigInteger.valueOf(5));
    for (final byte[] calldata :
        List.of(BeefyClient.submitFinal(submission), BeefyClient.submitFiatShamir(submission))) {
      final BeefyClientCall call = BeefyClientCalldata.decode(calldata);
      assertThat(call).isInstanceOf(BeefyClientCall.SubmitFinal.class);
      final BeefyClientCall.SubmitFinal fin = (BeefyClientCall.SubmitFinal) call;
      assertThat(fin.commitment()).isEqualTo(COMMITMENT);
      assertThat(fin.validatorProofs()).containsExactly(PROOF, PROOF);
      assertThat(fin.leaf()).isEqualTo(leaf);
      assertThat(fin.leafProof().items()).containsExactly(H256.fromHex("0x" + "99".repeat(32)));
      assertThat(fin.leafProof().order()).isEqualTo(BigInteger.valueOf(5));
    }
  }
}
