package io.xrelay.proofs.beefy;

/** The BEEFY (and GRANDPA) supermajority rule. */
public final class BeefyQuorum {
  private BeefyQuorum() {}

  /**
   * Signatures needed out of {@code n}: {@code n - (n - 1) / 3}, the smallest count above two
   * thirds (600 -> 401, 297 -> 199). Zero for an empty set.
   */
  public static int threshold(final int n) {
    return n == 0 ? 0 : n - (n - 1) / 3;
  }

  public static long threshold(final long n) {
    return n == 0 ? 0 : n - (n - 1) / 3;
  }
}
