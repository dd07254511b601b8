package io.xrelay.substrate.metadata;

import io.xrelay.testing.SharedFixtures;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The real metadata files in shared/fixtures/metadata, decoded once per test run. */
final class MetadataFixtures {
  static final String KUSAMA_LOCAL_V14 = "metadata/kusama-local-v14-spec1000000.scale";
  static final String POLKADOT_V15 = "metadata/polkadot-v15-spec2000000.scale";
  static final String KUSAMA_V15 = "metadata/kusama-v15-spec1009002.scale";
  static final String ASSET_HUB_POLKADOT_V15 = "metadata/asset-hub-polkadot-v15-spec2000000.scale";
  static final String OCELLOIDS_POLKADOT_V15 = "metadata/ocelloids/polkadot.xcmv2.scale";
  static final String HYDRA_V15 = "metadata/ocelloids/hydra.scale";
  static final String MOONBEAM_V15 = "metadata/ocelloids/moonbeam.scale";
  static final String ASSET_HUB_V16 = "metadata/ocelloids/assethub_2000007.scale";
  static final String BRIDGE_HUB_V16 = "metadata/ocelloids/bridgehub-polkadot.scale";

  /** Every real metadata file with its version. */
  static final Map<String, Integer> ALL =
      Map.of(
          KUSAMA_LOCAL_V14, 14,
          POLKADOT_V15, 15,
          KUSAMA_V15, 15,
          ASSET_HUB_POLKADOT_V15, 15,
          OCELLOIDS_POLKADOT_V15, 15,
          HYDRA_V15, 15,
          MOONBEAM_V15, 15,
          ASSET_HUB_V16, 16,
          BRIDGE_HUB_V16, 16);

  static final List<String> FILES = ALL.keySet().stream().sorted().toList();

  private static final Map<String, RuntimeMetadata> DECODED = new ConcurrentHashMap<>();

  private MetadataFixtures() {}

  static byte[] bytes(final String file) {
    return SharedFixtures.read(file);
  }

  static RuntimeMetadata metadata(final String file) {
    return DECODED.computeIfAbsent(file, f -> MetadataDecoder.decode(bytes(f)));
  }
}
