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

/** Reads the real data in {@code shared/fixtures} as bytes, text or JSON. */
public final class FixtureFiles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = io.xrelay.testing.SharedFixtures.root();

  private FixtureFiles() {}

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
