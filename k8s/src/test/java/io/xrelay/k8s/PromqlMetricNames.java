package io.xrelay.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads: what is left after removing label matchers, range
 * selectors, grouping clauses, strings, Grafana variables, numbers, keywords and function names.
 * Good enough for the expressions of a dashboard and of alert rules, not a PromQL parser.
 */
final class PromqlMetricNames {
  private static final Pattern BRACES = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern STRINGS = Pattern.compile("\"[^\"]*\"|'[^']*'");
  private static final Pattern VARIABLES = Pattern.compile("\\$\\{?\\w+}?");
  private static final Pattern COMMENTS = Pattern.compile("#[^\\n]*");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "bool", "offset", "inf", "nan", "by", "without", "e");
  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*(\\w+)\\s*,");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private PromqlMetricNames() {}

  static Set<String> of(final String expression) {
    String text = COMMENTS.matcher(expression).replaceAll(" ");
    text = BRACES.matcher(text).replaceAll(" ");
    text = STRINGS.matcher(text).replaceAll(" ");
    text = RANGES.matcher(text).replaceAll(" ");
    text = GROUPING.matcher(text).replaceAll(" ");
    text = VARIABLES.matcher(text).replaceAll(" ");
    final Set<String> names = new TreeSet<>();
    final Matcher matcher = IDENTIFIER.matcher(text);
    while (matcher.find()) {
      final String name = matcher.group(1);
      if (matcher.group(2) == null && !KEYWORDS.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /** Every metric of every rule's {@code expr} in a Prometheus rule file. */
  static Set<String> inRuleFile(final Path file) throws IOException {
    final Set<String> names = new TreeSet<>();
    for (final JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
      for (final JsonNode rule : group.path("rules")) {
        names.addAll(of(rule.path("expr").asText()));
      }
    }
    return names;
  }

  /** Every metric of a Grafana dashboard: panel targets and template variable queries. */
  static Set<String> inDashboard(final Path file) throws IOException {
    final Set<String> names = new TreeSet<>();
    final JsonNode dashboard = JSON.readTree(file.toFile());
    for (final JsonNode expr : dashboard.findValues("expr")) {
      names.addAll(of(expr.asText()));
    }
    for (final JsonNode variable : dashboard.path("templating").path("list")) {
      final JsonNode query = variable.path("query");
      final String text = query.isObject() ? query.path("query").asText() : query.asText();
      final Matcher matcher = LABEL_VALUES.matcher(text);
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }
}
