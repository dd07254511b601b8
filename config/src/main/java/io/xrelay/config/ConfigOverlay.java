package io.xrelay.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xrelay.config.ConfigSchema.Key;
import io.xrelay.config.ConfigSchema.NamedEntries;
import io.xrelay.config.ConfigSchema.Section;
import io.xrelay.config.ConfigSchema.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Lays the environment and then the flags over the file's tree, so that a value's precedence is
 * flag, environment, file, then the default the binder applies. Every value set here is text (a
 * list as a comma list) and remembers where it came from, so that an error can name the variable or
 * flag that set it.
 */
final class ConfigOverlay {
  static final String COMMAND_LINE = "the command line";

  private static final Pattern VARIABLE = Pattern.compile("RELAYER_[A-Z0-9_]+");

  /** The merged tree, who set each overridden path, and what could not be applied. */
  record Result(
      ObjectNode tree,
      Map<String, String> origins,
      List<ConfigError> errors,
      List<String> unmatchedVariables) {}

  private ConfigOverlay() {}

  static Result apply(
      final ObjectNode file,
      final Map<String, String> environment,
      final Map<String, String> flags) {
    final ObjectNode tree = file.deepCopy();
    final Map<String, String> origins = new LinkedHashMap<>();
    final List<ConfigError> errors = new ArrayList<>();

    final Map<List<String>, String> flagValues = new LinkedHashMap<>();
    for (final Map.Entry<String, String> flag : new TreeMap<>(flags).entrySet()) {
      final Optional<List<String>> path = flagPath(flag.getKey(), errors);
      path.ifPresent(p -> flagValues.put(p, flag.getValue()));
    }

    final Set<String> definedNames = definedNames(tree, flagValues.keySet());
    final List<String> unmatched = new ArrayList<>();
    for (final Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
      final String name = variable.getKey();
      if (!name.startsWith(ConfigKeys.ENVIRONMENT_PREFIX)) {
        continue;
      }
      final Optional<List<String>> path =
          VARIABLE.matcher(name).matches()
              ? variablePath(name.substring(ConfigKeys.ENVIRONMENT_PREFIX.length()), definedNames)
              : Optional.empty();
      if (path.isEmpty()) {
        unmatched.add(name);
      } else if (!variable.getValue().isEmpty()) {
        // An empty variable counts as unset, as container runtimes often pass one.
        if (set(tree, path.get(), variable.getValue())) {
          origins.put(String.join(".", path.get()), "environment variable " + name);
        }
      }
    }
    flagValues.forEach(
        (path, value) -> {
          if (set(tree, path, value)) {
            origins.put(String.join(".", path), COMMAND_LINE);
          }
        });
    return new Result(tree, origins, errors, unmatched);
  }

  /**
   * The key path of a flag's dotted name, or an error naming the unknown segment.
   *
   * @param errors receives the error when the path names no value key
   */
  static Optional<List<String>> flagPath(final String dotted, final List<ConfigError> errors) {
    final String[] segments = dotted.split("\\.", -1);
    final List<String> path = new ArrayList<>();
    Key key = ConfigSchema.ROOT;
    int i = 0;
    while (i < segments.length) {
      final String segment = segments[i];
      if (key instanceof Section section) {
        final Optional<Key> next = section.key(segment);
        if (next.isEmpty()) {
          path.add(segment);
          errors.add(
              new ConfigError(
                  String.join(".", path),
                  "unknown key"
                      + KeySuggestion.closest(segment, section.names())
                          .map(s -> " (did you mean " + s + "?)")
                          .orElse("")
                      + " (from "
                      + COMMAND_LINE
                      + ")"));
          return Optional.empty();
        }
        path.add(segment);
        key = next.get();
      } else if (key instanceof NamedEntries entries) {
        path.add(segment);
        key = entries.entry();
      } else {
        break;
      }
      i++;
    }
    if (!(key instanceof Value) || i < segments.length) {
      errors.add(
          new ConfigError(dotted, "not a key that holds a value (from " + COMMAND_LINE + ")"));
      return Optional.empty();
    }
    return Optional.of(List.copyOf(path));
  }

