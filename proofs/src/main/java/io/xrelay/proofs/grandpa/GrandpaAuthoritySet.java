package io.xrelay.proofs.grandpa;

import java.util.List;

/** The GRANDPA voters of one set id. */
public record GrandpaAuthoritySet(long setId, List<GrandpaAuthority> authorities) {

  public GrandpaAuthoritySet {
    authorities = List.copyOf(authorities);
  }

  public long totalWeight() {
    long total = 0;
    for (final GrandpaAuthority authority : authorities) {
      total = Math.addExact(total, authority.weight());
    }
    return total;
  }

  /** Weight a commit needs: {@code total - (total - 1) / 3}, more than two thirds. */
  public long threshold() {
    final long total = totalWeight();
    return total == 0 ? 0 : total - (total - 1) / 3;
  }
}
