package io.xrelay.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromqlMetricNamesTest {
  @Test
  void shouldFindMetricsButNotFunctionsLabelsOrVariables() {
    assertThat(
            PromqlMetricNames.of(
                "histogram_quantile(0.95, sum by (le, route) "
                    + "(rate(relayer_route_latency_seconds_bucket{route=~\"$route\"}[$__rate_interval])))"))
        .containsExactly("relayer_route_latency_seconds_bucket");
    assertThat(
            PromqlMetricNames.of(
                "relayer_chain_lag_seconds > 60 and on(chain, instance) relayer_chain_connected == 1"))
        .containsExactly("relayer_chain_connected", "relayer_chain_lag_seconds");
    assertThat(
            PromqlMetricNames.of("up{job=~\".*(xrelay|relayer).*\"} == 0 or absent(up{job=\"x\"})"))
        .containsExactly("up");
    assertThat(PromqlMetricNames.of("sum(increase(a_total[1h] offset 5m)) * 1e3 / b"))
        .containsExactly("a_total", "b");
  }
}
