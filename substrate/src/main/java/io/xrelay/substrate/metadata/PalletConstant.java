package io.xrelay.substrate.metadata;

import java.util.List;

/** A pallet constant: its type and SCALE-encoded value. */
public record PalletConstant(
    String name, int type, byte[] value, List<String> docs, Deprecation deprecation) {}
