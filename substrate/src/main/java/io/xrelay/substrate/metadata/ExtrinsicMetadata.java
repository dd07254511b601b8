package io.xrelay.substrate.metadata;

import java.util.List;
import java.util.Map;

/**
 * The extrinsic format, the same shape for every metadata version. For V14 the address, call,
 * signature and extra types are read from the {@code UncheckedExtrinsic} type's parameters (-1 when
 * it has none of that name); {@code extrinsicType} exists only in V14. Before V16 every extension
 * applies to the single version.
 */
public record ExtrinsicMetadata(
    List<Integer> versions,
    int extrinsicType,
    int addressType,
    int callType,
    int signatureType,
    int extraType,
    List<TransactionExtension> extensions,
    Map<Integer, List<Integer>> extensionsByVersion) {

  /**
   * A signed (V4) or transaction (V5) extension: {@code type} goes into the extrinsic, {@code
   * implicitType} (V14/V15's "additional signed") only into the signed payload.
   */
  public record TransactionExtension(String identifier, int type, int implicitType) {}
}
