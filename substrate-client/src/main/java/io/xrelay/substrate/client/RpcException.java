package io.xrelay.substrate.client;

/**
 * A failed JSON-RPC call, as data: what kind of failure, on which method and endpoint, and whether
 * trying again can help.
 */
public final class RpcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** No connection, or it closed before the reply came. */
    CONNECTION,
    /** No reply within the request timeout. */
    TIMEOUT,
    /** The node answered with a JSON-RPC error object. */
    RPC_ERROR,
    /** The node answered with something that is not a valid reply. */
    BAD_RESPONSE,
    /** The client was closed. */
    CLOSED
  }

  private final Kind kind;
  private final String method;
  private final int code;

  public RpcException(final Kind kind, final String method, final String message) {
    this(kind, method, 0, message);
  }

  public RpcException(final Kind kind, final String method, final int code, final String message) {
    super(method + ": " + message);
    this.kind = kind;
    this.method = method;
    this.code = code;
  }

  public Kind kind() {
    return kind;
  }

  public String method() {
    return method;
  }

  /** The JSON-RPC error code for {@link Kind#RPC_ERROR}; 0 otherwise. */
  public int code() {
    return code;
  }

  /**
   * Whether the same call may succeed later: connection trouble and time-outs may pass, and so may
   * a node's internal error (-32603) or an overloaded node (-32005, -32000 with Substrate's "too
   * many" limits); invalid requests and invalid replies will not.
   */
  public boolean retryable() {
    return switch (kind) {
      case CONNECTION, TIMEOUT -> true;
      case RPC_ERROR -> code == -32603 || code == -32005 || code == -32097;
      case BAD_RESPONSE, CLOSED -> false;
    };
  }
}
