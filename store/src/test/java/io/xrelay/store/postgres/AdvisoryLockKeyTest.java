package io.xrelay.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdvisoryLockKeyTest {
  @Test
  void shouldKeepTheKeysOfEarlierReleases() {
    // Computed independently (Python hashlib); a change here breaks mutual exclusion between an
    // old and a new instance during a rolling upgrade.
    assertThat(AdvisoryLockKey.of("xrelay", "kusama-beefy")).isEqualTo(-2218449852074738622L);
    assertThat(AdvisoryLockKey.of("xrelay", "asset-hub-kusama -> kusama xcm"))
        .isEqualTo(6971297809733111392L);
  }

  @Test
  void shouldSeparateNamespacesAndNames() {
    assertThat(AdvisoryLockKey.of("a", "bc")).isNotEqualTo(AdvisoryLockKey.of("ab", "c"));
    assertThat(AdvisoryLockKey.of("xrelay", "kusama-beefy"))
        .isNotEqualTo(AdvisoryLockKey.of("other", "kusama-beefy"));
  }
}
