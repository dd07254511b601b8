package io.xrelay.ethereum.rpc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.utils.Numeric;

/**
 * Ethereum JSON-RPC. {@link #request} is the transport; the typed reads on top of it parse replies
 * strictly, so a reply of the wrong shape fails with {@link EthereumRpcException.Kind#BAD_RESPONSE}
 * rather than a value that looks valid. Every failure is an {@link EthereumRpcException}.
 */
public interface EthereumRpc {

  /**
   * One call; the result is a Vert.x JSON value ({@code JsonObject}, {@code JsonArray}, {@code
   * String}, {@code Number}, {@code Boolean}) or null.
   */
  Future<Object> request(String method, JsonArray params);

  default Future<Object> request(final String method, final Object... params) {
    return request(method, new JsonArray(List.of(params)));
  }

  /** The endpoint calls go to now, for logs and metrics. */
  String currentEndpoint();

  Future<Void> close();

  default Future<Long> chainId() {
    return request("eth_chainId").map(r -> parse("eth_chainId", () -> longOf(r)));
  }

  default Future<Long> blockNumber() {
    return request("eth_blockNumber").map(r -> parse("eth_blockNumber", () -> longOf(r)));
  }

  /** The block at {@code tag}; empty when the node has no such block (yet). */
  default Future<Optional<Block>> block(final BlockTag tag) {
    return request("eth_getBlockByNumber", tag.value(), false)
        .map(
            r ->
                parse(
                    "eth_getBlockByNumber",
                    () -> r == null ? Optional.<Block>empty() : Optional.of(blockOf(r))));
  }

  default Future<List<LogEntry>> logs(final LogFilter filter) {
    final JsonObject json =
        new JsonObject()
            .put("address", filter.address())
            .put("fromBlock", Quantity.format(filter.fromBlock()))
            .put("toBlock", Quantity.format(filter.toBlock()));
    if (!filter.topic0().isEmpty()) {
      json.put("topics", new JsonArray().add(new JsonArray(new ArrayList<>(filter.topic0()))));
    }
    return request("eth_getLogs", json)
        .map(
            r ->
                parse(
                    "eth_getLogs",
                    () -> {
                      final List<LogEntry> logs = new ArrayList<>();
                      for (final Object log : (JsonArray) r) {
                        logs.add(logOf(log));
                      }
                      return logs;
                    }));
  }

  /** The receipt; empty while the transaction is pending or unknown. */
  default Future<Optional<TransactionReceipt>> receipt(final String transactionHash) {
    return request("eth_getTransactionReceipt", transactionHash)
        .map(
            r ->
                parse(
                    "eth_getTransactionReceipt",
                    () ->
                        r == null
                            ? Optional.<TransactionReceipt>empty()
                            : Optional.of(receiptOf(r))));
  }

  /** {@code eth_call}; a revert fails with {@link EthereumRpcException.Kind#EXECUTION_REVERTED}. */
  default Future<byte[]> call(final CallRequest call, final BlockTag tag) {
    return request("eth_call", callObject(call), tag.value())
        .map(r -> parse("eth_call", () -> bytesOf(r)));
  }

  default Future<BigInteger> estimateGas(final CallRequest call) {
    return request("eth_estimateGas", callObject(call))
        .map(r -> parse("eth_estimateGas", () -> Quantity.parse((String) r)));
  }

  /** The account's nonce at {@code tag}; at {@link BlockTag#PENDING} it counts the pool too. */
  default Future<Long> transactionCount(final String address, final BlockTag tag) {
    return request("eth_getTransactionCount", address, tag.value())
        .map(r -> parse("eth_getTransactionCount", () -> longOf(r)));
  }

  default Future<BigInteger> balance(final String address, final BlockTag tag) {
    return request("eth_getBalance", address, tag.value())
        .map(r -> parse("eth_getBalance", () -> Quantity.parse((String) r)));
  }

  default Future<FeeHistory> feeHistory(
      final int blockCount, final BlockTag newest, final List<Double> rewardPercentiles) {
    return request(
            "eth_feeHistory",
            Quantity.format(blockCount),
            newest.value(),
            new JsonArray(new ArrayList<>(rewardPercentiles)))
        .map(r -> parse("eth_feeHistory", () -> feeHistoryOf((JsonObject) r)));
  }

  default Future<BigInteger> maxPriorityFeePerGas() {
    return request("eth_maxPriorityFeePerGas")
        .map(r -> parse("eth_maxPriorityFeePerGas", () -> Quantity.parse((String) r)));
  }

  /** Sends a signed transaction; the node's hash of it. */
  default Future<String> sendRawTransaction(final byte[] signedTransaction) {
    return request("eth_sendRawTransaction", Numeric.toHexString(signedTransaction))
        .map(r -> parse("eth_sendRawTransaction", () -> hashOf(r)));
  }

  /** Parses one log object (of {@code eth_getLogs} or a logs subscription), strictly. */
  static LogEntry parseLog(final String method, final Object json) {
    return parse(method, () -> logOf(json));
  }

