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
import io.xrelay.xcm.v2.V2Asset;
import io.xrelay.xcm.v2.V2AssetFilter;
import io.xrelay.xcm.v2.V2BodyId;
import io.xrelay.xcm.v2.V2Instruction;
import io.xrelay.xcm.v2.V2Junction;
import io.xrelay.xcm.v2.V2NetworkId;
import io.xrelay.xcm.v2.V2Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Walks every XCM type of a real runtime's type registry and checks the codec against it: each
 * variant the runtime defines decodes under the same name from a probe built from the registry's
 * field shapes (consuming exactly its bytes), and each index the runtime does not define is
 * refused. The registries come from the V15 metadata of Polkadot, Kusama and Asset Hub Polkadot,
 * Ocelloids' metadata of other chains (V14 to V16, older runtimes included), and, as a cross-check
 * of the metadata decoder, polkadot-js's decoded registries of Polkadot and Asset Hub Polkadot.
 */
class MetadataLayoutTest {
  /** XCM types of the registries that the codec deliberately does not model (with why). */
  static final Set<String> NOT_MODELLED =
      Set.of(
          // Versioned wrappers outside the scope; their contents are modelled.
          "xcm::VersionedResponse",
          "xcm::VersionedAsset",
          "xcm::VersionedInteriorLocation",
          // pallet-xcm's call argument, for the transfer builders.
          "staging_xcm_executor::traits::asset_transfer::TransferType",
          // A byte vector inside Transact, probed through Transact itself.
          "xcm::double_encoded::DoubleEncoded");

