package io.xrelay.relayer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xrelay.crypto.secp256k1.Secp256k1;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.MalformedProofException;
import io.xrelay.proofs.calldata.AuditExpectations;
import io.xrelay.proofs.calldata.BeefyCallAudit;
import io.xrelay.proofs.calldata.BeefyCallAuditReport;
import io.xrelay.proofs.calldata.BeefyClientCall;
import io.xrelay.proofs.calldata.BeefyClientCalldata;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code relayer beefy ...}: BEEFY proofs. */
@Command(
    name = "beefy",
    mixinStandardHelpOptions = true,
    description = "Check BEEFY proofs.",
    subcommands = {BeefyCommand.Verify.class})
public final class BeefyCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code relayer beefy verify --calldata FILE}: audit one BeefyClient submission. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Decode the calldata of BeefyClient.submitInitial, submitFinal or submitFiatShamir and"
            + " verify everything in it: signatures, validator merkle proofs, the claimed quorum"
            + " and the MMR leaf proof.",
        "Exit status: 0 valid, 1 invalid, 2 unreadable input."
      })
  static final class Verify implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--calldata",
        required = true,
        paramLabel = "FILE",
        description = "File holding the calldata as 0x-hex.")
    Path calldata;

    @Option(
        names = "--validator-root",
        paramLabel = "0xROOT",
        description =
            "Validator-set root the proofs must reach (BeefyClient's current or next set).")
    String validatorRoot;

    @Option(
        names = "--validator-count",
        paramLabel = "N",
        description = "Size of the validator set (default: inferred from the bitfield and proofs).")
    Integer validatorCount;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
      final AuditExpectations expectations = expectations();
      final BeefyClientCall call;
      try {
        call = BeefyClientCalldata.decodeHex(readCalldata());
      } catch (MalformedProofException e) {
        throw new InputException(calldata + ": " + e.getMessage());
      }
      final BeefyCallAuditReport report =
          BeefyCallAudit.usingActiveBackend().audit(call, expectations);
      final PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(toJson(report));
      } else {
        printText(report, out);
      }
      out.flush();
      return report.result().isValid() ? 0 : 1;
    }

    private AuditExpectations expectations() {
      Optional<H256> root = Optional.empty();
      if (validatorRoot != null) {
        try {
          root = Optional.of(H256.fromHex(validatorRoot));
        } catch (IllegalArgumentException e) {
          throw new InputException(
              "--validator-root must be 32 bytes of 0x-hex: " + e.getMessage());
        }
      }
      if (validatorCount != null && validatorCount < 1) {
        throw new InputException("--validator-count must be at least 1, got " + validatorCount);
      }
      return new AuditExpectations(
          root, validatorCount == null ? OptionalInt.empty() : OptionalInt.of(validatorCount));
    }

    private String readCalldata() {
      try {
        if (Files.size(calldata) > 2L * BeefyClientCalldata.MAX_CALLDATA_BYTES + 16) {
          throw new InputException(calldata + ": file is too large to be BeefyClient calldata");
        }
        return Files.readString(calldata, StandardCharsets.US_ASCII);
      } catch (NoSuchFileException e) {
        throw new InputException("cannot read " + calldata + ": no such file");
      } catch (IOException e) {
        throw new InputException("cannot read " + calldata + ": " + e.getMessage());
      }
    }

    static String toJson(final BeefyCallAuditReport report) {
      final Map<String, Object> object = new LinkedHashMap<>();
      object.put("function", report.function().solidityName());
      object.put("blockNumber", report.blockNumber());
      // A u64: written as a JSON number even above Long.MAX_VALUE.
      object.put(
          "validatorSetId",
          new java.math.BigInteger(Long.toUnsignedString(report.validatorSetId())));
      object.put("commitmentHash", report.commitmentHash().toHex());
      object.put("validatorSetRoot", report.validatorSetRoot().map(H256::toHex).orElse(null));
      final Map<String, Object> signatures = new LinkedHashMap<>();
      signatures.put("checked", report.signaturesChecked());
      signatures.put("valid", report.signaturesValid());
      object.put("signatures", signatures);
      object.put("mmrLeafHash", report.mmrLeafHash().map(H256::toHex).orElse(null));
      object.put("mmrRoot", report.mmrRoot().map(H256::toHex).orElse(null));
      object.put("mmrRootMatchesPayload", report.mmrRootMatchesPayload().orElse(null));
      object.put("verdict", report.verdict().label());
      object.put("reasons", report.result().reasons());
      try {
        return JSON.writeValueAsString(object);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write JSON", e);
      }
    }

    private static void printText(final BeefyCallAuditReport report, final PrintWriter out) {
      out.println("function:           " + report.function().solidityName());
      out.println("block number:       " + report.blockNumber());
      out.println("validator set id:   " + Long.toUnsignedString(report.validatorSetId()));
      out.println("commitment hash:    " + report.commitmentHash());
      out.println(
          "validator-set root: "
              + report.validatorSetRoot().map(H256::toHex).orElse("none")
              + " ("
              + report.validatorCount()
              + " validators)");
      out.println(
          "signatures:         "
              + report.signaturesChecked()
              + " checked, "
              + report.signaturesValid()
              + " valid (secp256k1: "
              + Secp256k1.activeBackend().label()
              + ")");
      report.mmrLeafHash().ifPresent(hash -> out.println("MMR leaf hash:      " + hash));
      report
          .mmrRoot()
          .ifPresent(
              root ->
                  out.println(
                      "MMR root:           "
                          + root
                          + (report.mmrRootMatchesPayload().orElse(false)
                              ? " (the commitment's mh payload)"
                              : " (NOT the commitment's mh payload)")));
      out.println("verdict:            " + report.verdict().label());
      report.result().reasons().forEach(reason -> out.println("  - " + reason));
    }
  }
}
