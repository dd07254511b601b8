package io.xrelay.substrate.block;

import java.util.List;
import java.util.Optional;

/**
 * A block as {@code chain_getBlock} serves it: header, opaque extrinsics (0x-hex) and
 * justifications.
 */
public record SignedBlock(
    String hash, BlockHeader header, List<String> extrinsics, List<Justification> justifications) {

  public SignedBlock {
    extrinsics = List.copyOf(extrinsics);
    justifications = List.copyOf(justifications);
  }

  public Optional<Justification> justification(final String engineId) {
    return justifications.stream().filter(j -> j.engineId().equals(engineId)).findFirst();
  }
}
