package io.xrelay.proofs.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.proofs.FailureReason;
import io.xrelay.proofs.FixtureFiles;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import io.xrelay.proofs.VerificationResult;
import io.xrelay.scale.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryMerkleTreeTest {

  @Test
  void shouldReproduceTheUpstreamRootVectors() {
    final JsonNode cases = FixtureFiles.json("beefy/binary-merkle-tree-vectors.json").get("cases");
    assertThat(cases.size()).isEqualTo(7);
    for (final JsonNode testCase : cases) {
      final List<byte[]> leaves = new ArrayList<>();
      if (testCase.has("leavesHex")) {
        testCase.get("leavesHex").forEach(leaf -> leaves.add(Hex.decode(leaf.asText())));
      } else {
        testCase
            .get("leavesUtf8")
            .forEach(leaf -> leaves.add(leaf.asText().getBytes(StandardCharsets.UTF_8)));
      }
      assertThat(BinaryMerkleTree.root(leaves).toHex())
          .as(testCase.get("name").asText())
          .isEqualTo(testCase.get("expectedRoot").asText());
    }
  }

  @Test
  void shouldProveAndVerifyEveryLeafOfEveryWidthUpTo70() {
    for (int width = 1; width <= 70; width++) {
      final List<byte[]> leaves = leaves(width);
      final H256 root = BinaryMerkleTree.root(leaves);
      for (int index = 0; index < width; index++) {
        final BinaryMerkleProof proof = BinaryMerkleTree.proof(leaves, index);
        assertThat(proof.items()).hasSize(BinaryMerkleProof.expectedLength(index, width));
        final H256 leafHash = Hashing.keccak256(leaves.get(index));
        assertThat(proof.verify(root, leafHash).isValid()).as("%d of %d", index, width).isTrue();
        // The same leaf at any other position of the same tree fails.
        for (int other = 0; other < width && width <= 40; other++) {
          if (other != index) {
            assertThat(new BinaryMerkleProof(proof.items(), other, width).verify(root, leafHash))
                .extracting(VerificationResult::isValid)
                .isEqualTo(false);
          }
        }
      }
    }
  }

  @Test
  void shouldNameTheFailure() {
    final List<byte[]> leaves = leaves(600);
    final H256 root = BinaryMerkleTree.root(leaves);
    final BinaryMerkleProof proof = BinaryMerkleTree.proof(leaves, 17);
    final H256 leafHash = Hashing.keccak256(leaves.get(17));

    final VerificationResult outside =
        new BinaryMerkleProof(proof.items(), 600, 600).verify(root, leafHash);
    assertThat(outside.hasFailure(FailureReason.MERKLE_POSITION_OUT_OF_RANGE)).isTrue();
    assertThat(outside.reasons()).containsExactly("position 600 is outside a tree of 600 leaves");

    final VerificationResult longer =
        new BinaryMerkleProof(append(proof.items(), H256.ZERO), 17, 600).verify(root, leafHash);
    assertThat(longer.reasons())
        .containsExactly("proof has 11 items, position 17 in a tree of 600 leaves needs 10");

    final VerificationResult wrongLeaf = proof.verify(root, Hashing.keccak256(leaves.get(18)));
    assertThat(wrongLeaf.hasFailure(FailureReason.MERKLE_ROOT_MISMATCH)).isTrue();
  }

  @Test
  void shouldNeedShorterProofsOnPromotedPaths() {
    // 600 = widths 600, 300, 150, 75, 38, 19, 10, 5, 3, 2: the last leaf is promoted four times.
    assertThat(BinaryMerkleProof.expectedLength(0, 600)).isEqualTo(10);
    assertThat(BinaryMerkleProof.expectedLength(599, 600)).isEqualTo(6);
    assertThat(BinaryMerkleProof.expectedLength(0, 1)).isZero();
    assertThat(BinaryMerkleProof.expectedLength(1, 1)).isEqualTo(-1);
  }

  static List<byte[]> leaves(final int width) {
    final List<byte[]> leaves = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      leaves.add(("leaf-" + i).getBytes(StandardCharsets.UTF_8));
    }
    return leaves;
  }

  private static List<H256> append(final List<H256> items, final H256 extra) {
    final List<H256> out = new ArrayList<>(items);
    out.add(extra);
    return out;
  }
}
