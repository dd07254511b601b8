package io.xrelay.store.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeaseNameTest {
  /** What Kubernetes accepts as an object name that is also a DNS label. */
  private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";

  @Test
  void shouldTurnRouteNamesIntoValidDistinctLeaseNames() {
    final List<String> routes =
        List.of(
            "kusama-beefy",
            "asset-hub-kusama -> kusama xcm",
            "asset-hub-kusama -> kusama XCM",
            "asset_hub_kusama__kusama_xcm",
            "Ünïcode/route",
            "---",
            "a".repeat(300));

    final List<String> names = routes.stream().map(KubernetesLeaseOwnership::leaseName).toList();

    assertThat(names).allMatch(name -> name.matches(DNS_LABEL), "a DNS label");
    assertThat(names).doesNotHaveDuplicates();
    assertThat(KubernetesLeaseOwnership.leaseName("kusama-beefy"))
        .startsWith("xrelay-route-kusama-beefy-")
        .isEqualTo(KubernetesLeaseOwnership.leaseName("kusama-beefy"));
  }

  @Test
  void shouldStartWithTheConfiguredPrefixSoDeploymentsCanShareANamespace() {
    assertThat(KubernetesLeaseOwnership.leaseName("relay-a.", "kusama-beefy"))
        .startsWith("relay-a.route-kusama-beefy-")
        .matches("relay-a\\.route-kusama-beefy-[0-9a-f]{8}")
        .isNotEqualTo(KubernetesLeaseOwnership.leaseName("relay-b.", "kusama-beefy"));
  }
}
