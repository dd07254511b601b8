package io.xrelay.proofs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds {@code shared/fixtures}: Maven runs tests in the module folder, so it walks up from the
 * working directory until a {@code shared/fixtures} sits beside or below one of its parents.
 */
public final class FixtureFiles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = locate();

  private FixtureFiles() {}

  private static Path locate() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (final Path candidate :
          List.of(dir.resolve("shared/fixtures"), dir.resolve("../shared/fixtures"))) {
        if (Files.isDirectory(candidate)) {
          return candidate.normalize();
        }
      }
    }
    throw new IllegalStateException(
        "shared/fixtures not found above " + Path.of("").toAbsolutePath());
  }

  public static Path path(final String relative) {
    return ROOT.resolve(relative);
  }

  public static byte[] bytes(final String relative) {
    try {
      return Files.readAllBytes(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(final String relative) {
    return new String(bytes(relative), StandardCharsets.UTF_8).trim();
  }

  public static JsonNode json(final String relative) {
    try {
      return JSON.readTree(path(relative).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Files directly inside a fixture folder, sorted by name. */
  public static List<Path> list(final String relativeDirectory) {
    try (Stream<Path> files = Files.list(path(relativeDirectory))) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
