package io.xrelay.xcm.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An XCM program: {@code Xcm(Vec<Instruction>)} of v3, v4 or v5. */
public record Xcm(List<Instruction> instructions) {
  public static final Xcm EMPTY = new Xcm(List.of());

  public Xcm {
    instructions = List.copyOf(instructions);
  }

  public static Xcm of(final Instruction... instructions) {
    return new Xcm(Arrays.asList(instructions));
  }

  public int size() {
    return instructions.size();
  }

  public Instruction get(final int index) {
    return instructions.get(index);
  }

  /**
   * The message id set by a final {@code SetTopic}, if any. Routers wrapped in {@code
   * WithUniqueTopic} append one; the executor only honours it as the last instruction.
   */
  public Optional<Bytes> topic() {
    if (!instructions.isEmpty()
        && instructions.get(instructions.size() - 1) instanceof Instruction.SetTopic setTopic) {
      return Optional.of(setTopic.topic());
    }
    return Optional.empty();
  }

  /** The instruction names of this program (not of nested ones). */
  public List<String> instructionNames() {
    return instructions.stream().map(Instruction::variantName).toList();
  }
}
