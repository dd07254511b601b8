package io.xrelay.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real chain data in {@code shared/fixtures}, which lives beside the project checkout:
 * from {@code -Dxrelay.fixtures=DIR}, else by walking up from the working directory (Maven runs
 * each module's tests in the module's folder).
 */
public final class SharedFixtures {
  private static volatile Path root;

  private SharedFixtures() {}

  public static Path root() {
    Path found = root;
    if (found == null) {
      found = locate();
      root = found;
    }
    return found;
  }

  public static Path path(final String relativePath) {
    return root().resolve(relativePath);
  }

  public static byte[] read(final String relativePath) {
    try {
      return Files.readAllBytes(path(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String readString(final String relativePath) {
    return new String(read(relativePath), StandardCharsets.UTF_8);
  }

  private static Path locate() {
    final String configured = System.getProperty("xrelay.fixtures");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (final Path candidate :
          new Path[] {dir.resolve("shared/fixtures"), dir.resolve("../shared/fixtures")}) {
        if (Files.isDirectory(candidate)) {
          return candidate.normalize();
        }
      }
    }
    throw new IllegalStateException(
        "shared/fixtures not found above "
            + Path.of("").toAbsolutePath()
            + "; pass -Dxrelay.fixtures=DIR");
  }
}
