package io.xrelay.proofs.parachain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.proofs.FailureReason;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import io.xrelay.proofs.merkle.BinaryMerkleTree;
import io.xrelay.scale.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParachainHeadsTest {

  @Test
  void shouldEncodeTheLeafAsParaIdThenCompactLengthThenHead() {
    final ParachainHead head = new ParachainHead(1002, new byte[] {1, 2, 3});
    // 1002 = 0x03ea little endian, compact(3) = 0x0c.
    assertThat(Hex.encode(head.leaf())).isEqualTo("0xea0300000c010203");
  }

  @Test
  void shouldSortByParaIdBeforeBuildingTheRoot() {
    final List<ParachainHead> heads = heads(1000, 2004, 1002, 2000, 3369);
    final List<byte[]> sortedLeaves =
        List.of(
            heads.get(0).leaf(),
            heads.get(2).leaf(),
            heads.get(3).leaf(),
            heads.get(1).leaf(),
            heads.get(4).leaf());
    assertThat(ParachainHeads.root(heads)).isEqualTo(BinaryMerkleTree.root(sortedLeaves));
  }

  @Test
  void shouldProveEveryHeadAndRejectTampering() {
    final List<ParachainHead> heads = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      heads.add(head(2000 + (i * 37) % 101));
    }
    final H256 root = ParachainHeads.root(heads);
    for (final ParachainHead head : heads) {
      final ParachainHeadProof proof = ParachainHeads.proof(heads, head.paraId());
      assertThat(proof.verify(root).isValid()).isTrue();
      final byte[] tampered = head.head();
      tampered[0] ^= 1;
      final ParachainHeadProof forged =
          new ParachainHeadProof(new ParachainHead(head.paraId(), tampered), proof.proof());
      assertThat(forged.verify(root).hasFailure(FailureReason.MERKLE_ROOT_MISMATCH)).isTrue();
    }
    assertThat(ParachainHeads.proof(heads, heads.get(3).paraId()).leafHash())
        .isEqualTo(Hashing.keccak256(heads.get(3).leaf()));
  }

  @Test
  void shouldRefuseToProveAMissingOrDuplicatedPara() {
    assertThatThrownBy(() -> ParachainHeads.proof(heads(1000, 1002), 2000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ParachainHeads.proof(heads(1000, 1000), 1000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<ParachainHead> heads(final long... paraIds) {
    final List<ParachainHead> heads = new ArrayList<>();
    for (final long paraId : paraIds) {
      heads.add(head(paraId));
    }
    return heads;
  }

  private static ParachainHead head(final long paraId) {
    return new ParachainHead(paraId, ("header of " + paraId).getBytes(StandardCharsets.UTF_8));
  }
}
