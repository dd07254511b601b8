package io.xrelay.xcm.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.scale.ScaleReader;
import io.xrelay.xcm.TestFixtures;
import io.xrelay.xcm.VersionedAssetId;
import io.xrelay.xcm.VersionedAssets;
import io.xrelay.xcm.VersionedLocation;
import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.XcmVersion;
import io.xrelay.xcm.model.AssetFilter;
import io.xrelay.xcm.model.AssetId;
import io.xrelay.xcm.model.AssetInstance;
import io.xrelay.xcm.model.AssetTransferFilter;
import io.xrelay.xcm.model.BodyId;
import io.xrelay.xcm.model.BodyPart;
import io.xrelay.xcm.model.Fungibility;
import io.xrelay.xcm.model.Hint;
import io.xrelay.xcm.model.Instruction;
import io.xrelay.xcm.model.Junction;
import io.xrelay.xcm.model.Junctions;
import io.xrelay.xcm.model.MaybeErrorCode;
import io.xrelay.xcm.model.NetworkId;
import io.xrelay.xcm.model.OriginKind;
import io.xrelay.xcm.model.Outcome;
import io.xrelay.xcm.model.Response;
import io.xrelay.xcm.model.SendError;
import io.xrelay.xcm.model.WeightLimit;
import io.xrelay.xcm.model.WildAsset;
import io.xrelay.xcm.model.WildFungibility;
import io.xrelay.xcm.model.XcmError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Walks every XCM type of a real runtime's type registry and checks the codec against it: each
 * variant the runtime defines decodes under the same name from a probe built from the registry's
 * field shapes (consuming exactly its bytes), and each index the runtime does not define is
 * refused. Until the metadata decoder lands, the registries come from the decoded JSON of
 * polkadot-js (Polkadot and Asset Hub Polkadot, spec 2000000).
 */
class MetadataLayoutTest {
  /** XCM types of the registries that the codec deliberately does not model (with why). */
  static final Set<String> NOT_MODELLED =
      Set.of(
          // Versioned wrappers outside the scope; their contents are modelled.
          "xcm::VersionedResponse",
          "xcm::VersionedAsset",
          // pallet-xcm's call argument, for the transfer builders.
          "staging_xcm_executor::traits::asset_transfer::TransferType",
          // A byte vector inside Transact, probed through Transact itself.
          "xcm::double_encoded::DoubleEncoded");

  /** A decoder for one registry path; {@code legacyIndices} are V2 variants we still read. */
  record Target(Function<ScaleReader, Object> read, Set<Integer> legacyIndices) {}

  static final Map<String, Target> TARGETS = targets();

