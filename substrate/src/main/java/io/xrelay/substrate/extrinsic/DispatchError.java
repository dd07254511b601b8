package io.xrelay.substrate.extrinsic;

import io.xrelay.substrate.metadata.PalletMetadata;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.metadata.TypeDef;
import io.xrelay.substrate.metadata.Variant;
import io.xrelay.substrate.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * Why a dispatch failed, readable: {@code Balances.InsufficientBalance} for a pallet's error (with
 * its docs), or the kind and detail of the runtime's own errors ({@code Token.FundsUnavailable},
 * {@code BadOrigin}).
 */
public record DispatchError(String kind, String name, List<String> docs) {

  /** Reads a decoded {@code sp_runtime::DispatchError} with the metadata of the failing block. */
  public static DispatchError from(final RuntimeMetadata metadata, final Value value) {
    if (!(value instanceof Value.Variant error)) {
      return new DispatchError("Unknown", String.valueOf(value), List.of());
    }
    if (error.name().equals("Module") && error.fields().size() == 1) {
      return moduleError(metadata, Value.unwrapNewtypes(error.fields().get(0)));
    }
    if (error.fields().size() == 1 && error.fields().get(0) instanceof Value.Variant detail) {
      return new DispatchError(error.name(), detail.name(), List.of());
    }
    return new DispatchError(error.name(), "", List.of());
  }

  private static DispatchError moduleError(
      final RuntimeMetadata metadata, final Value moduleError) {
    if (!(moduleError instanceof Value.Composite fields)) {
      return new DispatchError("Module", "?", List.of());
    }
    final int palletIndex = ((Value.Int) fields.require("index")).value().intValue();
    final Value error = fields.require("error");
    final int errorIndex =
        error instanceof Value.Bytes bytes
            ? bytes.bytes()[0] & 0xff
            : ((Value.Int) error).value().intValue();
    final Optional<PalletMetadata> pallet = metadata.palletByIndex(palletIndex);
    if (pallet.isEmpty() || !pallet.get().hasErrors()) {
      return new DispatchError(
          "Module", "pallet " + palletIndex + " error " + errorIndex, List.of());
    }
    if (metadata.types().get(pallet.get().errorType()).def() instanceof TypeDef.Variant variants) {
      final Variant variant = variants.byIndex(errorIndex);
      if (variant != null) {
        return new DispatchError(pallet.get().name(), variant.name(), variant.docs());
      }
    }
    return new DispatchError(pallet.get().name(), "error " + errorIndex, List.of());
  }

  /** {@code Balances.InsufficientBalance}, {@code Token.FundsUnavailable}, {@code BadOrigin}. */
  public String describe() {
    return name.isEmpty() ? kind : kind + "." + name;
  }

  @Override
  public String toString() {
    return describe();
  }
}
