package io.xrelay.scale;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The single error a SCALE decoder raises for malformed input. It names the byte offset where
 * decoding failed, the type that was being read, and (when callers add it) the path of enclosing
 * items, so a report reads like {@code pallets[3].storage.entries[7]: Compact<u32> at offset 4711:
 * needs 4 bytes, 2 remain}.
 */
public final class ScaleDecodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int offset;
  private final String typeName;
  private final String reason;
  private final List<String> context;

  public ScaleDecodeException(final int offset, final String typeName, final String reason) {
    this(offset, typeName, reason, List.of());
  }

  private ScaleDecodeException(
      final int offset, final String typeName, final String reason, final List<String> context) {
    super(null, null, false, false);
    this.offset = offset;
    this.typeName = typeName;
    this.reason = reason;
    this.context = context;
  }

  /** Byte offset in the decoded input where the failure was detected. */
  public int offset() {
    return offset;
  }

  /** The type being decoded when it failed, e.g. {@code Compact<u32>} or {@code Vec<u8>}. */
  public String typeName() {
    return typeName;
  }

  /** What was wrong, without offset or type. */
  public String reason() {
    return reason;
  }

  /** Enclosing items from outermost to innermost; empty when no caller added any. */
  public List<String> context() {
    return context;
  }

  /** Returns a copy of this error with {@code outer} prepended to its context path. */
  public ScaleDecodeException within(final String outer) {
    final List<String> path = new ArrayList<>(context.size() + 1);
    path.add(outer);
    path.addAll(context);
    return new ScaleDecodeException(offset, typeName, reason, Collections.unmodifiableList(path));
  }

  @Override
  public String getMessage() {
    final StringBuilder message = new StringBuilder();
    if (!context.isEmpty()) {
      message.append(String.join(" > ", context)).append(": ");
    }
    return message
        .append("cannot decode ")
        .append(typeName)
        .append(" at offset ")
        .append(offset)
        .append(": ")
        .append(reason)
        .toString();
  }
}
