package io.xrelay.ethereum.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.utils.Numeric;

/**
 * A transaction handed to the node, with every version of it sent so far (a replacement keeps the
 * nonce and raises the fees). Plain data, so that a route can store it and resume tracking it after
 * a restart with {@link TransactionSender#track}.
 *
 * @param hashes the hash of each version, oldest first; any of them may be the one included
 */
public record SentTransaction(
    String from,
    long nonce,
    TransactionRequest request,
    BigInteger gasLimit,
    FeePolicy.Fees fees,
    List<String> hashes) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public SentTransaction {
    if (hashes.isEmpty()) {
      throw new IllegalArgumentException("a sent transaction has at least one hash");
    }
    hashes = List.copyOf(hashes);
  }

  /** The hash of the latest version. */
  public String hash() {
    return hashes.get(hashes.size() - 1);
  }

  /** As a journal stores it: every field, numbers as decimal strings, data as hex. */
  public String toJson() {
    final ObjectNode json = JSON.createObjectNode();
    json.put("from", from);
    json.put("nonce", nonce);
    request.to().ifPresent(to -> json.put("to", to));
    json.put("data", Numeric.toHexString(request.data()));
    json.put("value", request.value().toString());
    json.put("gasLimit", gasLimit.toString());
    json.put("maxFeePerGas", fees.maxFeePerGas().toString());
    json.put("maxPriorityFeePerGas", fees.maxPriorityFeePerGas().toString());
    final ArrayNode all = json.putArray("hashes");
    hashes.forEach(all::add);
    return json.toString();
  }

  /** Reads what {@link #toJson} wrote; a field missing or malformed is named in the error. */
  public static SentTransaction fromJson(final String text) {
    final JsonNode json;
    try {
      json = JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("a journaled transaction is not JSON: " + e.getMessage());
    }
    final List<String> hashes = new ArrayList<>();
    field(json, "hashes").forEach(hash -> hashes.add(hash.asText()));
    final BigInteger gasLimit = number(json, "gasLimit");
    return new SentTransaction(
        field(json, "from").asText(),
        field(json, "nonce").asLong(),
        new TransactionRequest(
            json.hasNonNull("to") ? Optional.of(json.get("to").asText()) : Optional.empty(),
            Numeric.hexStringToByteArray(field(json, "data").asText()),
            number(json, "value"),
            Optional.of(gasLimit)),
        gasLimit,
        new FeePolicy.Fees(number(json, "maxFeePerGas"), number(json, "maxPriorityFeePerGas")),
        hashes);
  }

  private static JsonNode field(final JsonNode json, final String name) {
    final JsonNode value = json.get(name);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("a journaled transaction has no '" + name + "'");
    }
    return value;
  }

  private static BigInteger number(final JsonNode json, final String name) {
    try {
      return new BigInteger(field(json, name).asText());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "a journaled transaction's '" + name + "' is not a decimal number");
    }
  }

  SentTransaction replacedBy(final FeePolicy.Fees newFees, final String newHash) {
    final List<String> all = new ArrayList<>(hashes);
    all.add(newHash);
    return new SentTransaction(from, nonce, request, gasLimit, newFees, all);
  }
}
