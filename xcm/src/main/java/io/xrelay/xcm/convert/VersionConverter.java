package io.xrelay.xcm.convert;

import io.xrelay.scale.ScaleWriter;
import io.xrelay.xcm.VersionedAssetId;
import io.xrelay.xcm.VersionedAssets;
import io.xrelay.xcm.VersionedLocation;
import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.XcmConversionException;
import io.xrelay.xcm.XcmVersion;
import io.xrelay.xcm.codec.XcmWriter;

/**
 * Converts between V3, V4 and V5 where nothing is lost, and fails with {@link
 * XcmConversionException} where something would be.
 *
 * <p>V3, V4 and V5 share one model, so a conversion keeps the value and checks that the target
 * version can express all of it, by writing it in that version (the writer is the single place that
 * knows each version's limits). What fails: the V5-only instructions ({@code PayFees}, {@code
 * InitiateTransfer}, {@code ExecuteWithOrigin}, {@code SetHints}) and the error {@code
 * TooManyAssets} below V5; a V5 {@code Transact} without {@code fallback_max_weight} below V5 (the
 * runtime would weigh the decoded call, which needs the destination's metadata); abstract asset ids
 * above V3; the test networks {@code Westend}, {@code Rococo} and {@code Wococo} in V5 (RFC 108
 * replaced them with {@code ByGenesis}; we do not guess a genesis hash). A V4 {@code Transact}
 * weight becomes the V5 {@code fallback_max_weight}. V2 is read-only: neither source nor target.
 */
public final class VersionConverter {
  private VersionConverter() {}

  public static VersionedXcm convert(final VersionedXcm message, final XcmVersion target) {
    if (!(message instanceof VersionedXcm.Current current)) {
      throw new XcmConversionException(target, "a V2 message (V2 is read-only)");
    }
    requireTarget(target);
    if (current.version() == target) {
      return current;
    }
    new XcmWriter(new ScaleWriter(256), target).writeXcm(current.message());
    return VersionedXcm.of(target, current.message());
  }

  public static VersionedLocation convert(
      final VersionedLocation location, final XcmVersion target) {
    if (!(location instanceof VersionedLocation.Current current)) {
      throw new XcmConversionException(target, "a V2 location (V2 is read-only)");
    }
    requireTarget(target);
    new XcmWriter(new ScaleWriter(64), target).writeLocation(current.location());
    return VersionedLocation.of(target, current.location());
  }

  public static VersionedAssets convert(final VersionedAssets assets, final XcmVersion target) {
    if (!(assets instanceof VersionedAssets.Current current)) {
      throw new XcmConversionException(target, "V2 assets (V2 is read-only)");
    }
    requireTarget(target);
    new XcmWriter(new ScaleWriter(128), target).writeAssets(current.assets());
    return VersionedAssets.of(target, current.assets());
  }

  public static VersionedAssetId convert(final VersionedAssetId id, final XcmVersion target) {
    requireTarget(target);
    new XcmWriter(new ScaleWriter(64), target).writeAssetId(id.id());
    return new VersionedAssetId(target, id.id());
  }

  private static void requireTarget(final XcmVersion target) {
    if (target.isLegacy()) {
      throw new XcmConversionException(target, "anything: V2 is read-only");
    }
  }
}
