package io.xrelay.proofs.calldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.proofs.FailureReason;
import io.xrelay.proofs.FixtureFiles;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.MalformedProofException;
import io.xrelay.proofs.Verdict;
import io.xrelay.scale.Hex;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class BeefyCallAuditTest {
  private static final BeefyCallAudit AUDIT = BeefyCallAudit.usingActiveBackend();

  @Test
  void shouldComputeTheSelectorsOfTheThreeFunctions() {
    assertThat(Hex.encode(BeefyClientFunction.SUBMIT_INITIAL.selector())).isEqualTo("0xbb51f1eb");
    assertThat(Hex.encode(BeefyClientFunction.SUBMIT_FINAL.selector())).isEqualTo("0x623b223d");
    assertThat(Hex.encode(BeefyClientFunction.SUBMIT_FIAT_SHAMIR.selector()))
        .isEqualTo("0xc7d6e93d");
  }

  @Test
  void shouldVerifyEveryMainnetCalldataFileWithTheReferenceValues() {
    assertThat(CalldataFixtures.files()).hasSize(10);
    for (final Path path : CalldataFixtures.files()) {
      final String name = path.getFileName().toString();
      final JsonNode expected = CalldataFixtures.decoded(name);
      final BeefyClientCall call =
          BeefyClientCalldata.decodeHex(FixtureFiles.text(CalldataFixtures.FOLDER + "/" + name));
      assertThat(call.function().solidityName())
          .as(name)
          .isEqualTo(expected.get("function").asText());

      final BeefyCallAuditReport report = AUDIT.audit(call, AuditExpectations.none());
      assertThat(report.result().reasons()).as(name).isEmpty();
      assertThat(report.verdict()).isEqualTo(Verdict.VALID);
      assertThat(report.blockNumber()).isEqualTo(expected.at("/commitment/blockNumber").asLong());
      assertThat(report.validatorSetId())
          .isEqualTo(expected.at("/commitment/validatorSetID").asLong());
      assertThat(report.commitmentHash().toHex())
          .isEqualTo(expected.get("commitmentHash").asText());
      assertThat(Hex.encode(call.commitment().encode()))
          .isEqualTo(expected.get("commitmentScale").asText());
      assertThat(report.validatorSetRoot().map(H256::toHex))
          .contains(expected.get("validatorRootFromProofs").asText());
      if (call instanceof BeefyClientCall.SubmitFinal) {
        assertThat(report.validatorCount()).isEqualTo(600);
      } else {
        // One proof at a low index cannot tell 600 from nearby sizes; the smallest the bitfield
        // allows is taken.
        assertThat(report.validatorCount()).isBetween(513L, 600L);
      }
      assertThat(report.signaturesChecked()).isEqualTo(expected.get("proofs").size());
      assertThat(report.signaturesValid()).isEqualTo(expected.get("proofs").size());
      for (int i = 0; i < call.validatorProofs().size(); i++) {
        final ValidatorProof proof = call.validatorProofs().get(i);
        final JsonNode reference = expected.get("proofs").get(i);
        assertThat(proof.index().longValue()).isEqualTo(reference.get("index").asLong());
        assertThat(proof.account().toChecksumHex()).isEqualTo(reference.get("account").asText());
        assertThat(proof.v()).isEqualTo(reference.get("v").asInt());
        assertThat(proof.proof()).hasSize(reference.get("merkleProof").size());
      }
      for (int w = 0; w < call.bitfield().size(); w++) {
        assertThat(call.bitfield().get(w))
            .isEqualTo(
                new BigInteger(expected.get("bitfieldWords").get(w).asText().substring(2), 16));
      }
      if (call instanceof BeefyClientCall.SubmitFinal) {
        assertThat(report.mmrLeafHash().map(H256::toHex))
            .contains(expected.get("mmrLeafHash").asText());
        assertThat(report.mmrRoot().map(H256::toHex))
            .contains(expected.get("mmrRootComputed").asText());
        assertThat(report.mmrRootMatchesPayload()).contains(true);
      } else {
        assertThat(report.mmrLeafHash()).isEmpty();
        assertThat(report.mmrRootMatchesPayload()).isEmpty();
      }

      // With the set the contract holds, the same verdict.
      final AuditExpectations known =
          new AuditExpectations(
              Optional.of(H256.fromHex(expected.get("validatorRootFromProofs").asText())),
              OptionalInt.of(600));
      assertThat(AUDIT.audit(call, known).result().isValid()).as(name).isTrue();
    }
  }

  @Test
  void shouldNormaliseHighSBeefySignaturesForSubmission() {
    final BeefyClientCall call =
        BeefyClientCalldata.decode(CalldataFixtures.calldata("prod_submitFinal_4.hex"));
    for (final ValidatorProof submitted : call.validatorProofs()) {
      // The same signature as a validator may have produced it: high s, recovery id 0/1.
      final io.xrelay.crypto.secp256k1.EcdsaSignature lowS = submitted.signature();
      final byte[] highS =
          io.xrelay.crypto.secp256k1.EcdsaSignature.CURVE_ORDER
              .subtract(lowS.sValue())
              .add(BigInteger.ONE.shiftLeft(256))
              .toByteArray();
      final byte[] raw = new byte[65];
      System.arraycopy(lowS.r(), 0, raw, 0, 32);
      System.arraycopy(highS, highS.length - 32, raw, 32, 32);
      raw[64] = (byte) (lowS.recoveryId() ^ 1);
      final io.xrelay.crypto.secp256k1.EcdsaSignature beefy =
          io.xrelay.crypto.secp256k1.EcdsaSignature.fromBytes(raw);
      assertThat(beefy.isHighS()).isTrue();

      final ValidatorProof rebuilt =
          ValidatorProof.forSubmission(
              beefy, submitted.index().longValueExact(), submitted.account(), submitted.proof());
      assertThat(rebuilt).isEqualTo(submitted);
    }
  }

  @Test
  void shouldReportAnotherExpectedRootAsAMismatch() {
    final BeefyClientCall call =
        BeefyClientCalldata.decode(CalldataFixtures.calldata("prod_submitFinal.hex"));
    final H256 otherRoot =
        H256.fromHex("0xe05b9ac6c74fb2015c84ef446e38fcc41151468cf2ad05e3869e301feda35019");
    final BeefyCallAuditReport report =
        AUDIT.audit(call, new AuditExpectations(Optional.of(otherRoot), OptionalInt.of(600)));
    assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(report.result().failures()).hasSize(28);
    assertThat(report.result().hasFailure(FailureReason.VALIDATOR_ROOT_MISMATCH)).isTrue();
    assertThat(report.result().reasons().get(0))
        .isEqualTo(
            "signature 0 (validator 27): merkle proof leads to"
                + " 0xaa35b595056b5e391b82c64a3d06a230eb32970fb39e798200e568fc67ff64a7, not the"
                + " validator-set root "
                + otherRoot);
  }

  @Test
  void shouldReadSubmitFiatShamirWhichTakesTheArgumentsOfSubmitFinal() {
    final byte[] calldata = CalldataFixtures.calldata("prod_submitFinal_2.hex");
    System.arraycopy(BeefyClientFunction.SUBMIT_FIAT_SHAMIR.selector(), 0, calldata, 0, 4);
    final BeefyClientCall call = BeefyClientCalldata.decode(calldata);
    assertThat(call.function()).isEqualTo(BeefyClientFunction.SUBMIT_FIAT_SHAMIR);
    final BeefyCallAuditReport report = AUDIT.audit(call, AuditExpectations.none());
    assertThat(report.result().isValid()).isTrue();
    assertThat(report.signaturesValid()).isEqualTo(28);
  }

  @Test
  void shouldVerifyThe2023HandoverSubmission() {
    final BeefyClientCall.SubmitFinal call = CalldataFixtures.snowbridge2023();
    final JsonNode log = FixtureFiles.json("beefy/snowbridge-beefy-commitment-2023.json");
    final BeefyCallAuditReport report =
        AUDIT.audit(call, new AuditExpectations(Optional.empty(), OptionalInt.of(111)));
    assertThat(report.result().reasons()).isEmpty();
    assertThat(report.commitmentHash().toHex()).isEqualTo(log.get("commitmentHash").asText());
    assertThat(report.signaturesValid()).isEqualTo(25);
    assertThat(report.mmrRootMatchesPayload()).contains(true);
    // Without the count, the proofs alone pin the set size.
    assertThat(AUDIT.audit(call, AuditExpectations.none()).validatorCount()).isEqualTo(111);
  }

  @Test
  void shouldRejectUnknownSelectorsAndGarbageAsMalformed() {
    assertThatThrownBy(() -> BeefyClientCalldata.decodeHex("0x12345678"))
        .isInstanceOf(MalformedProofException.class)
        .hasMessageContaining("selector 0x12345678");
    assertThatThrownBy(() -> BeefyClientCalldata.decodeHex("0x623b"))
        .isInstanceOf(MalformedProofException.class);
    assertThatThrownBy(() -> BeefyClientCalldata.decodeHex("not hex"))
        .isInstanceOf(MalformedProofException.class)
        .hasMessageStartingWith("calldata is not hex");
    assertThatThrownBy(() -> BeefyClientCalldata.decodeHex("0x623b223d" + "00".repeat(31)))
        .isInstanceOf(MalformedProofException.class);
    assertThatThrownBy(() -> BeefyClientCalldata.decodeHex("0x623b223d" + "ff".repeat(32 * 12)))
        .isInstanceOf(MalformedProofException.class);
  }
}
