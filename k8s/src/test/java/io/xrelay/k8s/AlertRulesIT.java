package io.xrelay.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The alert rules with Debian's promtool: valid, and each alert's unit tests pass. */
class AlertRulesIT {
  @Test
  void shouldPassPromtoolCheckRules() throws Exception {
    final K8sTools.Result result = K8sTools.promtool("check", "rules", K8sTools.RULES.toString());
    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }

  @Test
  void shouldFireEachAlertOnABrokenSeriesAndStayQuietOnAHealthyOne() throws Exception {
    final K8sTools.Result result =
        K8sTools.promtool("test", "rules", K8sTools.RULE_TESTS.toString());
    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
    // Every alert of the rule file has a test that expects it to fire.
    final String tests = Files.readString(K8sTools.RULE_TESTS);
    for (final String alert : alertNames()) {
      assertThat(tests).contains("alertname: " + alert + "\n        exp_alerts:\n          - ");
    }
  }

  @Test
  void shouldChartTheSameRuleFile() throws Exception {
    assertThat(K8sTools.CHART.resolve("files/xrelay-rules.yaml").toRealPath())
        .isEqualTo(K8sTools.RULES.toRealPath());
  }

  static java.util.List<String> alertNames() throws Exception {
    return Files.readString(K8sTools.RULES)
        .lines()
        .map(String::trim)
        .filter(line -> line.startsWith("- alert: "))
        .map(line -> line.substring("- alert: ".length()))
        .toList();
  }
}
