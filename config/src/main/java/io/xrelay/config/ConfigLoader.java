package io.xrelay.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the configuration from a YAML file, the {@code RELAYER_*} environment variables and the
 * command-line flags, in that order of increasing precedence, over the defaults and presets, and
 * validates all of it before anything starts.
 *
 * <p>The environment is a parameter, never {@code System.getenv()}, so that tests and tools decide
 * what it holds. Flags are given as key paths ({@code http.port}) to text values.
 */
public final class ConfigLoader {
  /** Variables with the prefix that are not configuration keys and draw no warning. */
  private static final Set<String> NOT_CONFIG_VARIABLES = Set.of("RELAYER_JAVA_OPTS");

  private final Map<String, String> environment;

  public ConfigLoader(final Map<String, String> environment) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
  }

  /**
   * Loads {@code file} with the environment and {@code flags} over it.
   *
   * @throws ConfigFileException when the file cannot be read
   * @throws ConfigException listing every error, when the result is invalid
   */
  public LoadedConfig load(final Path file, final Map<String, String> flags) {
    final String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigFileException(file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new ConfigFileException(file + ": permission denied", e);
    } catch (CharacterCodingException e) {
      throw new ConfigException(List.of(new ConfigError("", "the file is not UTF-8 text")));
    } catch (IOException e) {
      throw new ConfigFileException(
          file
              + ": cannot read ("
              + (Files.isDirectory(file) ? "a directory" : e.getMessage())
              + ")",
          e);
    }
    return parse(text, flags);
  }

  /** Loads the defaults with the environment and {@code flags} over them: no file. */
  public LoadedConfig loadWithoutFile(final Map<String, String> flags) {
    return bind(JsonNodeFactory.instance.objectNode(), flags);
  }

  /**
   * Loads YAML text (a file's content, an embedded default) with the environment and {@code flags}
   * over it.
   *
   * @throws ConfigException listing every error, when the result is invalid
   */
  public LoadedConfig parse(final String yaml, final Map<String, String> flags) {
    return bind(readTree(yaml), flags);
  }

  private LoadedConfig bind(final ObjectNode file, final Map<String, String> flags) {
    final ConfigOverlay.Result overlay = ConfigOverlay.apply(file, environment, flags);
    final Problems problems = new Problems(overlay.origins());
    problems.addErrors(overlay.errors());
    final ConfigBinder binder = new ConfigBinder(problems, environment, defaultInstanceId());
    final RelayerConfig config = binder.bind(overlay.tree());
    if (problems.hasErrors()) {
      throw new ConfigException(problems.errors());
    }
    final List<ConfigError> warnings = new ArrayList<>(problems.warnings());
    for (final String variable : overlay.unmatchedVariables()) {
      if (!binder.secretVariables().contains(variable)
          && !NOT_CONFIG_VARIABLES.contains(variable)) {
        warnings.add(
            new ConfigError(
                "", "environment variable " + variable + " names no configuration key (ignored)"));
      }
    }
    return new LoadedConfig(config, warnings);
  }

  private static ObjectNode readTree(final String yaml) {
    final YAMLMapper mapper = new YAMLMapper();
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    final JsonNode tree;
    try {
      tree = mapper.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigException(List.of(new ConfigError("", syntaxError(e))));
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!(tree instanceof ObjectNode object)) {
      throw new ConfigException(
          List.of(
              new ConfigError(
                  "",
                  "the file must be a mapping of keys, not "
                      + (tree.isArray() ? "a list" : "a single value"))));
    }
    return object;
  }

  /** The parser's first line with the position, never the rest: it may quote the file. */
  private static String syntaxError(final JsonProcessingException e) {
    final String message = Optional.ofNullable(e.getOriginalMessage()).orElse("not valid YAML");
    final String firstLine = message.lines().findFirst().orElse(message).strip();
    final JsonLocation location = e.getLocation();
    final String where =
        location == null || location.getLineNr() < 0
            ? ""
            : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    return "not valid YAML: " + where + firstLine;
  }

  /**
   * The host name and process id: unique per process on one host, and readable in a lease or an
   * ownership row. {@code HOSTNAME} is the pod name under Kubernetes.
   */
  private String defaultInstanceId() {
    final String host =
        Optional.ofNullable(environment.get("HOSTNAME"))
            .filter(name -> !name.isBlank())
            .orElseGet(ConfigLoader::localHostName);
    return host + "-" + ProcessHandle.current().pid();
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "relayer";
    }
  }
}
