package io.xrelay.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.proofs.beefy.BeefyFinalityVerifier;
import io.xrelay.proofs.beefy.BeefyGossipMessage;
import io.xrelay.proofs.beefy.BeefyValidatorSet;
import io.xrelay.proofs.beefy.VersionedFinalityProof;
import io.xrelay.proofs.calldata.AuditExpectations;
import io.xrelay.proofs.calldata.BeefyCallAudit;
import io.xrelay.proofs.calldata.BeefyClientCalldata;
import io.xrelay.proofs.grandpa.AuthoritySetChange;
import io.xrelay.proofs.grandpa.GrandpaAuthoritySet;
import io.xrelay.proofs.grandpa.GrandpaJustification;
import io.xrelay.proofs.grandpa.GrandpaJustificationVerifier;
import io.xrelay.proofs.grandpa.SubstrateHeader;
import io.xrelay.proofs.mmr.MerkleMountainRange;
import io.xrelay.proofs.mmr.MmrLeaf;
import io.xrelay.proofs.mmr.MmrProof;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.scale.ScaleReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Random bit flips, byte overwrites and truncations of every real input never raise anything but
 * the typed errors ({@link ScaleDecodeException}, {@link MalformedProofException}); whatever still
 * decodes verifies to a result.
 */
class RandomMutationTest {
  private static final int ROUNDS = 150;

  @Test
  void shouldOnlyRaiseTypedErrorsOnMutatedCalldata() {
    final BeefyCallAudit audit = BeefyCallAudit.usingActiveBackend();
    for (final Path file : FixtureFiles.list("beefy/polkadot-mainnet-calldata")) {
      final byte[] calldata =
          Hex.decode(FixtureFiles.text("beefy/polkadot-mainnet-calldata/" + file.getFileName()));
      // Mutate the ABI head and pointers more often: that is where lengths and offsets live.
      fuzz(
          file.getFileName().toString(),
          calldata,
          mutated -> {
            final var report =
                audit.audit(BeefyClientCalldata.decode(mutated), AuditExpectations.none());
            assertThat(report.result()).isNotNull();
          });
    }
  }

  @Test
  void shouldOnlyRaiseTypedErrorsOnMutatedHeaders() {
    for (final String name :
        List.of(
            "grandpa/polkadot-block-512271.header.scale",
            "grandpa/kusama-block-7472481.header.scale")) {
      fuzz(
          name,
          FixtureFiles.bytes(name),
          mutated -> {
            final SubstrateHeader header = SubstrateHeader.decode(mutated);
            AuthoritySetChange.of(header, new GrandpaAuthoritySet(1, List.of()));
          });
    }
  }

  @Test
  void shouldOnlyRaiseTypedErrorsOnMutatedBeefyGossip() {
    final var gossip = FixtureFiles.json("beefy/beefy-gossip-vectors.json");
    final BeefyFinalityVerifier verifier = BeefyFinalityVerifier.usingActiveBackend();
    for (final String pointer :
        List.of("/voteMessage/scaleHex", "/finalityProofMessage/scaleHex")) {
      fuzz(
          pointer,
          Hex.decode(gossip.at(pointer).asText()),
          mutated -> {
            final BeefyGossipMessage message = BeefyGossipMessage.decode(mutated);
            if (message instanceof BeefyGossipMessage.FinalityProof proof) {
              verifier.verify(
                  proof.proof().signedCommitment(), new BeefyValidatorSet(12066, List.of()));
              VersionedFinalityProof.decode(proof.proof().encode());
            }
          });
    }
  }

  @Test
  void shouldOnlyRaiseTypedErrorsOnMutatedMmrInputs() {
    final var files =
        FixtureFiles.json("beefy/polkadot-mainnet-calldata.decoded.json").get("files");
    fuzz("MmrLeaf", Hex.decode(files.get(0).get("mmrLeafScale").asText()), MmrLeaf::decode);

    final List<H256> leaves = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      leaves.add(Hashing.keccak256(new byte[] {(byte) i}));
    }
    final MerkleMountainRange mmr = MerkleMountainRange.of(leaves);
    final H256 root = mmr.root();
    fuzz(
        "MmrProof",
        mmr.proof(29).encode(),
        mutated -> {
          final ScaleReader reader = ScaleReader.of(mutated);
          final MmrProof proof = MmrProof.decode(reader);
          reader.requireEnd("MmrProof");
          final List<H256> hashes = new ArrayList<>();
          proof.leafIndices().forEach(i -> hashes.add(leaves.get((int) Math.floorMod(i, 45L))));
          proof.verify(root, hashes);
          proof.toSimplified();
        });
  }

  @Test
  void shouldOnlyRaiseTypedErrorsOnMutatedGrandpaJustifications() {
    final GrandpaJustification justification = io.xrelay.proofs.grandpa.GrandpaSamples.sample();
    final GrandpaJustificationVerifier verifier =
        new GrandpaJustificationVerifier(GrandpaJustificationVerifier.Mode.STRICT);
    final GrandpaAuthoritySet set = io.xrelay.proofs.grandpa.GrandpaSamples.set();
    fuzz(
        "GrandpaJustification",
        justification.encode(),
        mutated -> {
          final GrandpaJustification decoded = GrandpaJustification.decode(mutated);
          verifier.verify(decoded, decoded.targetHash(), decoded.targetNumber(), set);
        });
  }

  private static void fuzz(final String name, final byte[] original, final Consumer<byte[]> use) {
    final Random random = new Random(name.hashCode());
    int typedErrors = 0;
    for (int round = 0; round < ROUNDS; round++) {
      final byte[] mutated = mutate(original, random);
      try {
        use.accept(mutated);
      } catch (ScaleDecodeException | MalformedProofException expected) {
        typedErrors++;
      } catch (RuntimeException unexpected) {
        throw new AssertionError(name + " round " + round + ": " + unexpected, unexpected);
      }
    }
    // Truncations of every length near both ends.
    for (int cut = 0; cut < Math.min(original.length, 200); cut++) {
      for (final int length : new int[] {cut, original.length - 1 - cut}) {
        try {
          use.accept(Arrays.copyOf(original, length));
        } catch (ScaleDecodeException | MalformedProofException expected) {
          typedErrors++;
        }
      }
    }
    assertThat(typedErrors).as(name).isPositive();
  }

  private static byte[] mutate(final byte[] original, final Random random) {
    final byte[] mutated = original.clone();
    switch (random.nextInt(3)) {
      case 0 -> {
        for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
          final int bit = random.nextInt(mutated.length * 8);
          mutated[bit / 8] ^= (byte) (1 << (bit % 8));
        }
      }
      case 1 -> {
        // Overwrite a byte near the start, where lengths, offsets and variants usually are.
        final int at = random.nextInt(Math.min(mutated.length, 512));
        mutated[at] = (byte) random.nextInt(256);
      }
      default -> {
        final int at = random.nextInt(mutated.length);
        mutated[at] = (byte) (random.nextBoolean() ? 0xff : 0x00);
      }
    }
    return mutated;
  }
}
