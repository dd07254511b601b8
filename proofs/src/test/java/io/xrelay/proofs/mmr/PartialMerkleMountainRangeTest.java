package io.xrelay.proofs.mmr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartialMerkleMountainRangeTest {

  @Test
  void shouldFollowTheFullMmrFromAnyStartAndProveEveryLaterLeafAsItDoes() {
    for (int start = 1; start <= 40; start++) {
      final List<H256> leaves = leaves(start + 45);
      final MerkleMountainRange full = MerkleMountainRange.of(leaves.subList(0, start));
      final PartialMerkleMountainRange partial =
          PartialMerkleMountainRange.fromPeaks(start, peaksOf(leaves.subList(0, start)));
      assertThat(partial.root()).isEqualTo(full.root());
      for (int i = start; i < leaves.size(); i++) {
        assertThat(partial.append(leaves.get(i))).isEqualTo(full.append(leaves.get(i)));
        assertThat(partial.root())
            .as("root after leaf %d from %d", i, start)
            .isEqualTo(full.root());
      }
      for (long leaf = start; leaf < leaves.size(); leaf++) {
        final MmrProof proof = partial.proof(leaf);
        assertThat(proof).isEqualTo(full.proof(leaf));
        assertThat(proof.toSimplified().fold(leaves.get((int) leaf))).isEqualTo(full.root());
      }
      // Against an earlier root: the MMR as it was right after each leaf.
      for (int leaf = start; leaf < leaves.size(); leaf++) {
        final MerkleMountainRange then = MerkleMountainRange.of(leaves.subList(0, leaf + 1));
        final MmrProof proof = partial.proof(leaf, leaf + 1);
        assertThat(proof).isEqualTo(then.proof(leaf));
        assertThat(proof.toSimplified().fold(leaves.get(leaf))).isEqualTo(then.root());
      }
    }
  }

  @Test
  void shouldRestoreFromItsNodesAfterForgettingOldOnes() {
    final List<H256> leaves = leaves(70);
    final MerkleMountainRange full = MerkleMountainRange.of(leaves);
    final PartialMerkleMountainRange partial =
        PartialMerkleMountainRange.fromPeaks(11, peaksOf(leaves.subList(0, 11)));
    leaves.subList(11, 70).forEach(partial::append);
    partial.forgetBefore(37);

    final PartialMerkleMountainRange restored =
        PartialMerkleMountainRange.restore(
            partial.leafCount(), partial.firstProvableLeaf(), partial.nodes());
    assertThat(restored.firstProvableLeaf()).isEqualTo(37);
    assertThat(restored.root()).isEqualTo(full.root());
    for (long leaf = 37; leaf < 70; leaf++) {
      assertThat(restored.proof(leaf)).isEqualTo(full.proof(leaf));
    }
    assertThatThrownBy(() -> restored.proof(36))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("leaf 36 is not in 37..69");
  }

  @Test
  void shouldRefuseAWrongNumberOfPeaksAndAnIncompleteSnapshot() {
    assertThatThrownBy(() -> PartialMerkleMountainRange.fromPeaks(7, leaves(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an MMR of 7 leaves has 3 peaks, 2 given");
    final PartialMerkleMountainRange partial =
        PartialMerkleMountainRange.fromPeaks(3, peaksOf(leaves(3)));
    leaves(4).forEach(partial::append);
    final java.util.Map<Long, H256> nodes = new java.util.HashMap<>(partial.nodes());
    nodes.remove(5L);
    assertThatThrownBy(() -> PartialMerkleMountainRange.restore(7, 3, nodes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("are not all present");
  }

  /**
   * The peaks of an MMR over {@code leaves}, taken from one built from no leaves (which holds every
   * node); the tests compare everything that follows with {@link MerkleMountainRange}.
   */
  private static List<H256> peaksOf(final List<H256> leaves) {
    final PartialMerkleMountainRange fromEmpty = PartialMerkleMountainRange.fromPeaks(0, List.of());
    leaves.forEach(fromEmpty::append);
    assertThat(fromEmpty.root()).isEqualTo(MerkleMountainRange.of(leaves).root());
    return fromEmpty.peaks();
  }

  private static List<H256> leaves(final int count) {
    final List<H256> leaves = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      leaves.add(Hashing.keccak256(("leaf " + i).getBytes(StandardCharsets.US_ASCII)));
    }
    return leaves;
  }
}
