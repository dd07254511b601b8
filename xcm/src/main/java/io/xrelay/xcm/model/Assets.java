package io.xrelay.xcm.model;

import java.util.Arrays;
import java.util.List;

/**
 * {@code Assets} (v4, v5) or {@code MultiAssets} (v3): at most {@value #MAX_ITEMS} assets, sorted
 * and without duplicates (the decoders of the runtimes reject anything else, and so does ours).
 */
public record Assets(List<Asset> items) {
  /** {@code MAX_ITEMS_IN_ASSETS} of polkadot-sdk, enforced on decode. */
  public static final int MAX_ITEMS = 20;

  public static final Assets EMPTY = new Assets(List.of());

  public Assets {
    items = List.copyOf(items);
  }

  public static Assets of(final Asset... assets) {
    return new Assets(Arrays.asList(assets));
  }

  public int size() {
    return items.size();
  }

  public Asset get(final int index) {
    return items.get(index);
  }
}
