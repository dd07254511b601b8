package io.xrelay.relayer.xcm;

import io.xrelay.substrate.metadata.Field;
import io.xrelay.substrate.metadata.PalletMetadata;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.metadata.TypeDef;
import io.xrelay.substrate.metadata.TypeRegistry;
import io.xrelay.substrate.metadata.Variant;
import io.xrelay.xcm.XcmVersion;
import io.xrelay.xcm.builder.PalletXcmCalls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads where pallet-xcm sits in a runtime, and the shape of its calls, from that runtime's
 * metadata: the pallet whose call enum is {@code pallet_xcm::pallet::Call}, whatever it is named
 * ({@code XcmPallet} on relay chains, {@code PolkadotXcm} on parachains).
 */
public final class PalletXcmMetadata {
  static final String CALL_PATH = "pallet_xcm::pallet::Call";

  private PalletXcmMetadata() {}

  public static PalletXcmCalls read(final RuntimeMetadata metadata) {
    final TypeRegistry types = metadata.types();
    for (final PalletMetadata pallet : metadata.pallets()) {
      if (pallet.hasCalls() && types.get(pallet.callType()).pathName().equals(CALL_PATH)) {
        final Map<String, PalletXcmCalls.Call> calls = new HashMap<>();
        final TypeDef.Variant callEnum = (TypeDef.Variant) types.get(pallet.callType()).def();
        for (final Variant call : callEnum.variants()) {
          final List<PalletXcmCalls.Argument> arguments = new ArrayList<>();
          for (final Field field : call.fields()) {
            arguments.add(
                new PalletXcmCalls.Argument(field.name(), types.get(field.type()).pathName()));
          }
          calls.put(call.name(), new PalletXcmCalls.Call(call.index(), arguments));
        }
        return new PalletXcmCalls(pallet.name(), pallet.index(), calls);
      }
    }
    throw new IllegalArgumentException("this runtime has no pallet-xcm (" + CALL_PATH + ")");
  }

  /**
   * The highest XCM version this runtime's pallet-xcm takes that the builders write (V3 and up):
   * the last variant of the type of {@code limited_teleport_assets}' {@code dest} argument ({@code
   * VersionedLocation} or, before V4, {@code VersionedMultiLocation}).
   */
  public static XcmVersion highestXcmVersion(final RuntimeMetadata metadata) {
    final TypeRegistry types = metadata.types();
    for (final PalletMetadata pallet : metadata.pallets()) {
      if (pallet.hasCalls() && types.get(pallet.callType()).pathName().equals(CALL_PATH)) {
        final TypeDef.Variant callEnum = (TypeDef.Variant) types.get(pallet.callType()).def();
        for (final Variant call : callEnum.variants()) {
          if (!call.fields().isEmpty() && "dest".equals(call.fields().get(0).name())) {
            XcmVersion highest = null;
            final TypeDef destType = types.get(call.fields().get(0).type()).def();
            if (destType instanceof TypeDef.Variant versions) {
              for (final Variant version : versions.variants()) {
                final XcmVersion parsed = XcmVersion.parse(version.name());
                if (parsed != null
                    && !parsed.isLegacy()
                    && (highest == null || parsed.number() > highest.number())) {
                  highest = parsed;
                }
              }
            }
            if (highest != null) {
              return highest;
            }
          }
        }
      }
    }
    throw new IllegalArgumentException(
        "this runtime's pallet-xcm takes no XCM version the builders write (V3 or later)");
  }
}
