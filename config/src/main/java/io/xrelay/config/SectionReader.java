package io.xrelay.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.xrelay.config.ConfigSchema.Key;
import io.xrelay.config.ConfigSchema.NamedEntries;
import io.xrelay.config.ConfigSchema.Section;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the values of one mapping of the tree by the schema's key names, turning every wrong type
 * or malformed value into an error at its exact path and an empty result, so that binding goes on
 * and finds every error in one pass. Unknown keys are reported when the reader is made.
 */
final class SectionReader {
  private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

  private final JsonNode node;
  private final String path;
  private final Section schema;
  private final Problems problems;

  private SectionReader(
      final JsonNode node, final String path, final Section schema, final Problems problems) {
    this.path = path;
    this.schema = schema;
    this.problems = problems;
    if (node == null || node.isNull() || node.isMissingNode()) {
      this.node = EMPTY;
    } else if (!node.isObject()) {
      problems.error(path, "expected a mapping of keys, got " + describe(node));
      this.node = EMPTY;
    } else {
      this.node = node;
      reportUnknownKeys();
    }
  }

  static SectionReader root(final JsonNode tree, final Problems problems) {
    return new SectionReader(tree, "", ConfigSchema.ROOT, problems);
  }

  String path() {
    return path;
  }

  String path(final String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  Problems problems() {
    return problems;
  }

  /** Whether the key is written with a value (a null value counts as absent). */
  boolean has(final String key) {
    return value(key) != null;
  }

  Optional<String> text(final String key) {
    final JsonNode value = value(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isValueNode()) {
      problems.error(path(key), "expected a single value, got " + describe(value));
      return Optional.empty();
    }
    final String text = value.asText().strip();
    if (text.isEmpty()) {
      problems.error(path(key), "must not be empty");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  Optional<Long> integer(final String key) {
    final JsonNode value = value(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isIntegralNumber()) {
      if (value.canConvertToLong()) {
        return Optional.of(value.longValue());
      }
      problems.error(path(key), value.asText() + " is too large");
      return Optional.empty();
    }
    return text(key)
        .flatMap(
            text -> {
              try {
                return Optional.of(new BigInteger(text).longValueExact());
              } catch (NumberFormatException e) {
                problems.error(path(key), "'" + text + "' is not a whole number");
              } catch (ArithmeticException e) {
                problems.error(path(key), text + " is too large");
              }
              return Optional.empty();
            });
  }

  /** A whole number in {@code [min, max]}; {@code rule} ends "is not ..." in the error. */
  Optional<Long> integer(final String key, final long min, final long max, final String rule) {
    return integer(key)
        .filter(
            number -> {
              if (number < min || number > max) {
                problems.error(path(key), number + " is not " + rule);
                return false;
              }
              return true;
            });
  }

  Optional<Boolean> bool(final String key) {
    final JsonNode value = value(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isBoolean()) {
      return Optional.of(value.booleanValue());
    }
    return text(key)
        .flatMap(
            text -> {
              switch (text.toLowerCase(Locale.ROOT)) {
                case "true":
                  return Optional.of(true);
                case "false":
                  return Optional.of(false);
                default:
                  problems.error(path(key), "'" + text + "' is not true or false");
                  return Optional.empty();
              }
            });
  }

  Optional<Duration> duration(final String key) {
    return text(key)
        .flatMap(
            text -> {
              try {
                return Optional.of(DurationText.parse(text));
              } catch (IllegalArgumentException e) {
                problems.error(path(key), e.getMessage());
                return Optional.empty();
              }
            });
  }

  /** A duration longer than zero. */
  Optional<Duration> positiveDuration(final String key) {
    return duration(key)
        .filter(
            duration -> {
              if (duration.isZero()) {
                problems.error(path(key), "must be longer than 0s");
                return false;
              }
              return true;
            });
  }

  <E extends Enum<E> & ConfigChoice> Optional<E> choice(final String key, final Class<E> type) {
    return text(key)
        .flatMap(
            text -> {
              for (final E constant : type.getEnumConstants()) {
                if (constant.configName().equals(text)) {
                  return Optional.of(constant);
                }
              }
              problems.error(
                  path(key), "'" + text + "' is not one of " + choices(type.getEnumConstants()));
              return Optional.empty();
            });
  }

  /**
   * A list written as a YAML list or as one comma-separated text (how the environment and flags
   * give lists). Items that are not single values are reported at their index and left out.
   */
  Optional<List<String>> list(final String key) {
    final JsonNode value = value(key);
    if (value == null) {
      return Optional.empty();
    }
    final List<String> items = new ArrayList<>();
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        final JsonNode item = value.get(i);
        if (!item.isValueNode() || item.isNull()) {
          problems.error(
              path(key) + "[" + i + "]", "expected a single value, got " + describe(item));
          items.add(null);
        } else {
          items.add(item.asText().strip());
        }
      }
    } else if (value.isValueNode()) {
      Arrays.stream(value.asText().split(","))
          .map(String::strip)
          .filter(item -> !item.isEmpty())
          .forEach(items::add);
    } else {
      problems.error(path(key), "expected a list, got " + describe(value));
      return Optional.empty();
    }
    return Optional.of(java.util.Collections.unmodifiableList(items));
  }

  /** A file path; relative paths stay relative to the working directory. */
  Optional<Path> filePath(final String key) {
    return text(key)
        .flatMap(
            text -> {
              try {
                return Optional.of(Path.of(text));
              } catch (InvalidPathException e) {
                problems.error(path(key), "'" + text + "' is not a file path");
                return Optional.empty();
              }
            });
  }

  /**
   * A list of absolute URLs with one of {@code schemes} and a host. Each other item is an error
   * {@code notValid} at its index and is left out; the URL itself is not repeated, as a path or
   * query may hold an API key.
   */
  Optional<List<URI>> urls(final String key, final Set<String> schemes, final String notValid) {
    return list(key)
        .map(
            items -> {
              final List<URI> urls = new ArrayList<>();
              for (int i = 0; i < items.size(); i++) {
                if (items.get(i) == null) {
                  continue;
                }
                final Optional<URI> url = url(items.get(i), schemes);
                if (url.isEmpty()) {
                  problems.error(path(key) + "[" + i + "]", notValid);
                } else {
                  urls.add(url.get());
                }
              }
              return List.copyOf(urls);
            });
  }

  /** Reports each of {@code keys} that is written here: they belong to {@code what} only. */
  void keysOnlyFor(final List<String> keys, final String what) {
    for (final String key : keys) {
      if (has(key)) {
        problems.error(path(key), "only for " + what);
      }
    }
  }

  SectionReader section(final String key) {
    final Key schemaKey = schemaKey(key);
    if (!(schemaKey instanceof Section inner)) {
      throw new IllegalStateException(path(key) + " is not a section in the schema");
    }
    return new SectionReader(value(key), path(key), inner, problems);
  }

  /** The named entries of a mapping such as {@code chains}, in file order, valid names only. */
  Map<String, SectionReader> entries(final String key) {
    final Key schemaKey = schemaKey(key);
    if (!(schemaKey instanceof NamedEntries named)) {
      throw new IllegalStateException(path(key) + " is not a named mapping in the schema");
    }
    final Map<String, SectionReader> entries = new LinkedHashMap<>();
    final JsonNode value = value(key);
    if (value == null) {
      return entries;
    }
    if (!value.isObject()) {
      problems.error(path(key), "expected a mapping of names, got " + describe(value));
      return entries;
    }
    final Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      final Map.Entry<String, JsonNode> field = fields.next();
      final String entryPath = path(key) + "." + field.getKey();
      if (!ConfigKeys.isValidName(field.getKey())) {
        problems.error(entryPath, "not a valid name (" + ConfigKeys.NAME_RULE + ")");
        continue;
      }
      entries.put(
          field.getKey(), new SectionReader(field.getValue(), entryPath, named.entry(), problems));
    }
    return entries;
  }

  private JsonNode value(final String key) {
    schemaKey(key);
    final JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value;
  }

  private Key schemaKey(final String key) {
    return schema
        .key(key)
        .orElseThrow(() -> new IllegalStateException(path(key) + " is not in the schema"));
  }

  private void reportUnknownKeys() {
    final Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      final String name = names.next();
      if (schema.key(name).isEmpty()) {
        problems.error(
            path(name),
            KeySuggestion.closest(name, schema.names())
                .map(suggestion -> "unknown key (did you mean " + suggestion + "?)")
                .orElseGet(() -> "unknown key (known: " + String.join(", ", schema.names()) + ")"));
      }
    }
  }

  private static Optional<URI> url(final String text, final Set<String> schemes) {
    try {
      final URI url = new URI(text);
      final String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!schemes.contains(scheme) || url.getHost() == null || url.getHost().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(url);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  static String choices(final ConfigChoice[] constants) {
    return Arrays.stream(constants).map(ConfigChoice::configName).collect(Collectors.joining(", "));
  }

  private static String describe(final JsonNode node) {
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNull()) {
      return "nothing";
    }
    return "'" + node.asText() + "'";
  }
}
