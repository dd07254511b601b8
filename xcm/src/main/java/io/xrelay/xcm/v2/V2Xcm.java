package io.xrelay.xcm.v2;

import java.util.List;

/** A V2 program. */
public record V2Xcm(List<V2Instruction> instructions) {
  public V2Xcm {
    instructions = List.copyOf(instructions);
  }

  public List<String> instructionNames() {
    return instructions.stream().map(V2Instruction::variantName).toList();
  }
}
