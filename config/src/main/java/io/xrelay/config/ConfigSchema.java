package io.xrelay.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every key the file, the environment and the flags may set, as a tree. It is what unknown keys are
 * checked against and how {@code RELAYER_*} names are taken apart; the binder reads values by the
 * same names.
 */
final class ConfigSchema {
  /** A node of the tree. */
  sealed interface Key permits Value, Section, NamedEntries {}

  /** A key that holds a value (a scalar, or a list written as a YAML list or a comma list). */
  record Value() implements Key {}

  /** A fixed set of keys. */
  record Section(Map<String, Key> keys) implements Key {
    Section {
      keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    Set<String> names() {
      return keys.keySet();
    }

    Optional<Key> key(final String name) {
      return Optional.ofNullable(keys.get(name));
    }

    /** The paths of every value below this section, not descending into named entries. */
    List<List<String>> valuePaths() {
      final List<List<String>> paths = new ArrayList<>();
      keys.forEach(
          (name, key) -> {
            if (key instanceof Value) {
              paths.add(List.of(name));
            } else if (key instanceof Section section) {
              for (final List<String> below : section.valuePaths()) {
                final List<String> path = new ArrayList<>();
                path.add(name);
                path.addAll(below);
                paths.add(List.copyOf(path));
              }
            }
          });
      return paths;
    }
  }

  /** A mapping from names the operator chooses (chain, signer, route names) to entries. */
  record NamedEntries(Section entry) implements Key {}

  private static final Value VALUE = new Value();

  static final Section RETRY =
      section("initial-backoff", VALUE, "max-backoff", VALUE, "max-attempts", VALUE);

  static final Section ROOT =
      section(
          "data-dir",
          VALUE,
          "log-format",
          VALUE,
          "shutdown-grace-period",
          VALUE,
          "http",
          section(
              "host", VALUE, "port", VALUE, "admin-token-file", VALUE, "admin-token-env", VALUE),
          "store",
          section(
              "kind",
              VALUE,
              "path",
              VALUE,
              "url",
              VALUE,
              "user",
              VALUE,
              "password-env",
              VALUE,
              "password-file",
              VALUE,
              "pool-size",
              VALUE,
              "instance-id",
              VALUE,
              "retention",
              VALUE,
              "ownership",
              section("kind", VALUE, "namespace", VALUE, "lease-prefix", VALUE)),
          "chains",
          new NamedEntries(
              section(
                  "kind",
                  VALUE,
                  "preset",
                  VALUE,
                  "endpoints",
                  VALUE,
                  "request-timeout",
                  VALUE,
                  "ss58-prefix",
                  VALUE,
                  "para-id",
                  VALUE,
                  "chain-id",
                  VALUE,
                  "finality",
                  VALUE)),
          "signers",
          new NamedEntries(
              section(
                  "chain",
                  VALUE,
                  "scheme",
                  VALUE,
                  "key-file",
                  VALUE,
                  "key-env",
                  VALUE,
                  "max-fee-per-gas",
                  VALUE)),
          "routes",
          new NamedEntries(
              section(
                  "kind",
                  VALUE,
                  "source",
                  VALUE,
                  "target",
                  VALUE,
                  "signer",
                  VALUE,
                  "enabled",
                  VALUE,
                  "contract",
                  VALUE,
                  "protocol",
                  VALUE,
                  "min-interval",
                  VALUE,
                  "timeout",
                  VALUE,
                  "bridged-timeout",
                  VALUE,
                  "webhooks",
                  VALUE,
                  "retry",
                  RETRY)),
          "retry",
          RETRY);

  private ConfigSchema() {}

  private static Section section(final Object... namesAndKeys) {
    final Map<String, Key> keys = new LinkedHashMap<>();
    for (int i = 0; i < namesAndKeys.length; i += 2) {
      keys.put((String) namesAndKeys[i], (Key) namesAndKeys[i + 1]);
    }
    return new Section(keys);
  }
}
