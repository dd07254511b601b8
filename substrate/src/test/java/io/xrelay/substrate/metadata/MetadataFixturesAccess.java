package io.xrelay.substrate.metadata;

import java.util.List;

/** Gives tests in other packages the decoded real metadata fixtures. */
public final class MetadataFixturesAccess {
  public static final String KUSAMA_LOCAL_V14 = MetadataFixtures.KUSAMA_LOCAL_V14;
  public static final String POLKADOT_V15 = MetadataFixtures.POLKADOT_V15;
  public static final String ASSET_HUB_POLKADOT_V15 = MetadataFixtures.ASSET_HUB_POLKADOT_V15;
  public static final String BRIDGE_HUB_V16 = MetadataFixtures.BRIDGE_HUB_V16;
  public static final List<String> FILES = MetadataFixtures.FILES;

  private MetadataFixturesAccess() {}

  public static RuntimeMetadata metadata(final String file) {
    return MetadataFixtures.metadata(file);
  }
}