  /**
   * The key path a variable name (without {@code RELAYER_}) stands for. Below {@code chains},
   * {@code signers} and {@code routes} the name of the entry is what lies between the section and a
   * known key of the entry; when several splits fit, names already defined in the file or the flags
   * win, then the longest key (so {@code ROUTES_X_BRIDGED_TIMEOUT} is route {@code x}'s {@code
   * bridged-timeout} unless a route {@code x-bridged} is defined).
   */
  static Optional<List<String>> variablePath(final String rest, final Set<String> definedNames) {
    final List<List<String>> candidates = new ArrayList<>();
    collect(ConfigSchema.ROOT, rest, new ArrayList<>(), candidates);
    return candidates.stream()
        .min(
            Comparator.comparing((List<String> path) -> !definedNames.contains(entryOf(path)))
                .thenComparing(path -> entryOf(path).length()));
  }

  private static void collect(
      final Section section,
      final String rest,
      final List<String> prefix,
      final List<List<String>> candidates) {
    section
        .keys()
        .forEach(
            (name, key) -> {
              final String form = ConfigKeys.environmentForm(List.of(name));
              final List<String> path = new ArrayList<>(prefix);
              path.add(name);
              if (key instanceof Value) {
                if (rest.equals(form)) {
                  candidates.add(List.copyOf(path));
                }
              } else if (rest.startsWith(form + "_")) {
                final String below = rest.substring(form.length() + 1);
                if (key instanceof Section inner) {
                  collect(inner, below, path, candidates);
                } else if (key instanceof NamedEntries entries) {
                  for (final List<String> field : entries.entry().valuePaths()) {
                    final String fieldForm = "_" + ConfigKeys.environmentForm(field);
                    if (below.length() > fieldForm.length() && below.endsWith(fieldForm)) {
                      final String entryName =
                          below
                              .substring(0, below.length() - fieldForm.length())
                              .replace('_', '-')
                              .toLowerCase(Locale.ROOT);
                      final List<String> full = new ArrayList<>(path);
                      full.add(entryName);
                      full.addAll(field);
                      candidates.add(List.copyOf(full));
                    }
                  }
                }
              }
            });
  }

  /** {@code chains.kusama} for a path below a named entry, "" otherwise. */
  private static String entryOf(final List<String> path) {
    if (path.size() > 2
        && ConfigSchema.ROOT.key(path.get(0)).orElse(null) instanceof NamedEntries) {
      return path.get(0) + "." + path.get(1);
    }
    return "";
  }

  private static Set<String> definedNames(
      final ObjectNode file, final Set<List<String>> flagPaths) {
    final Set<String> names = new HashSet<>();
    ConfigSchema.ROOT
        .keys()
        .forEach(
            (section, key) -> {
              if (key instanceof NamedEntries && file.get(section) instanceof ObjectNode entries) {
                entries.fieldNames().forEachRemaining(name -> names.add(section + "." + name));
              }
            });
    for (final List<String> path : flagPaths) {
      final String entry = entryOf(path);
      if (!entry.isEmpty()) {
        names.add(entry);
      }
    }
    return names;
  }

  /** Sets {@code value} at {@code path}; false when the file has a non-mapping in the way. */
  private static boolean set(final ObjectNode tree, final List<String> path, final String value) {
    ObjectNode node = tree;
    for (int i = 0; i < path.size() - 1; i++) {
      final JsonNode child = node.get(path.get(i));
      if (child == null || child.isNull()) {
        node = node.putObject(path.get(i));
      } else if (child instanceof ObjectNode object) {
        node = object;
      } else {
        return false;
      }
    }
    node.set(path.get(path.size() - 1), JsonNodeFactory.instance.textNode(value));
    return true;
  }
}
