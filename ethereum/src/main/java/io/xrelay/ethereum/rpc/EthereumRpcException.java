package io.xrelay.ethereum.rpc;

import java.util.Optional;

/**
 * A failed Ethereum JSON-RPC call, as data: what kind of failure, on which method and endpoint, and
 * whether trying again can help. Messages carry what the node said, never request bodies (a raw
 * transaction is not secret, but a node may echo parameters we do not control).
 */
public final class EthereumRpcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** No connection, or it broke before the reply came. */
    CONNECTION,
    /** No reply within the request timeout. */
    TIMEOUT,
    /** The endpoint answered with an HTTP status other than 200. */
    HTTP_STATUS,
    /** The node answered with a JSON-RPC error object. */
    RPC_ERROR,
    /** The call (eth_call, eth_estimateGas) reverted; {@link #revertData} holds the reason. */
    EXECUTION_REVERTED,
    /** The node answered with something that is not a valid reply of the expected shape. */
    BAD_RESPONSE,
    /** The client was closed. */
    CLOSED
  }

  private final Kind kind;
  private final String method;
  private final int code;
  private final byte[] revertData;

  public EthereumRpcException(final Kind kind, final String method, final String message) {
    this(kind, method, 0, message, null);
  }

  public EthereumRpcException(
      final Kind kind,
      final String method,
      final int code,
      final String message,
      final byte[] revertData) {
    super(method + ": " + message);
    this.kind = kind;
    this.method = method;
    this.code = code;
    this.revertData = revertData == null ? null : revertData.clone();
  }

  public Kind kind() {
    return kind;
  }

  public String method() {
    return method;
  }

  /** The JSON-RPC error code, or the HTTP status for {@link Kind#HTTP_STATUS}; 0 otherwise. */
  public int code() {
    return code;
  }

  /** The revert data of a reverted call (possibly empty: a bare {@code revert()}). */
  public Optional<byte[]> revertData() {
    return Optional.ofNullable(revertData).map(byte[]::clone);
  }

  /**
   * Whether the same call may succeed later, perhaps on another endpoint: connection trouble,
   * time-outs, rate limits (HTTP 429, JSON-RPC -32005) and server-side faults (HTTP 5xx, -32603)
   * may pass; a revert, an invalid request and an invalid reply will not.
   */
  public boolean retryable() {
    return switch (kind) {
      case CONNECTION, TIMEOUT -> true;
      case HTTP_STATUS -> code == 429 || code >= 500;
      case RPC_ERROR -> code == -32603 || code == -32005;
      case EXECUTION_REVERTED, BAD_RESPONSE, CLOSED -> false;
    };
  }
}
