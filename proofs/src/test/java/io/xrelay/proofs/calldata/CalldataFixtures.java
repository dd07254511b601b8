package io.xrelay.proofs.calldata;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.crypto.secp256k1.EthereumAddress;
import io.xrelay.proofs.FixtureFiles;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.beefy.BeefyCommitment;
import io.xrelay.proofs.beefy.BeefyPayloadItem;
import io.xrelay.proofs.mmr.MmrLeaf;
import io.xrelay.proofs.mmr.SimplifiedMmrProof;
import io.xrelay.scale.Hex;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real BeefyClient calldata fixtures and their decoded reference values. */
final class CalldataFixtures {
  static final String FOLDER = "beefy/polkadot-mainnet-calldata";

  private CalldataFixtures() {}

  static List<Path> files() {
    return FixtureFiles.list(FOLDER);
  }

  static byte[] calldata(final String fileName) {
    return Hex.decode(FixtureFiles.text(FOLDER + "/" + fileName));
  }

  static JsonNode decoded(final String fileName) {
    for (final JsonNode file :
        FixtureFiles.json("beefy/polkadot-mainnet-calldata.decoded.json").get("files")) {
      if (file.get("file").asText().equals(fileName)) {
        return file;
      }
    }
    throw new IllegalArgumentException("no decoded values for " + fileName);
  }

  /** The 2023 relayer log line of a handover submitFinal (111 validators), as a call. */
  static BeefyClientCall.SubmitFinal snowbridge2023() {
    final JsonNode params =
        FixtureFiles.json("beefy/snowbridge-beefy-commitment-2023.json").get("params");
    final JsonNode c = params.get("commitment");
    final List<BeefyPayloadItem> payload = new ArrayList<>();
    for (final JsonNode item : c.get("payload")) {
      payload.add(
          BeefyPayloadItem.of(
              item.get("payloadID").asText(), Hex.decode(item.get("data").asText())));
    }
    final BeefyCommitment commitment =
        new BeefyCommitment(
            payload, c.get("blockNumber").asLong(), c.get("validatorSetID").asLong());
    final List<BigInteger> bitfield = new ArrayList<>();
    params.get("bitfield").forEach(word -> bitfield.add(new BigInteger(word.asText(), 2)));
    final List<ValidatorProof> proofs = new ArrayList<>();
    for (final JsonNode p : params.get("proofs")) {
      proofs.add(
          new ValidatorProof(
              p.get("V").asInt(),
              H256.fromHex(p.get("R").asText()),
              H256.fromHex(p.get("S").asText()),
              BigInteger.valueOf(p.get("Index").asLong()),
              EthereumAddress.fromHex(p.get("Account").asText()),
              hashes(p.get("Proof"))));
    }
    final JsonNode l = params.get("leaf");
    final MmrLeaf leaf =
        new MmrLeaf(
            l.get("version").asInt(),
            l.get("parentNumber").asLong(),
            H256.fromHex(l.get("parentHash").asText()),
            l.get("nextAuthoritySetID").asLong(),
            l.get("nextAuthoritySetLen").asLong(),
            H256.fromHex(l.get("nextAuthoritySetRoot").asText()),
            H256.fromHex(l.get("parachainHeadsRoot").asText()));
    return new BeefyClientCall.SubmitFinal(
        BeefyClientFunction.SUBMIT_FINAL,
        commitment,
        bitfield,
        proofs,
        leaf,
        new SimplifiedMmrProof(
            hashes(params.get("leafProof")),
            BigInteger.valueOf(params.get("leafProofOrder").asLong())));
  }

  static List<H256> hashes(final JsonNode array) {
    final List<H256> out = new ArrayList<>();
    array.forEach(item -> out.add(H256.fromHex(item.asText())));
    return out;
  }
}
