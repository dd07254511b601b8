package io.xrelay.xcm.model;

import java.util.List;

/**
 * {@code MaybeErrorCode}: {@code Success = 0}, {@code Error(BoundedVec<u8, 128>) = 1}, {@code
 * TruncatedError(BoundedVec<u8, 128>) = 2}.
 */
public sealed interface MaybeErrorCode {
  /** {@code MaxDispatchErrorLen} of polkadot-sdk. */
  int MAX_LENGTH = 128;

  List<String> NAMES = List.of("Success", "Error", "TruncatedError");

  int variantIndex();

  default String variantName() {
    return NAMES.get(variantIndex());
  }

  record Success() implements MaybeErrorCode {
    @Override
    public int variantIndex() {
      return 0;
    }
  }

  /** {@code Error} ({@code truncated == false}) or {@code TruncatedError}. */
  record Failure(boolean truncated, Bytes code) implements MaybeErrorCode {
    public Failure {
      code.requireAtMost(MAX_LENGTH, "dispatch error code");
    }

    @Override
    public int variantIndex() {
      return truncated ? 2 : 1;
    }
  }
}
