package io.xrelay.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.xrelay.config.ConfigError;
import io.xrelay.config.ConfigException;
import io.xrelay.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Helm chart, offline: {@code helm lint --strict} and {@code helm template} with each values
 * file, every rendered object checked against the Kubernetes schemas and for unknown fields, the
 * committed kustomize base equal to a fresh render, and what the chart promises (probes, a locked
 * down pod, Lease RBAC only with Lease ownership, the one rule file).
 */
class ChartIT {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The arguments the committed kustomize base was rendered with (kustomize/base/README). */
  static final String[] BASE_RENDER = {
    "template", "xrelay", "chart/xrelay", "--namespace", "xrelay"
  };

  @ParameterizedTest
  @ValueSource(strings = {"values.yaml", "values-ha.yaml", "values-sqlite.yaml"})
  void shouldLintStrictlyAndRenderValidObjects(final String values) throws Exception {
    final K8sTools.Result lint =
        K8sTools.helm("lint", "--strict", "chart/xrelay", "-f", "chart/xrelay/" + values);
    assertThat(lint.exit()).as(lint.output()).isZero();
    assertThat(lint.output()).contains("1 chart(s) linted, 0 chart(s) failed");

    final Path rendered = render(values);
    final K8sTools.Result check = K8sTools.validateManifests(rendered);
    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output()).startsWith("ok ");
  }

  @Test
  void shouldRunALockedDownDeploymentWithProbesByDefault() throws Exception {
    final List<JsonNode> objects = objects(render("values.yaml"));
    assertThat(kinds(objects))
        .contains("Deployment", "Service", "ConfigMap", "ServiceAccount", "PodDisruptionBudget")
        .doesNotContain("Role", "RoleBinding", "Secret", "StatefulSet");
    final JsonNode pod = find(objects, "Deployment").path("spec").path("template").path("spec");
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
    final JsonNode container = pod.path("containers").get(0);
    assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean())
        .isTrue();
    assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/health/live");
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/health/ready");
    assertThat(container.path("resources").path("limits").path("memory").asText()).isNotEmpty();
    final List<String> mounts = new ArrayList<>();
    container.path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asText()));
    assertThat(mounts).contains("/tmp", "/data", "/etc/xrelay/config", "/etc/xrelay/secrets");
  }

  @Test
  void shouldGrantLeasesAndShareTheRuleFileWithSeveralReplicas() throws Exception {
    final List<JsonNode> objects = objects(render("values-ha.yaml"));
    assertThat(find(objects, "Deployment").path("spec").path("replicas").asInt()).isEqualTo(3);
    final JsonNode rule = find(objects, "Role").path("rules").get(0);
    assertThat(rule.path("apiGroups").get(0).asText()).isEqualTo("coordination.k8s.io");
    assertThat(rule.path("resources").get(0).asText()).isEqualTo("leases");
    assertThat(find(objects, "RoleBinding").path("subjects").get(0).path("name").asText())
        .isEqualTo(find(objects, "ServiceAccount").path("metadata").path("name").asText());
    assertThat(
            find(objects, "Deployment")
                .path("spec")
                .path("template")
                .path("spec")
                .path("automountServiceAccountToken")
                .asBoolean())
        .isTrue();
    assertThat(find(objects, "ServiceMonitor").path("spec").path("endpoints").get(0).path("port"))
        .hasToString("\"http\"");
    // One source: the PrometheusRule holds exactly the groups of prometheus/xrelay-rules.yaml.
    assertThat(find(objects, "PrometheusRule").path("spec").path("groups"))
        .isEqualTo(YAML.readTree(K8sTools.RULES.toFile()).path("groups"));
  }

  @Test
  void shouldGrantNoLeasesWithAdvisoryLockOwnership() throws Exception {
    final K8sTools.Result result =
        K8sTools.helm(
            "template",
            "xrelay",
            "chart/xrelay",
            "-f",
            "chart/xrelay/values-ha.yaml",
            "--set",
            "config.store.ownership.kind=advisory-lock",
            "--set",
            "config.store.ownership.lease-prefix=null");
    assertThat(result.exit()).as(result.output()).isZero();
    final Path out = K8sTools.target("rendered-advisory-lock.yaml");
    Files.writeString(out, withoutHelmLogs(result.output()));
    final List<JsonNode> objects = objects(out);
    assertThat(kinds(objects)).doesNotContain("Role", "RoleBinding");
    assertThat(
            find(objects, "Deployment")
                .path("spec")
                .path("template")
                .path("spec")
                .path("automountServiceAccountToken")
                .asBoolean(true))
        .isFalse();
    assertThat(find(objects, "ConfigMap").path("data").path("relayer.yaml").asText())
        .contains("kind: advisory-lock")
        .doesNotContain("kubernetes-lease");
  }

  @Test
  void shouldKeepTheSqliteStoreOnAStatefulSetVolume() throws Exception {
    final List<JsonNode> objects = objects(render("values-sqlite.yaml"));
    final JsonNode set = find(objects, "StatefulSet");
    assertThat(set.path("spec").path("volumeClaimTemplates").get(0).path("metadata").path("name"))
        .hasToString("\"data\"");
    assertThat(kinds(objects)).doesNotContain("Deployment");
  }

  @Test
  void shouldRefuseSqliteWithSeveralReplicas() throws Exception {
    final K8sTools.Result result =
        K8sTools.helm(
            "template",
            "xrelay",
            "chart/xrelay",
            "-f",
            "chart/xrelay/values-sqlite.yaml",
            "--set",
            "replicaCount=2");
    assertThat(result.exit()).isNotZero();
    assertThat(result.output()).contains("sqlite allows one instance");
  }

  /**
   * The ConfigMap's relayer.yaml passes the relayer's own config loader with the variables the pod
   * sets; the only errors allowed are the secret files, which exist only in the pod.
   */
  @ParameterizedTest
  @ValueSource(strings = {"values.yaml", "values-ha.yaml", "values-sqlite.yaml"})
  void shouldShipAConfigTheRelayerAccepts(final String values) throws Exception {
    final List<JsonNode> objects = objects(render(values));
    final Path config = K8sTools.target("relayer-" + values);
    Files.writeString(
        config, find(objects, "ConfigMap").path("data").path("relayer.yaml").asText());
    final Map<String, String> podEnv =
        Map.of(
            "RELAYER_DATA_DIR", K8sTools.target("data").toString(),
            "RELAYER_HTTP_HOST", "0.0.0.0",
            "RELAYER_HTTP_PORT", "9645");
    final List<ConfigError> errors = new ArrayList<>();
    try {
      new ConfigLoader(podEnv).load(config, Map.of());
    } catch (ConfigException e) {
      errors.addAll(e.errors());
    }
    assertThat(errors)
        .allSatisfy(
            error -> assertThat(error.toString()).contains("/etc/xrelay/secrets/db-password"));
    if (values.equals("values-sqlite.yaml")) {
      assertThat(errors).isEmpty();
    }
  }

  @Test
  void shouldCommitTheKustomizeBaseAsTheChartRendersIt() throws Exception {
    final K8sTools.Result fresh = K8sTools.helm(BASE_RENDER);
    assertThat(fresh.exit()).as(fresh.output()).isZero();
    assertThat(Files.readString(K8sTools.KUSTOMIZE_BASE.resolve("xrelay.yaml")))
        .as(
            "kustomize/base/xrelay.yaml is stale: regenerate it (see kustomize/base/kustomization.yaml.md)")
        .isEqualTo(withoutHelmLogs(fresh.output()));

    final K8sTools.Result kustomized = K8sTools.kubectl("kustomize", "kustomize/base");
    assertThat(kustomized.exit()).as(kustomized.output()).isZero();
    final Path out = K8sTools.target("kustomized.yaml");
    Files.writeString(out, kustomized.output());
    final K8sTools.Result check = K8sTools.validateManifests(out);
    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(kinds(objects(out))).contains("Deployment", "Service", "ConfigMap");
  }

  @Test
  void shouldRejectAMisspelledFieldThatTheSchemaAloneAccepts() throws Exception {
    final List<JsonNode> objects = objects(render("values.yaml"));
    final ObjectNode deployment = (ObjectNode) find(objects, "Deployment").deepCopy();
    final ObjectNode security =
        (ObjectNode)
            deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("securityContext");
    security.set("readOnlyRootFileSystem", security.remove("readOnlyRootFilesystem"));
    final Path bad = K8sTools.target("misspelled.yaml");
    Files.writeString(bad, YAML.writeValueAsString(deployment));

    final K8sTools.Result check = K8sTools.validateManifests(bad);
    assertThat(check.exit()).isEqualTo(1);
    assertThat(check.output())
        .contains(
            "Deployment/xrelay: /spec/template/spec/containers/0/securityContext/"
                + "readOnlyRootFileSystem: unknown field 'readOnlyRootFileSystem'");

    // Prometheus Operator kinds too (@kubernetes-models/prometheus-operator).
    final ObjectNode rule = (ObjectNode) find(objects(render("values-ha.yaml")), "PrometheusRule");
    final ObjectNode firstRule =
        (ObjectNode) rule.path("spec").path("groups").get(0).path("rules").get(0);
    firstRule.set("fro", firstRule.remove("for"));
    final Path badRule = K8sTools.target("misspelled-rule.yaml");
    Files.writeString(badRule, YAML.writeValueAsString(rule));
    final K8sTools.Result ruleCheck = K8sTools.validateManifests(badRule);
    assertThat(ruleCheck.exit()).isEqualTo(1);
    assertThat(ruleCheck.output())
        .contains("PrometheusRule/xrelay: /spec/groups/0/rules/0/fro: unknown field 'fro'");

    final ObjectNode wrongType = (ObjectNode) find(objects, "Service").deepCopy();
    ((ObjectNode) wrongType.path("spec").path("ports").get(0)).put("port", "ninety");
    final Path typo = K8sTools.target("wrong-type.yaml");
    Files.writeString(typo, YAML.writeValueAsString(wrongType));
    final K8sTools.Result typeCheck = K8sTools.validateManifests(typo);
    assertThat(typeCheck.exit()).isEqualTo(1);
    assertThat(typeCheck.output()).contains("Service/xrelay: /spec/ports/0/port");
  }

  /** The image (Dockerfile at the root, not built here: no engine) runs as the chart's user. */
  @Test
  void shouldRunTheImageAsTheChartsUser() throws Exception {
    final String dockerfile = Files.readString(K8sTools.HOME.resolve("../Dockerfile"));
    final JsonNode values = YAML.readTree(K8sTools.CHART.resolve("values.yaml").toFile());
    final String uid = values.path("podSecurityContext").path("runAsUser").asText();
    assertThat(dockerfile)
        .contains(
            "USER " + uid + ":" + values.path("podSecurityContext").path("runAsGroup").asText())
        .contains("ENTRYPOINT [\"java\", \"-jar\", \"/opt/xrelay/relayer.jar\"]")
        .contains("EXPOSE " + values.path("service").path("port").asText());
  }

  private static Path render(final String values) throws Exception {
    final K8sTools.Result result =
        K8sTools.helm(
            "template",
            "xrelay",
            "chart/xrelay",
            "--namespace",
            "xrelay",
            "-f",
            "chart/xrelay/" + values);
    assertThat(result.exit()).as(result.output()).isZero();
    final Path out = K8sTools.target("rendered-" + values);
    Files.writeString(out, withoutHelmLogs(result.output()));
    return out;
  }

  /** Helm logs that it followed files/xrelay-rules.yaml, a link; those lines are not YAML. */
  static String withoutHelmLogs(final String output) {
    final StringBuilder yaml = new StringBuilder();
    output
        .lines()
        .filter(line -> !line.startsWith("level="))
        .forEach(line -> yaml.append(line).append('\n'));
    return yaml.toString();
  }

  static List<JsonNode> objects(final Path file) throws Exception {
    final List<JsonNode> objects = new ArrayList<>();
    try (var parser = YAML.getFactory().createParser(file.toFile())) {
      final var values = YAML.readValues(parser, JsonNode.class);
      while (values.hasNext()) {
        final JsonNode node = values.next();
        if (node != null && node.isObject()) {
          objects.add(node);
        }
      }
    }
    return objects;
  }

  private static List<String> kinds(final List<JsonNode> objects) {
    return objects.stream().map(o -> o.path("kind").asText()).toList();
  }

  private static JsonNode find(final List<JsonNode> objects, final String kind) {
    final Optional<JsonNode> found =
        objects.stream().filter(o -> kind.equals(o.path("kind").asText())).findFirst();
    assertThat(found).as("a " + kind + " in " + kinds(objects)).isPresent();
    return found.get();
  }
}
