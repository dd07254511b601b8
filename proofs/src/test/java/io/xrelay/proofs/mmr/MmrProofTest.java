package io.xrelay.proofs.mmr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.proofs.FailureReason;
import io.xrelay.proofs.FixtureFiles;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import io.xrelay.proofs.MalformedProofException;
import io.xrelay.proofs.VerificationResult;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MmrProofTest {

  @Test
  void shouldVerifyAndConvertAll90ReferenceProofs() {
    final JsonNode cases = FixtureFiles.json("beefy/simplified-mmr-proof-reference.json");
    assertThat(cases.size()).isEqualTo(90);
    for (final JsonNode c : cases) {
      final String name = "leaf " + c.get("LeafIndex").asLong() + " of " + c.get("LeafCount");
      final H256 leafHash = bytes32(c.get("LeafHash"));
      final H256 root = bytes32(c.get("ReferenceMMRRoot"));
      final MmrProof proof =
          new MmrProof(
              List.of(c.get("LeafIndex").asLong()),
              c.get("LeafCount").asLong(),
              hashes(c.get("MMRProof")));

      assertThat(proof.computeRoot(List.of(leafHash))).as(name).isEqualTo(root);
      assertThat(proof.verify(root, List.of(leafHash)).isValid()).as(name).isTrue();

      final SimplifiedMmrProof simplified = proof.toSimplified();
      assertThat(simplified.items())
          .as(name)
          .isEqualTo(hashes(c.get("SimplifiedMerkleProofItems")));
      assertThat(simplified.order())
          .as(name)
          .isEqualTo(BigInteger.valueOf(c.get("SimplifiedMerkleProofOrder").asLong()));
      assertThat(simplified.fold(leafHash)).as(name).isEqualTo(root);
      assertThat(simplified.verify(root, leafHash).isValid()).isTrue();
    }
  }

  @Test
  void shouldReproduceThe15LeafFixture() {
    final JsonNode fixture = FixtureFiles.json("beefy/mmr-fixture-data-15-leaves.json");
    final List<H256> leaves = hashes(fixture.get("leaves"));
    final H256 root = H256.fromHex(fixture.get("rootHash").asText());
    assertThat(MmrPeaks.rootOf(leaves)).isEqualTo(root);
    final MerkleMountainRange mmr = MerkleMountainRange.of(leaves);
    assertThat(mmr.root()).isEqualTo(root);
    for (int i = 0; i < leaves.size(); i++) {
      final JsonNode expected = fixture.get("proofs").get(i);
      final SimplifiedMmrProof fixtureProof =
          new SimplifiedMmrProof(
              hashes(expected.get("items")), BigInteger.valueOf(expected.get("order").asLong()));
      assertThat(fixtureProof.verify(root, leaves.get(i)).isValid()).isTrue();
      final MmrProof generated = mmr.proof(i);
      assertThat(generated.verify(root, List.of(leaves.get(i))).isValid()).isTrue();
      assertThat(generated.toSimplified()).isEqualTo(fixtureProof);
    }
  }

  @Test
  void shouldGenerateProofsThatVerifyForEveryLeafUpTo70Leaves() {
    final MerkleMountainRange mmr = new MerkleMountainRange();
    final MmrPeaks peaks = new MmrPeaks();
    final List<H256> leaves = new ArrayList<>();
    for (int count = 1; count <= 70; count++) {
      final H256 leaf = Hashing.keccak256(new byte[] {(byte) count});
      leaves.add(leaf);
      mmr.append(leaf);
      peaks.append(leaf);
      final H256 root = mmr.root();
      assertThat(peaks.root()).isEqualTo(root);
      for (int i = 0; i < count; i++) {
        final MmrProof proof = mmr.proof(i);
        assertThat(proof.verify(root, List.of(leaves.get(i))).isValid())
            .as("%d of %d", i, count)
            .isTrue();
        assertThat(proof.toSimplified().fold(leaves.get(i))).isEqualTo(root);
        // A proof never verifies another leaf.
        final H256 other = leaves.get((i + 1) % count);
        if (!other.equals(leaves.get(i))) {
          assertThat(proof.verify(root, List.of(other)).isValid()).isFalse();
        }
      }
    }
  }

  @Test
  void shouldVerifyMultiLeafProofsWhoseLeavesAreSiblings() {
    final List<H256> leaves = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      leaves.add(Hashing.keccak256(new byte[] {(byte) i}));
    }
    final H256 root = MmrPeaks.rootOf(leaves);
    // Leaves 0 and 1 are siblings; leaves 2 and 3 are their uncle's children; peak (4,5) and 6
    // remain, bagged into one item.
    final MerkleMountainRange mmr = MerkleMountainRange.of(leaves);
    final H256 uncle = Hashing.keccak256(leaves.get(2), leaves.get(3));
    final H256 rightPeaks =
        Hashing.keccak256(leaves.get(6), Hashing.keccak256(leaves.get(4), leaves.get(5)));
    final MmrProof proof = new MmrProof(List.of(0L, 1L), 7, List.of(uncle, rightPeaks));
    assertThat(proof.verify(root, List.of(leaves.get(0), leaves.get(1))).isValid()).isTrue();
    assertThat(mmr.root()).isEqualTo(root);
    final MmrProof all = new MmrProof(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), 7, List.of());
    assertThat(all.verify(root, leaves).isValid()).isTrue();
    assertThat(
            new MmrProof(
                    List.of(6L, 0L),
                    7,
                    List.of(leaves.get(1), uncle, Hashing.keccak256(leaves.get(4), leaves.get(5))))
                .verify(root, List.of(leaves.get(6), leaves.get(0)))
                .isValid())
        .isTrue();
  }

  @Test
  void shouldRejectMalformedProofsWithAReason() {
    final List<H256> leaves = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      leaves.add(Hashing.keccak256(new byte[] {(byte) i}));
    }
    final MerkleMountainRange mmr = MerkleMountainRange.of(leaves);
    final H256 root = mmr.root();
    final MmrProof good = mmr.proof(5);

    final List<H256> extra = new ArrayList<>(good.items());
    extra.add(H256.ZERO);
    final VerificationResult tooMany =
        new MmrProof(List.of(5L), 15, extra).verify(root, List.of(leaves.get(5)));
    // Nervos reads an item after the bagged right peaks as one more right peak: wrong root.
    assertThat(tooMany.hasFailure(FailureReason.MMR_ROOT_MISMATCH)).isTrue();
    extra.add(H256.ZERO);
    extra.add(H256.ZERO);
    final VerificationResult beyondThePeaks =
        new MmrProof(List.of(5L), 15, extra).verify(root, List.of(leaves.get(5)));
    assertThat(beyondThePeaks.reasons()).containsExactly("MMR proof has 7 items, 6 were used");

    final VerificationResult tooFew =
        new MmrProof(List.of(5L), 15, good.items().subList(0, 2))
            .verify(root, List.of(leaves.get(5)));
    assertThat(tooFew.hasFailure(FailureReason.MMR_PROOF_MALFORMED)).isTrue();

    final VerificationResult outside =
        new MmrProof(List.of(15L), 15, good.items()).verify(root, List.of(leaves.get(5)));
    assertThat(outside.reasons()).containsExactly("leaf index 15 is outside an MMR of 15");

    final VerificationResult wrongRoot = good.verify(H256.ZERO, List.of(leaves.get(5)));
    assertThat(wrongRoot.hasFailure(FailureReason.MMR_ROOT_MISMATCH)).isTrue();

    assertThatThrownBy(() -> new MmrProof(List.of(1L, 2L), 15, good.items()).toSimplified())
        .isInstanceOf(MalformedProofException.class);
    assertThatThrownBy(() -> new MmrProof(List.of(5L), 15, extra.subList(0, 5)).toSimplified())
        .isInstanceOf(MalformedProofException.class);
  }

  @Test
  void shouldRoundTripTheScaleFormOfMmrGenerateProof() {
    final MmrProof proof =
        MerkleMountainRange.of(List.of(H256.ZERO, H256.ZERO, H256.ZERO)).proof(2);
    final MmrProof decoded = MmrProof.decodeHex(Hex.encode(proof.encode()));
    assertThat(decoded).isEqualTo(proof);
    assertThat(MmrProof.decode(ScaleReader.of(proof.encode()))).isEqualTo(proof);
  }

  @Test
  void shouldRefuseProofsOfMoreThan256ItemsAsBeefyClientDoes() {
    final List<H256> items = new ArrayList<>();
    for (int i = 0; i < 257; i++) {
      items.add(H256.ZERO);
    }
    final SimplifiedMmrProof proof = new SimplifiedMmrProof(items, BigInteger.ZERO);
    assertThat(
            proof
                .verify(proof.fold(H256.ZERO), H256.ZERO)
                .hasFailure(FailureReason.MMR_PROOF_TOO_LONG))
        .isTrue();
  }

  static H256 bytes32(final JsonNode node) {
    if (node.isTextual()) {
      return H256.fromHex(node.asText());
    }
    final byte[] out = new byte[node.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) node.get(i).asInt();
    }
    return H256.wrap(out);
  }

  static List<H256> hashes(final JsonNode array) {
    final List<H256> out = new ArrayList<>();
    if (array != null && !array.isNull()) {
      array.forEach(item -> out.add(bytes32(item)));
    }
    return out;
  }
}
