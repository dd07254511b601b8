package io.xrelay.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard's shape; its metric names are checked by MonitoringOnDevnetIT. */
class DashboardTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldQueryTheSelectedDataSourceFromPanelsThatDoNotOverlap() throws Exception {
    final JsonNode dashboard = JSON.readTree(K8sTools.DASHBOARD.toFile());
    final Set<Integer> ids = new HashSet<>();
    final Map<String, String> cells = new HashMap<>();
    for (final JsonNode panel : dashboard.path("panels")) {
      final String title = panel.path("title").asText();
      assertThat(ids.add(panel.path("id").asInt())).as("unique id of " + title).isTrue();
      final JsonNode grid = panel.path("gridPos");
      for (int x = grid.path("x").asInt();
          x < grid.path("x").asInt() + grid.path("w").asInt();
          x++) {
        for (int y = grid.path("y").asInt();
            y < grid.path("y").asInt() + grid.path("h").asInt();
            y++) {
          final String other = cells.put(x + "," + y, title);
          assertThat(other).as(title + " overlaps " + other).isNull();
        }
      }
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
      assertThat(panel.path("targets")).as(title).isNotEmpty();
      panel
          .path("targets")
          .forEach(target -> assertThat(target.path("expr").asText()).as(title).isNotBlank());
    }
  }

  @Test
  void shouldShowWhatAnOperatorLooksAtFirst() throws Exception {
    assertThat(PromqlMetricNames.inDashboard(K8sTools.DASHBOARD))
        .contains(
            "relayer_chain_finalized_block",
            "relayer_chain_lag_seconds",
            "relayer_rpc_errors_total",
            "relayer_rpc_reconnects_total",
            "relayer_route_items",
            "relayer_route_oldest_pending_seconds",
            "relayer_route_relayed_total",
            "relayer_route_failures_total",
            "relayer_route_latency_seconds_bucket",
            "relayer_beefy_chain_latest_block",
            "relayer_beefy_contract_latest_block",
            "relayer_xcm_messages_total",
            "relayer_signer_balance");
  }
}
