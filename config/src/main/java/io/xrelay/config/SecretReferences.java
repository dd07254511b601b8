package io.xrelay.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the pairs of keys that name where a secret is kept ({@code key-file}/{@code key-env},
 * {@code admin-token-file}/{@code admin-token-env}, {@code password-file}/{@code password-env}) and
 * checks that the secret is there, without keeping its value.
 */
final class SecretReferences {
  private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Problems problems;
  private final Map<String, String> environment;
  private final Set<String> variables = new LinkedHashSet<>();

  SecretReferences(final Problems problems, final Map<String, String> environment) {
    this.problems = problems;
    this.environment = environment;
  }

  /** The environment variables named for secrets so far: not configuration keys. */
  Set<String> variables() {
    return Set.copyOf(variables);
  }

  /**
   * A secret named by {@code fileKey} or {@code envKey}: exactly one of them when {@code required},
   * at most one otherwise. The file must exist and be readable; a file every user may read is a
   * warning (Kubernetes mounts secrets 0644 unless told otherwise). The variable must be set and
   * not empty. Nothing is kept of the value.
   */
  Optional<SecretSource> read(
      final SectionReader section,
      final String fileKey,
      final String envKey,
      final String what,
      final boolean required) {
    final boolean hasFile = section.has(fileKey);
    final boolean hasEnv = section.has(envKey);
    if (hasFile && hasEnv) {
      problems.error(
          section.path(envKey), "set either " + fileKey + " or " + envKey + ", not both");
      return Optional.empty();
    }
    if (!hasFile && !hasEnv) {
      if (required) {
        problems.error(section.path(), "needs " + what + ": set " + fileKey + " or " + envKey);
      }
      return Optional.empty();
    }
    if (hasFile) {
      return section
          .filePath(fileKey)
          .filter(file -> isUsableSecretFile(section.path(fileKey), file))
          .map(SecretSource::file);
    }
    return section
        .text(envKey)
        .filter(
            name -> {
              if (!ENVIRONMENT_NAME.matcher(name).matches()) {
                problems.error(
                    section.path(envKey), "'" + name + "' is not an environment variable name");
                return false;
              }
              variables.add(name);
              final String value = environment.get(name);
              if (value == null) {
                problems.error(
                    section.path(envKey), "environment variable " + name + " is not set");
                return false;
              }
              if (value.isBlank()) {
                problems.error(section.path(envKey), "environment variable " + name + " is empty");
                return false;
              }
              return true;
            })
        .map(name -> SecretSource.environment(name, environment));
  }

  private boolean isUsableSecretFile(final String path, final Path file) {
    if (!Files.exists(file)) {
      problems.error(path, "file " + file + " does not exist");
      return false;
    }
    if (!Files.isRegularFile(file)) {
      problems.error(path, file + " is not a regular file");
      return false;
    }
    if (!Files.isReadable(file)) {
      problems.error(path, "file " + file + " cannot be read (permission denied)");
      return false;
    }
    try {
      if (Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ)) {
        problems.warning(
            path, "file " + file + " can be read by every user of this machine (chmod 600 it)");
      }
    } catch (UnsupportedOperationException | IOException e) {
      // No POSIX permissions on this file system: nothing to check.
    }
    return true;
  }
}
