package io.xrelay.proofs.mmr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.proofs.FixtureFiles;
import io.xrelay.proofs.H256;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleWriter;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class MmrLeafTest {

  @Test
  void shouldEncodeAndHashTheMainnetLeaves() {
    int checked = 0;
    for (final JsonNode file :
        FixtureFiles.json("beefy/polkadot-mainnet-calldata.decoded.json").get("files")) {
      if (!file.has("mmrLeaf")) {
        continue;
      }
      final MmrLeaf leaf = leaf(file.get("mmrLeaf"));
      assertThat(leaf.encode()).hasSize(MmrLeaf.ENCODED_LENGTH);
      assertThat(Hex.encode(leaf.encode())).isEqualTo(file.get("mmrLeafScale").asText());
      assertThat(leaf.hash().toHex()).isEqualTo(file.get("mmrLeafHash").asText());
      assertThat(MmrLeaf.decode(leaf.encode())).isEqualTo(leaf);

      final SimplifiedMmrProof proof =
          new SimplifiedMmrProof(
              MmrProofTest.hashes(file.get("mmrLeafProof")),
              new BigInteger(file.get("mmrLeafProofOrder").asText().substring(2), 16));
      assertThat(proof.fold(leaf.hash()).toHex()).isEqualTo(file.get("mmrRootComputed").asText());
      checked++;
    }
    assertThat(checked).isEqualTo(5);
  }

  @Test
  void shouldDecodeTheOpaqueLeavesOfMmrGenerateProof() {
    final MmrLeaf leaf =
        new MmrLeaf(0, 7, H256.ZERO, 3, 600, H256.ZERO, H256.fromHex("0x" + "11".repeat(32)));
    final byte[] leaves =
        new ScaleWriter()
            .writeCompact(2)
            .writeByteVec(leaf.encode())
            .writeByteVec(leaf.encode())
            .toByteArray();
    assertThat(MmrLeaf.decodeOpaqueLeaves(leaves)).isEqualTo(List.of(leaf, leaf));
  }

  static MmrLeaf leaf(final JsonNode json) {
    return new MmrLeaf(
        json.get("version").asInt(),
        json.get("parentNumber").asLong(),
        H256.fromHex(json.get("parentHash").asText()),
        json.get("nextAuthoritySetID").asLong(),
        json.get("nextAuthoritySetLen").asLong(),
        H256.fromHex(json.get("nextAuthoritySetRoot").asText()),
        H256.fromHex(json.get("parachainHeadsRoot").asText()));
  }
}
