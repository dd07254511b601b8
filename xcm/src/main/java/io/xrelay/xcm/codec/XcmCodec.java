package io.xrelay.xcm.codec;

import io.xrelay.scale.ScaleReader;
import io.xrelay.scale.ScaleWriter;
import io.xrelay.xcm.VersionedAssetId;
import io.xrelay.xcm.VersionedAssets;
import io.xrelay.xcm.VersionedLocation;
import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.XcmVersion;
import io.xrelay.xcm.model.Outcome;
import io.xrelay.xcm.model.Xcm;

/**
 * Entry points of the codec. The {@code decode*} methods take a whole input and fail on trailing
 * bytes; the {@code read*} methods take one value from a reader positioned inside a larger input.
 * Every malformed input raises {@link io.xrelay.scale.ScaleDecodeException} naming the byte offset,
 * the type, and the path of enclosing instructions.
 */
public final class XcmCodec {
  /** The legacy {@code V2} index of {@code VersionedLocation} and {@code VersionedAssets}. */
  private static final int LEGACY_V2_LOCATION_INDEX = 1;

  private XcmCodec() {}

  // ---- VersionedXcm ----

  public static VersionedXcm decodeVersionedXcm(final byte[] bytes) {
    final ScaleReader in = ScaleReader.of(bytes);
    final VersionedXcm message = readVersionedXcm(in);
    in.requireEnd("VersionedXcm");
    return message;
  }

  public static VersionedXcm readVersionedXcm(final ScaleReader in) {
    final int at = in.position();
    final int index = in.readVariantIndex("VersionedXcm");
    final XcmVersion version = XcmVersion.byNumber(index);
    if (version == null) {
      throw in.errorAt(at, "VersionedXcm", "unknown XCM version " + index);
    }
    if (version.isLegacy()) {
      return new VersionedXcm.V2(new V2Reader(in).readXcm());
    }
    return new VersionedXcm.Current(version, new XcmReader(in, version).readXcm());
  }

  /**
   * Encodes a V3, V4 or V5 message; a V2 message is re-encoded exactly as decoded.
   *
   * @throws io.xrelay.xcm.XcmEncodeException when the runtimes would refuse the result
   */
  public static byte[] encode(final VersionedXcm message) {
    final ScaleWriter out = new ScaleWriter(256);
    write(out, message);
    return out.toByteArray();
  }

  public static void write(final ScaleWriter out, final VersionedXcm message) {
    out.writeVariantIndex(message.version().number());
    if (message instanceof VersionedXcm.V2 legacy) {
      new V2Writer(out).writeXcm(legacy.message());
    } else {
      final VersionedXcm.Current current = (VersionedXcm.Current) message;
      new XcmWriter(out, current.version()).writeXcm(current.message());
    }
  }

  /**
   * A bare program of {@code version} (no version byte), e.g. the message of a {@code Sent} event.
   */
  public static Xcm decodeXcm(final XcmVersion version, final byte[] bytes) {
    final ScaleReader in = ScaleReader.of(bytes);
    final Xcm xcm = new XcmReader(in, version).readXcm();
    in.requireEnd("Xcm");
    return xcm;
  }

  public static byte[] encodeXcm(final XcmVersion version, final Xcm xcm) {
    final ScaleWriter out = new ScaleWriter(256);
    new XcmWriter(out, version).writeXcm(xcm);
    return out.toByteArray();
  }

  // ---- VersionedLocation ----

  public static VersionedLocation decodeVersionedLocation(final byte[] bytes) {
    final ScaleReader in = ScaleReader.of(bytes);
    final VersionedLocation location = readVersionedLocation(in);
    in.requireEnd("VersionedLocation");
    return location;
  }

  public static VersionedLocation readVersionedLocation(final ScaleReader in) {
    final int at = in.position();
    final int index = in.readVariantIndex("VersionedLocation");
    if (index == LEGACY_V2_LOCATION_INDEX) {
      return new VersionedLocation.V2(new V2Reader(in).readLocation());
    }
    final XcmVersion version = currentVersion(in, at, index, "VersionedLocation");
    return new VersionedLocation.Current(version, new XcmReader(in, version).readLocation());
  }

  public static byte[] encode(final VersionedLocation location) {
    final ScaleWriter out = new ScaleWriter(64);
    write(out, location);
    return out.toByteArray();
  }