  /**
   * A decoder for one registry path; {@code unionIndices} are the versions a {@code Versioned*}
   * wrapper reads even when a given runtime no longer (V2) or not yet (V5) defines them.
   */
  record Target(Function<ScaleReader, Object> read, Set<Integer> unionIndices) {}

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
    map.put("xcm::VersionedXcm", new Target(XcmCodec::readVersionedXcm, Set.of(2, 3, 4, 5)));
    map.put(
        "xcm::VersionedLocation", new Target(XcmCodec::readVersionedLocation, Set.of(1, 3, 4, 5)));
    map.put("xcm::VersionedAssets", new Target(XcmCodec::readVersionedAssets, Set.of(1, 3, 4, 5)));
    map.put("xcm::VersionedAssetId", new Target(XcmCodec::readVersionedAssetId, Set.of(3, 4, 5)));
    // The names of VersionedLocation and VersionedAssets before XCM v4.
    map.put(
        "xcm::VersionedMultiLocation",
        new Target(XcmCodec::readVersionedLocation, Set.of(1, 3, 4, 5)));
    map.put(
        "xcm::VersionedMultiAssets", new Target(XcmCodec::readVersionedAssets, Set.of(1, 3, 4, 5)));
    // Older runtimes' outcomes: the bare error, without the failing instruction's index.
    map.put(
        "xcm::v3::traits::Outcome",
        new Target(in -> new XcmReader(in, XcmVersion.V3).readOutcome(false), Set.of()));
    map.put(
        "staging_xcm::v4::traits::Outcome",
        new Target(in -> new XcmReader(in, XcmVersion.V4).readOutcome(false), Set.of()));
    addV2(map, "xcm::v2::Xcm", V2Reader::readXcm);
    addV2(map, "xcm::v2::Instruction", V2Reader::readInstruction);
    addV2(map, "xcm::v2::multilocation::MultiLocation", V2Reader::readLocation);
    addV2(map, "xcm::v2::multilocation::Junctions", V2Reader::readJunctions);
    addV2(map, "xcm::v2::junction::Junction", V2Reader::readJunction);
    addV2(map, "xcm::v2::NetworkId", V2Reader::readNetworkId);
    addV2(map, "xcm::v2::BodyId", V2Reader::readBodyId);
    addV2(map, "xcm::v2::BodyPart", V2Reader::readBodyPart);
    addV2(map, "xcm::v2::multiasset::MultiAssets", V2Reader::readAssets);
    addV2(map, "xcm::v2::multiasset::MultiAsset", V2Reader::readAsset);
    addV2(map, "xcm::v2::multiasset::AssetId", V2Reader::readAssetId);
    addV2(map, "xcm::v2::multiasset::Fungibility", V2Reader::readFungibility);
    addV2(map, "xcm::v2::multiasset::AssetInstance", V2Reader::readAssetInstance);
    addV2(map, "xcm::v2::multiasset::MultiAssetFilter", V2Reader::readAssetFilter);
    // The model folds WildMultiAsset into the filter, so name the wildcard itself here.
    addV2(
        map,
        "xcm::v2::multiasset::WildMultiAsset",
        r -> r.readWildAsset() instanceof V2AssetFilter.WildAll ? "All" : "AllOf");
    addV2(map, "xcm::v2::multiasset::WildFungibility", V2Reader::readWildFungibility);
    addV2(map, "xcm::v2::WeightLimit", V2Reader::readWeightLimit);
    addV2(map, "xcm::v2::OriginKind", V2Reader::readOriginKind);
    addV2(map, "xcm::v2::Response", V2Reader::readResponse);
    addV2(map, "xcm::v2::traits::Error", V2Reader::readError);
    return map;
  }

  private static void add(
      final Map<String, Target> map,
      final XcmVersion version,
      final String path,
      final Function<XcmReader, Object> read) {
    map.put(path, new Target(in -> read.apply(new XcmReader(in, version)), Set.of()));
  }

  private static void addV2(
      final Map<String, Target> map, final String path, final Function<V2Reader, Object> read) {
    map.put(path, new Target(in -> read.apply(new V2Reader(in)), Set.of()));
  }

  /**
   * Registries of current runtimes: there the codec must refuse every index the runtime does not
   * define. Older runtimes only have to decode as the codec does (it also knows later additions).
   */
  static final Set<String> CURRENT =
      Set.of(
          "metadata/polkadot-v15-spec2000000.scale",
          "metadata/kusama-v15-spec1009002.scale",
          "metadata/asset-hub-polkadot-v15-spec2000000.scale",
          "metadata/asset-hub-polkadot-spec2000000-portable-types.json",
          "metadata/polkadot-spec2000000-portable-types.json");

  static boolean isXcmPath(final String path) {
    return path.startsWith("xcm::") || path.startsWith("staging_xcm");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "metadata/polkadot-v15-spec2000000.scale",
        "metadata/kusama-v15-spec1009002.scale",
        "metadata/asset-hub-polkadot-v15-spec2000000.scale",
        "metadata/ocelloids/assethub_2000007.scale",
        "metadata/ocelloids/bridgehub-polkadot.scale",
        "metadata/ocelloids/moonbeam.scale",
        "metadata/ocelloids/hydra.scale",
        "metadata/ocelloids/polkadot.xcmv2.scale",
        "metadata/kusama-local-v14-spec1000000.scale",
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
      final Target target =
          path.equals("staging_xcm::v5::traits::Outcome")
              ? outcomeTarget(types, id)
              : TARGETS.get(path);
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
      for (int index = 0; index < 256 && CURRENT.contains(registryFile); index++) {
        if (!defined.contains(index) && !target.unionIndices().contains(index)) {
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
    assertThat(variantsChecked).isGreaterThan(300);
  }

  /** The V5 outcome of current runtimes wraps the error in InstructionError; the first did not. */
  private static Target outcomeTarget(final PortableTypes types, final int outcomeId) {
    final boolean withIndex =
        types.variants(outcomeId).stream()
            .flatMap(v -> v.fieldTypes().stream())
            .anyMatch(t -> types.path(t).endsWith("InstructionError"));
    return new Target(in -> new XcmReader(in, XcmVersion.V5).readOutcome(withIndex), Set.of());
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
    if (value instanceof V2Instruction v) {
      return v.variantName();
    }
    if (value instanceof V2Junction v) {
      return v.variantName();
    }
    if (value instanceof V2NetworkId v) {
      return v.variantName();
    }
    if (value instanceof V2BodyId v) {
      return v.variantName();
    }
    if (value instanceof V2Asset.Id v) {
      return v.variantName();
    }
    if (value instanceof V2Asset.Fun v) {
      return v.variantName();
    }
    if (value instanceof V2Asset.Instance v) {
      return v.variantName();
    }
    if (value instanceof String name) {
      return name;
    }
    if (value instanceof V2AssetFilter v) {
      return v.variantName();
    }
    if (value instanceof V2Response v) {
      return v.variantName();
    }
    if (value instanceof V2Response.V2Error v) {
      return v.variantName();
    }
    if (value instanceof OptionalLong v) {
      return v.isPresent() ? "Limited" : "Unlimited";
    }
    if (value instanceof List<?> v && (v.isEmpty() || v.get(0) instanceof V2Junction)) {
      return v.isEmpty() ? "Here" : "X" + v.size();
    }
    return "<" + value.getClass().getSimpleName() + " has no variant name>";
  }
}