  private static Map<String, Target> targets() {
    final Map<String, Target> map = new HashMap<>();
    for (final XcmVersion version : List.of(XcmVersion.V3, XcmVersion.V4, XcmVersion.V5)) {
      final String v =
          version == XcmVersion.V3 ? "xcm::v3::" : "staging_xcm::v" + version.number() + "::";
      final String asset = version == XcmVersion.V3 ? "xcm::v3::multiasset::" : v + "asset::";
      add(
          map,
          version,
          version == XcmVersion.V3
              ? "staging_xcm::v3::multilocation::MultiLocation"
              : v + "location::Location",
          XcmReader::readLocation);
      add(map, version, v + "junctions::Junctions", XcmReader::readJunctions);
      add(map, version, v + "junction::Junction", XcmReader::readJunction);
      add(map, version, v + "junction::NetworkId", XcmReader::readNetworkId);
      add(map, version, v + "Instruction", XcmReader::readInstruction);
      add(map, version, v + "Xcm", XcmReader::readXcm);
      add(map, version, v + "Response", XcmReader::readResponse);
      add(map, version, v + "PalletInfo", XcmReader::readPalletInfo);
      add(map, version, v + "QueryResponseInfo", XcmReader::readQueryResponseInfo);
      add(
          map,
          version,
          asset + (version == XcmVersion.V3 ? "MultiAssets" : "Assets"),
          XcmReader::readAssets);
      add(
          map,
          version,
          asset + (version == XcmVersion.V3 ? "MultiAsset" : "Asset"),
          XcmReader::readAsset);
      add(map, version, asset + "AssetId", XcmReader::readAssetId);
      add(map, version, asset + "Fungibility", XcmReader::readFungibility);
      add(map, version, asset + "AssetInstance", XcmReader::readAssetInstance);
      add(
          map,
          version,
          asset + (version == XcmVersion.V3 ? "MultiAssetFilter" : "AssetFilter"),
          XcmReader::readAssetFilter);
      add(
          map,
          version,
          asset + (version == XcmVersion.V3 ? "WildMultiAsset" : "WildAsset"),
          XcmReader::readWildAsset);
      add(map, version, asset + "WildFungibility", XcmReader::readWildFungibility);
    }
    add(map, XcmVersion.V3, "xcm::v3::junction::BodyId", XcmReader::readBodyId);
    add(map, XcmVersion.V3, "xcm::v3::junction::BodyPart", XcmReader::readBodyPart);
    add(map, XcmVersion.V3, "xcm::v3::MaybeErrorCode", XcmReader::readMaybeErrorCode);
    add(map, XcmVersion.V3, "xcm::v3::OriginKind", XcmReader::readOriginKind);
    add(map, XcmVersion.V3, "xcm::v3::WeightLimit", XcmReader::readWeightLimit);
    add(map, XcmVersion.V3, "xcm::v3::traits::Error", XcmReader::readError);
    add(map, XcmVersion.V3, "xcm::v3::traits::SendError", XcmReader::readSendError);
    add(map, XcmVersion.V5, "xcm::v5::traits::Error", XcmReader::readError);
    add(map, XcmVersion.V5, "staging_xcm::v5::traits::Outcome", XcmReader::readOutcome);
    add(
        map,
        XcmVersion.V5,
        "staging_xcm::v5::traits::InstructionError",
        XcmReader::readInstructionError);
    add(
        map,
        XcmVersion.V5,
        "staging_xcm::v5::asset::AssetTransferFilter",
        XcmReader::readAssetTransferFilter);
    add(map, XcmVersion.V5, "staging_xcm::v5::Hint", XcmReader::readHint);
    map.put("xcm::VersionedXcm", new Target(XcmCodec::readVersionedXcm, Set.of(2)));
    map.put("xcm::VersionedLocation", new Target(XcmCodec::readVersionedLocation, Set.of(1)));
    map.put("xcm::VersionedAssets", new Target(XcmCodec::readVersionedAssets, Set.of(1)));
    map.put("xcm::VersionedAssetId", new Target(XcmCodec::readVersionedAssetId, Set.of()));
    return map;
  }

  private static void add(
      final Map<String, Target> map,
      final XcmVersion version,
      final String path,
      final Function<XcmReader, Object> read) {
    map.put(path, new Target(in -> read.apply(new XcmReader(in, version)), Set.of()));
  }

