package io.xrelay.xcm.model;

/**
 * The {@code (u32, Error)} of {@code ExpectError} and {@code Response::ExecutionResult}: which
 * instruction failed, and how.
 */
public record ExecutionError(long instructionIndex, XcmError error) {
  public ExecutionError {
    Unsigned.u32(instructionIndex, "instruction index");
  }
}
