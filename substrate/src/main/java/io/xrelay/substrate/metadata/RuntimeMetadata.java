package io.xrelay.substrate.metadata;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decoded runtime metadata of version 14, 15 or 16, in one shape. {@code runtimeType} is -1 in V16
 * (which dropped it); {@code outerEnums} is null and {@code apis} and {@code custom} are empty in
 * V14.
 */
public record RuntimeMetadata(
    int version,
    TypeRegistry types,
    List<PalletMetadata> pallets,
    ExtrinsicMetadata extrinsic,
    int runtimeType,
    List<RuntimeApiMetadata> apis,
    OuterEnums outerEnums,
    Map<String, CustomValue> custom) {

  public Optional<PalletMetadata> pallet(final String name) {
    for (final PalletMetadata pallet : pallets) {
      if (pallet.name().equals(name)) {
        return Optional.of(pallet);
      }
    }
    return Optional.empty();
  }

  public Optional<PalletMetadata> palletByIndex(final int index) {
    for (final PalletMetadata pallet : pallets) {
      if (pallet.index() == index) {
        return Optional.of(pallet);
      }
    }
    return Optional.empty();
  }

  public Optional<RuntimeApiMetadata> api(final String name) {
    return apis.stream().filter(api -> api.name().equals(name)).findFirst();
  }

  public Optional<OuterEnums> outerEnumTypes() {
    return Optional.ofNullable(outerEnums);
  }
}
