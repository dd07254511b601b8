package io.xrelay.relayer.xcm.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * What a transfer came to: where it was submitted, the message id, and its outcome on the
 * destination ({@code success}, {@code fail}, {@code timeout}; {@code dry-run} when not submitted).
 *
 * @param originBlock -1 when the extrinsic never entered a block
 * @param destinationBlock -1 when no destination block processed the message
 * @param seconds from submission to the outcome, 0 for a dry run
 */
public record TransferResult(
    Optional<String> messageId,
    Optional<String> messageHash,
    String originChain,
    long originBlock,
    Optional<String> extrinsic,
    String destinationChain,
    long destinationBlock,
    Optional<String> destinationEvent,
    String outcome,
    Optional<String> error,
    String call,
    String callData,
    String amount,
    String amountPlanck,
    Optional<String> transactionFee,
    Optional<String> credited,
    List<String> trappedAssets,
    List<String> notes,
    double seconds) {

  public TransferResult {
    trappedAssets = List.copyOf(trappedAssets);
    notes = List.copyOf(notes);
  }

  public boolean succeeded() {
    return outcome.equals("success") || outcome.equals("dry-run");
  }

  public ObjectNode toJson() {
    final ObjectNode json = new ObjectMapper().createObjectNode();
    json.put("messageId", messageId.orElse(null));
    json.put("messageHash", messageHash.orElse(null));
    final ObjectNode origin = json.putObject("origin");
    origin.put("chain", originChain);
    putBlock(origin, originBlock);
    origin.put("extrinsic", extrinsic.orElse(null));
    final ObjectNode destination = json.putObject("destination");
    destination.put("chain", destinationChain);
    putBlock(destination, destinationBlock);
    destination.put("event", destinationEvent.orElse(null));
    json.put("outcome", outcome);
    json.put("error", error.orElse(null));
    json.put("call", call);
    json.put("callData", callData);
    json.put("amount", amount);
    json.put("amountPlanck", amountPlanck);
    json.put("transactionFee", transactionFee.orElse(null));
    json.put("credited", credited.orElse(null));
    final ArrayNode trapped = json.putArray("trappedAssets");
    trappedAssets.forEach(trapped::add);
    final ArrayNode notesNode = json.putArray("notes");
    notes.forEach(notesNode::add);
    json.put("seconds", Math.round(seconds * 1000) / 1000.0);
    return json;
  }

  private static void putBlock(final ObjectNode node, final long block) {
    if (block >= 0) {
      node.put("block", block);
    } else {
      node.putNull("block");
    }
  }

  /** The same in words. */
  public void print(final PrintWriter out) {
    out.printf("Transfer:     %s %s -> %s (%s)%n", amount, originChain, destinationChain, call);
    out.printf("Message id:   %s%n", messageId.orElse("unknown"));
    messageHash.ifPresent(hash -> out.printf("Message hash: %s%n", hash));
    if (originBlock >= 0) {
      out.printf(
          "Origin:       %s block %d, extrinsic %s%n",
          originChain, originBlock, extrinsic.orElse("?"));
    } else {
      out.printf("Origin:       not submitted to %s%n", originChain);
    }
    transactionFee.ifPresent(fee -> out.printf("Tx fee:       %s planck%n", fee));
    if (destinationBlock >= 0) {
      out.printf(
          "Destination:  %s block %d (%s)%n",
          destinationChain, destinationBlock, destinationEvent.orElse(""));
    }
    out.printf("Outcome:      %s%n", outcome);
    error.ifPresent(reason -> out.printf("Reason:       %s%n", reason));
    credited.ifPresent(amount -> out.printf("Credited:     %s planck%n", amount));
    trappedAssets.forEach(assets -> out.printf("Trapped:      %s%n", assets));
    notes.forEach(note -> out.printf("Note:         %s%n", note));
    if (seconds > 0) {
      out.printf("Took:         %.2f s from submission%n", seconds);
    }
  }
}