  /** Parses one block header object (of {@code eth_getBlockByNumber} or newHeads), strictly. */
  static Block parseBlock(final String method, final Object json) {
    return parse(method, () -> blockOf(json));
  }

  /** Turns a parse failure into a typed {@link EthereumRpcException} naming the method. */
  private static <T> T parse(final String method, final ReplyParser<T> parser) {
    try {
      return parser.parse();
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw new EthereumRpcException(
          EthereumRpcException.Kind.BAD_RESPONSE,
          method,
          "reply of the wrong shape: " + e.getMessage());
    }
  }

  /** A parser of one reply; may throw on a reply of the wrong shape. */
  @FunctionalInterface
  interface ReplyParser<T> {
    T parse();
  }

  private static JsonObject callObject(final CallRequest call) {
    final JsonObject json = new JsonObject();
    call.from().ifPresent(from -> json.put("from", from));
    call.to().ifPresent(to -> json.put("to", to));
    json.put("data", Numeric.toHexString(call.data()));
    if (call.value().signum() > 0) {
      json.put("value", Quantity.format(call.value()));
    }
    call.gas().ifPresent(gas -> json.put("gas", Quantity.format(gas)));
    return json;
  }

  private static long longOf(final Object reply) {
    return Quantity.parseLong((String) reply);
  }

  private static byte[] bytesOf(final Object reply) {
    final String hex = (String) reply;
    if (!hex.startsWith("0x") || hex.length() % 2 != 0) {
      throw new IllegalArgumentException("not hex data: " + abbreviate(hex));
    }
    return Numeric.hexStringToByteArray(hex);
  }

  private static String hashOf(final Object reply) {
    final String hash = (String) reply;
    if (!hash.startsWith("0x") || hash.length() != 66) {
      throw new IllegalArgumentException("not a 32-byte hash: " + abbreviate(hash));
    }
    return hash;
  }

  private static String abbreviate(final String text) {
    return text == null ? "null" : text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }

  private static Block blockOf(final Object reply) {
    final JsonObject json = (JsonObject) reply;
    final String baseFee = json.getString("baseFeePerGas");
    return new Block(
        Quantity.parseLong(json.getString("number")),
        hashOf(json.getString("hash")),
        hashOf(json.getString("parentHash")),
        Quantity.parseLong(json.getString("timestamp")),
        baseFee == null ? Optional.empty() : Optional.of(Quantity.parse(baseFee)),
        Quantity.parse(json.getString("gasLimit")));
  }

  private static LogEntry logOf(final Object reply) {
    final JsonObject json = (JsonObject) reply;
    final List<String> topics = new ArrayList<>();
    for (final Object topic : json.getJsonArray("topics")) {
      topics.add(hashOf(topic));
    }
    return new LogEntry(
        json.getString("address").toLowerCase(java.util.Locale.ROOT),
        topics,
        bytesOf(json.getString("data")),
        Quantity.parseLong(json.getString("blockNumber")),
        hashOf(json.getString("blockHash")),
        hashOf(json.getString("transactionHash")),
        Quantity.parseLong(json.getString("logIndex")),
        json.getBoolean("removed", false));
  }

  private static TransactionReceipt receiptOf(final Object reply) {
    final JsonObject json = (JsonObject) reply;
    final List<LogEntry> logs = new ArrayList<>();
    for (final Object log : json.getJsonArray("logs")) {
      logs.add(logOf(log));
    }
    final String status = json.getString("status");
    if (status == null) {
      throw new IllegalArgumentException("receipt without status (pre-Byzantium node?)");
    }
    return new TransactionReceipt(
        hashOf(json.getString("transactionHash")),
        Quantity.parseLong(json.getString("blockNumber")),
        hashOf(json.getString("blockHash")),
        json.getString("from"),
        Optional.ofNullable(json.getString("to")),
        Quantity.parse(status).signum() == 1,
        Quantity.parse(json.getString("gasUsed")),
        Quantity.parse(json.getString("effectiveGasPrice")),
        Optional.ofNullable(json.getString("contractAddress")),
        logs);
  }

  private static FeeHistory feeHistoryOf(final JsonObject json) {
    final List<BigInteger> baseFees = new ArrayList<>();
    for (final Object fee : json.getJsonArray("baseFeePerGas")) {
      baseFees.add(Quantity.parse((String) fee));
    }
    final List<List<BigInteger>> rewards = new ArrayList<>();
    final JsonArray rewardArray = json.getJsonArray("reward", new JsonArray());
    for (final Object block : rewardArray) {
      final List<BigInteger> percentiles = new ArrayList<>();
      for (final Object reward : (JsonArray) block) {
        percentiles.add(Quantity.parse((String) reward));
      }
      rewards.add(percentiles);
    }
    if (baseFees.isEmpty()) {
      throw new IllegalArgumentException("fee history without base fees");
    }
    return new FeeHistory(Quantity.parseLong(json.getString("oldestBlock")), baseFees, rewards);
  }
}
