package io.xrelay.xcm.model;

import java.util.List;
import java.util.OptionalInt;

/**
 * The executor's {@code Outcome}, as events report it ({@code Attempted}, {@code ExecutedDownward},
 * dry runs). V3/V4: {@code Complete(Weight) = 0}, {@code Incomplete(Weight, Error) = 1}, {@code
 * Error(Error) = 2}. V5 on current runtimes adds the failing instruction's index: {@code Incomplete
 * { used, error: InstructionError { index: u8, error } }} and {@code Error(InstructionError)}.
 */
public sealed interface Outcome {
  List<String> NAMES = List.of("Complete", "Incomplete", "Error");

  int variantIndex();

  default String variantName() {
    return NAMES.get(variantIndex());
  }

  /**
   * An error and, in the v5 layout, the index of the instruction that raised it (a u8; absent in
   * the v3/v4 layout).
   */
  record InstructionError(OptionalInt index, XcmError error) {
    public InstructionError {
      if (index.isPresent()) {
        Unsigned.u8(index.getAsInt(), "InstructionError index");
      }
    }
  }

  record Complete(Weight used) implements Outcome {
    @Override
    public int variantIndex() {
      return 0;
    }
  }

  record Incomplete(Weight used, InstructionError error) implements Outcome {
    @Override
    public int variantIndex() {
      return 1;
    }
  }

  record Error(InstructionError error) implements Outcome {
    @Override
    public int variantIndex() {
      return 2;
    }
  }
}
