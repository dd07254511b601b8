package io.xrelay.xcm.json;

/** JSON that is not a valid XCM value; the message names the JSON pointer of the culprit. */
public final class XcmJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String pointer;

  public XcmJsonException(final String pointer, final String reason) {
    super((pointer.isEmpty() ? "/" : pointer) + ": " + reason);
    this.pointer = pointer;
  }

  /** The JSON pointer (RFC 6901) of the offending value; empty for the root. */
  public String pointer() {
    return pointer;
  }
}
