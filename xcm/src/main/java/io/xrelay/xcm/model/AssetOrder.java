package io.xrelay.xcm.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The order the runtimes impose on {@link Assets}: Rust's derived {@code Ord} of the XCM types
 * (variant index first, then fields in order; integers by value, byte arrays unsigned
 * lexicographic), except that every fungible asset sorts before every non-fungible one.
 */
public final class AssetOrder {
  /** Orders assets as {@code Assets} must hold them. */
  public static final Comparator<Asset> ASSETS = AssetOrder::compareAsset;

  private AssetOrder() {}

  /**
   * The index of the first asset that breaks the runtime's rule ({@code
   * from_sorted_and_deduplicated}: each id strictly greater than the one before, or, where either
   * is non-fungible, the asset strictly greater), or {@code -1} when the list is in order.
   */
  public static int firstOutOfOrder(final List<Asset> assets) {
    for (int i = 1; i < assets.size(); i++) {
      final Asset a = assets.get(i - 1);
      final Asset b = assets.get(i);
      final boolean ordered =
          compareAssetId(a.id(), b.id()) < 0
              || (compareAsset(a, b) < 0 && (!a.isFungible() || !b.isFungible()));
      if (!ordered) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Sorts {@code assets} and merges duplicates (fungible amounts of one id are summed), as {@code
   * From<Vec<Asset>> for Assets} does, so builders can pass assets in any order.
   */
  public static Assets normalize(final List<Asset> assets) {
    final List<Asset> sorted = new ArrayList<>(assets);
    sorted.sort(ASSETS);
    final List<Asset> out = new ArrayList<>(sorted.size());
    for (final Asset asset : sorted) {
      if (!out.isEmpty()) {
        final Asset last = out.get(out.size() - 1);
        if (last.id().equals(asset.id())
            && last.fun() instanceof Fungibility.Fungible lastAmount
            && asset.fun() instanceof Fungibility.Fungible amount) {
          out.set(
              out.size() - 1,
              new Asset(
                  last.id(),
                  new Fungibility.Fungible(
                      lastAmount.amount().add(amount.amount()).min(Unsigned.U128_MAX))));
          continue;
        }
        if (last.equals(asset)) {
          continue;
        }
      }
      out.add(asset);
    }
    return new Assets(out);
  }

  static int compareAsset(final Asset a, final Asset b) {
    final boolean aFungible = a.isFungible();
    final boolean bFungible = b.isFungible();
    if (aFungible != bFungible) {
      return aFungible ? -1 : 1;
    }
    final int byId = compareAssetId(a.id(), b.id());
    return byId != 0 ? byId : compareFungibility(a.fun(), b.fun());
  }

  static int compareAssetId(final AssetId a, final AssetId b) {
    if (a.variantIndex() != b.variantIndex()) {
      return Integer.compare(a.variantIndex(), b.variantIndex());
    }
    if (a instanceof AssetId.Concrete ca) {
      return compareLocation(ca.location(), ((AssetId.Concrete) b).location());
    }
    return ((AssetId.Abstract) a).name().compareTo(((AssetId.Abstract) b).name());
  }

  static int compareFungibility(final Fungibility a, final Fungibility b) {
    if (a.variantIndex() != b.variantIndex()) {
      return Integer.compare(a.variantIndex(), b.variantIndex());
    }
    if (a instanceof Fungibility.Fungible fa) {
      return fa.amount().compareTo(((Fungibility.Fungible) b).amount());
    }
    final AssetInstance ia = ((Fungibility.NonFungible) a).instance();
    final AssetInstance ib = ((Fungibility.NonFungible) b).instance();
    if (ia.variantIndex() != ib.variantIndex()) {
      return Integer.compare(ia.variantIndex(), ib.variantIndex());
    }
    if (ia instanceof AssetInstance.Index xa) {
      return xa.value().compareTo(((AssetInstance.Index) ib).value());
    }
    if (ia instanceof AssetInstance.Array xa) {
      return xa.data().compareTo(((AssetInstance.Array) ib).data());
    }
    return 0;
  }

  static int compareLocation(final Location a, final Location b) {
    final int byParents = Integer.compare(a.parents(), b.parents());
    return byParents != 0 ? byParents : compareJunctions(a.interior(), b.interior());
  }

  /** {@code Junctions} is an enum: the number of junctions (its variant) decides first. */
  static int compareJunctions(final Junctions a, final Junctions b) {
    if (a.size() != b.size()) {
      return Integer.compare(a.size(), b.size());
    }
    for (int i = 0; i < a.size(); i++) {
      final int c = compareJunction(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  static int compareJunction(final Junction a, final Junction b) {
    if (a.variantIndex() != b.variantIndex()) {
      return Integer.compare(a.variantIndex(), b.variantIndex());
    }
    if (a instanceof Junction.Parachain pa) {
      return Long.compare(pa.id(), ((Junction.Parachain) b).id());
    }
    if (a instanceof Junction.AccountId32 xa) {
      final Junction.AccountId32 xb = (Junction.AccountId32) b;
      final int c = compareNetworkOption(xa.network(), xb.network());
      return c != 0 ? c : xa.id().compareTo(xb.id());
    }
    if (a instanceof Junction.AccountIndex64 xa) {
      final Junction.AccountIndex64 xb = (Junction.AccountIndex64) b;
      final int c = compareNetworkOption(xa.network(), xb.network());
      return c != 0 ? c : Long.compareUnsigned(xa.index(), xb.index());
    }
    if (a instanceof Junction.AccountKey20 xa) {
      final Junction.AccountKey20 xb = (Junction.AccountKey20) b;
      final int c = compareNetworkOption(xa.network(), xb.network());
      return c != 0 ? c : xa.key().compareTo(xb.key());
    }
    if (a instanceof Junction.PalletInstance xa) {
      return Integer.compare(xa.instance(), ((Junction.PalletInstance) b).instance());
    }
    if (a instanceof Junction.GeneralIndex xa) {
      return xa.value().compareTo(((Junction.GeneralIndex) b).value());
    }
    if (a instanceof Junction.GeneralKey xa) {
      final Junction.GeneralKey xb = (Junction.GeneralKey) b;
      final int c = Integer.compare(xa.length(), xb.length());
      return c != 0 ? c : xa.data().compareTo(xb.data());
    }
    if (a instanceof Junction.Plurality xa) {
      final Junction.Plurality xb = (Junction.Plurality) b;
      final int c = compareBodyId(xa.id(), xb.id());
      return c != 0 ? c : compareBodyPart(xa.part(), xb.part());
    }
    if (a instanceof Junction.GlobalConsensus xa) {
      return compareNetwork(xa.network(), ((Junction.GlobalConsensus) b).network());
    }
    return 0;
  }

  private static int compareNetworkOption(
      final Optional<NetworkId> a, final Optional<NetworkId> b) {
    if (a.isPresent() != b.isPresent()) {
      return a.isPresent() ? 1 : -1;
    }
    return a.isPresent() ? compareNetwork(a.get(), b.get()) : 0;
  }

  static int compareNetwork(final NetworkId a, final NetworkId b) {
    if (a.variantIndex() != b.variantIndex()) {
      return Integer.compare(a.variantIndex(), b.variantIndex());
    }
    if (a instanceof NetworkId.ByGenesis ga) {
      return ga.genesisHash().compareTo(((NetworkId.ByGenesis) b).genesisHash());
    }
    if (a instanceof NetworkId.ByFork fa) {
      final NetworkId.ByFork fb = (NetworkId.ByFork) b;
      final int c = Long.compareUnsigned(fa.blockNumber(), fb.blockNumber());
      return c != 0 ? c : fa.blockHash().compareTo(fb.blockHash());
    }
    if (a instanceof NetworkId.Ethereum ea) {
      return Long.compareUnsigned(ea.chainId(), ((NetworkId.Ethereum) b).chainId());
    }
    return 0;
  }

  private static int compareBodyId(final BodyId a, final BodyId b) {
    if (a.variantIndex() != b.variantIndex()) {
      return Integer.compare(a.variantIndex(), b.variantIndex());
    }
    if (a instanceof BodyId.Moniker ma) {
      return ma.name().compareTo(((BodyId.Moniker) b).name());
    }
    if (a instanceof BodyId.Index ia) {
      return Long.compare(ia.value(), ((BodyId.Index) b).value());
    }
    return 0;
  }

  private static int compareBodyPart(final BodyPart a, final BodyPart b) {
    if (a.variantIndex() != b.variantIndex()) {
      return Integer.compare(a.variantIndex(), b.variantIndex());
    }
    if (a instanceof BodyPart.Members ma) {
      return Long.compare(ma.count(), ((BodyPart.Members) b).count());
    }
    if (a instanceof BodyPart.Proportion pa) {
      final BodyPart.Proportion pb = (BodyPart.Proportion) b;
      final int c = Long.compare(pa.nom(), pb.nom());
      return c != 0 ? c : Long.compare(pa.denom(), pb.denom());
    }
    return 0;
  }
}