  static boolean isXcmPath(final String path) {
    return path.startsWith("xcm::") || path.startsWith("staging_xcm");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "metadata/asset-hub-polkadot-spec2000000-portable-types.json",
        "metadata/polkadot-spec2000000-portable-types.json"
      })
  void shouldAgreeWithTheRuntimeOnEveryVariantIndexAndFieldShape(final String registryFile) {
    final PortableTypes types = PortableTypes.load(TestFixtures.path(registryFile));
    final ProbeEncoder probe = new ProbeEncoder(types);
    final List<String> problems = new ArrayList<>();
    final Set<String> unmapped = new TreeSet<>();
    int variantsChecked = 0;

    for (final int id : types.ids()) {
      final String path = types.path(id);
      if (!isXcmPath(path)) {
        continue;
      }
      final Target target = TARGETS.get(path);
      if (target == null) {
        unmapped.add(path);
        continue;
      }
      if (!types.kind(id).equals("variant")) {
        check(path, probe.value(id), null, target, problems);
        continue;
      }
      final Set<Integer> defined = new TreeSet<>();
      for (final PortableTypes.Variant variant : types.variants(id)) {
        defined.add(variant.index());
        check(
            path + "::" + variant.name(),
            probe.variant(id, variant.index()),
            variant.name(),
            target,
            problems);
        variantsChecked++;
      }
      for (int index = 0; index < 256; index++) {
        if (!defined.contains(index) && !target.legacyIndices().contains(index)) {
          final byte[] undefined = new byte[64];
          undefined[0] = (byte) index;
          try {
            target.read().apply(ScaleReader.of(undefined));
            problems.add(path + ": accepted variant " + index + " the runtime does not define");
          } catch (ScaleDecodeException expected) {
            // the runtime would refuse it too
          }
        }
      }
    }

    assertThat(problems).isEmpty();
    assertThat(unmapped).isSubsetOf(NOT_MODELLED);
    assertThat(variantsChecked).isGreaterThan(400);
  }

  private static void check(
      final String what,
      final byte[] bytes,
      final String expectedName,
      final Target target,
      final List<String> problems) {
    final ScaleReader in = ScaleReader.of(bytes);
    try {
      final Object decoded = target.read().apply(in);
      if (in.remaining() != 0) {
        problems.add(what + ": " + in.remaining() + " bytes left of " + Hex.encode(bytes));
      }
      if (expectedName != null && !expectedName.equals(variantName(decoded))) {
        problems.add(what + ": decoded as " + variantName(decoded));
      }
    } catch (ScaleDecodeException | IllegalArgumentException e) {
      problems.add(what + ": " + e.getMessage() + " in " + Hex.encode(bytes));
    }
  }

  static String variantName(final Object value) {
    if (value instanceof Instruction v) {
      return v.variantName();
    }
    if (value instanceof Junctions v) {
      return v.variantName();
    }
    if (value instanceof Junction v) {
      return v.variantName();
    }
    if (value instanceof NetworkId v) {
      return v.variantName();
    }
    if (value instanceof BodyId v) {
      return v.variantName();
    }
    if (value instanceof BodyPart v) {
      return v.variantName();
    }
    if (value instanceof AssetId v) {
      return v.variantName();
    }
    if (value instanceof Fungibility v) {
      return v.variantName();
    }
    if (value instanceof AssetInstance v) {
      return v.variantName();
    }
    if (value instanceof AssetFilter v) {
      return v.variantName();
    }
    if (value instanceof WildAsset v) {
      return v.variantName();
    }
    if (value instanceof WildFungibility v) {
      return v.variantName();
    }
    if (value instanceof AssetTransferFilter v) {
      return v.kind().variantName();
    }
    if (value instanceof Response v) {
      return v.variantName();
    }
    if (value instanceof MaybeErrorCode v) {
      return v.variantName();
    }
    if (value instanceof OriginKind v) {
      return v.variantName();
    }
    if (value instanceof WeightLimit v) {
      return v.variantName();
    }
    if (value instanceof Hint v) {
      return v.variantName();
    }
    if (value instanceof XcmError v) {
      return v.kind().variantName();
    }
    if (value instanceof SendError v) {
      return v.variantName();
    }
    if (value instanceof Outcome v) {
      return v.variantName();
    }
    if (value instanceof VersionedXcm v) {
      return v.version().name();
    }
    if (value instanceof VersionedLocation v) {
      return v.version().name();
    }
    if (value instanceof VersionedAssets v) {
      return v.version().name();
    }
    if (value instanceof VersionedAssetId v) {
      return v.version().name();
    }
    return "<" + value.getClass().getSimpleName() + " has no variant name>";
  }
}