  public static void write(final ScaleWriter out, final VersionedLocation location) {
    if (location instanceof VersionedLocation.V2 legacy) {
      out.writeVariantIndex(LEGACY_V2_LOCATION_INDEX);
      new V2Writer(out).writeLocation(legacy.location());
    } else {
      final VersionedLocation.Current current = (VersionedLocation.Current) location;
      out.writeVariantIndex(current.version().number());
      new XcmWriter(out, current.version()).writeLocation(current.location());
    }
  }

  // ---- VersionedAssets ----

  public static VersionedAssets decodeVersionedAssets(final byte[] bytes) {
    final ScaleReader in = ScaleReader.of(bytes);
    final VersionedAssets assets = readVersionedAssets(in);
    in.requireEnd("VersionedAssets");
    return assets;
  }

  public static VersionedAssets readVersionedAssets(final ScaleReader in) {
    final int at = in.position();
    final int index = in.readVariantIndex("VersionedAssets");
    if (index == LEGACY_V2_LOCATION_INDEX) {
      return new VersionedAssets.V2(new V2Reader(in).readAssets());
    }
    final XcmVersion version = currentVersion(in, at, index, "VersionedAssets");
    return new VersionedAssets.Current(version, new XcmReader(in, version).readAssets());
  }

  public static byte[] encode(final VersionedAssets assets) {
    final ScaleWriter out = new ScaleWriter(128);
    write(out, assets);
    return out.toByteArray();
  }

  public static void write(final ScaleWriter out, final VersionedAssets assets) {
    if (assets instanceof VersionedAssets.V2 legacy) {
      out.writeVariantIndex(LEGACY_V2_LOCATION_INDEX);
      new V2Writer(out).writeAssets(legacy.assets());
    } else {
      final VersionedAssets.Current current = (VersionedAssets.Current) assets;
      out.writeVariantIndex(current.version().number());
      new XcmWriter(out, current.version()).writeAssets(current.assets());
    }
  }

  // ---- VersionedAssetId ----

  public static VersionedAssetId decodeVersionedAssetId(final byte[] bytes) {
    final ScaleReader in = ScaleReader.of(bytes);
    final VersionedAssetId id = readVersionedAssetId(in);
    in.requireEnd("VersionedAssetId");
    return id;
  }

  public static VersionedAssetId readVersionedAssetId(final ScaleReader in) {
    final int at = in.position();
    final XcmVersion version =
        currentVersion(in, at, in.readVariantIndex("VersionedAssetId"), "VersionedAssetId");
    return new VersionedAssetId(version, new XcmReader(in, version).readAssetId());
  }

  public static byte[] encode(final VersionedAssetId id) {
    final ScaleWriter out = new ScaleWriter(64);
    write(out, id);
    return out.toByteArray();
  }

  public static void write(final ScaleWriter out, final VersionedAssetId id) {
    out.writeVariantIndex(id.version().number());
    new XcmWriter(out, id.version()).writeAssetId(id.id());
  }

  // ---- outcomes ----

  /**
   * An {@code Outcome} in the layout of {@code version}: V5 is the layout of current runtimes (with
   * the failing instruction's index), V3/V4 the older one.
   */
  public static Outcome decodeOutcome(final XcmVersion version, final byte[] bytes) {
    return decodeOutcome(version, version == XcmVersion.V5, bytes);
  }

  /**
   * An {@code Outcome} with {@code version}'s error list, with or without the failing instruction's
   * index: the first V5 runtimes carried V5 errors without it. A runtime's metadata tells which
   * ({@code staging_xcm::v5::traits::InstructionError} present or not).
   */
  public static Outcome decodeOutcome(
      final XcmVersion version, final boolean withInstructionIndex, final byte[] bytes) {
    final ScaleReader in = ScaleReader.of(bytes);
    final Outcome outcome = new XcmReader(in, version).readOutcome(withInstructionIndex);
    in.requireEnd("Outcome");
    return outcome;
  }

  public static byte[] encode(final XcmVersion version, final Outcome outcome) {
    final ScaleWriter out = new ScaleWriter(32);
    new XcmWriter(out, version).writeOutcome(outcome);
    return out.toByteArray();
  }

  private static XcmVersion currentVersion(
      final ScaleReader in, final int at, final int index, final String typeName) {
    final XcmVersion version = XcmVersion.byNumber(index);
    if (version == null || version.isLegacy()) {
      throw in.errorAt(at, typeName, "unknown XCM version index " + index);
    }
    return version;
  }
}
