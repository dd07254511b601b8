package io.xrelay.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a secret (a signer's secret URI or hex key, the admin token, a database password) is kept:
 * a file or an environment variable that the configuration names. The configuration holds only this
 * reference; the value is read on demand by {@link #read()}, so it never sits in a config object,
 * and {@link #toString()} names the place, never the value.
 */
public final class SecretSource {
  /** Where the value comes from. */
  public enum Kind {
    FILE,
    ENVIRONMENT
  }

  private final Kind kind;
  private final String location;
  private final Map<String, String> environment;

  private SecretSource(
      final Kind kind, final String location, final Map<String, String> environment) {
    this.kind = kind;
    this.location = location;
    this.environment = environment;
  }

  /** A secret kept in a file; surrounding whitespace (the final newline) is not part of it. */
  public static SecretSource file(final Path file) {
    return new SecretSource(Kind.FILE, file.toString(), Map.of());
  }

  /** A secret kept in the variable {@code name} of {@code environment}. */
  public static SecretSource environment(final String name, final Map<String, String> environment) {
    return new SecretSource(Kind.ENVIRONMENT, name, Objects.requireNonNull(environment));
  }

  public Kind kind() {
    return kind;
  }

  /** The file path or the variable name: where the secret is, not what it is. */
  public String location() {
    return location;
  }

  /**
   * Reads the secret now.
   *
   * @throws IllegalStateException when the file cannot be read or the variable is unset or empty
   *     (the message names the place, never a value)
   */
  public Secret read() {
    final String value;
    if (kind == Kind.FILE) {
      try {
        value = Files.readString(Path.of(location), StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new IllegalStateException("file " + location + " does not exist");
      } catch (IOException e) {
        throw new IllegalStateException(
            "file " + location + " cannot be read (" + e.getClass().getSimpleName() + ")");
      }
    } else {
      value = environment.get(location);
      if (value == null) {
        throw new IllegalStateException("environment variable " + location + " is not set");
      }
    }
    final String stripped = value.strip();
    if (stripped.isEmpty()) {
      throw new IllegalStateException(describe() + " is empty");
    }
    return new Secret(stripped);
  }

  /** {@code file /run/secrets/key} or {@code environment variable RELAYER_KEY}. */
  public String describe() {
    return (kind == Kind.FILE ? "file " : "environment variable ") + location;
  }

  @Override
  public boolean equals(final Object other) {
    return other instanceof SecretSource that
        && kind == that.kind
        && location.equals(that.location);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, location);
  }

  @Override
  public String toString() {
    return "SecretSource[" + describe() + "]";
  }
}
