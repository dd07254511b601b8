package io.xrelay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code shared/fixtures} beside the project checkout: from {@code -Dxrelay.fixtures=DIR},
 * else by walking up from the working directory to a folder that has {@code ../shared/fixtures}.
 */
public final class Fixtures {
  private Fixtures() {}

  public static Path root() {
    final String configured = System.getProperty("xrelay.fixtures");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      final Path candidate = dir.resolve("../shared/fixtures").normalize();
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      final Path inside = dir.resolve("shared/fixtures");
      if (Files.isDirectory(inside)) {
        return inside;
      }
    }
    throw new IllegalStateException("shared/fixtures not found; pass -Dxrelay.fixtures=DIR");
  }

  public static byte[] read(final String relativePath) {
    try {
      return Files.readAllBytes(root().resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
