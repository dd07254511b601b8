package io.xrelay.xcm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xrelay.testing.SharedFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the real data of {@code shared/fixtures} (located by {@link SharedFixtures}). */
public final class TestFixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestFixtures() {}

  public static Path root() {
    return SharedFixtures.root();
  }

  public static Path path(final String relative) {
    return root().resolve(relative);
  }

  public static String text(final String relative) {
    try {
      return Files.readString(path(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One JSON value per non-blank line. */
  public static List<JsonNode> jsonLines(final String relative) {
    final List<JsonNode> out = new ArrayList<>();
    for (final String line : text(relative).split("\n")) {
      if (!line.isBlank()) {
        try {
          out.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return out;
  }

  public static List<Path> list(final String relativeDir, final String suffix) {
    try (var stream = Files.list(path(relativeDir))) {
      return stream.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
