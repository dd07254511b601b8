package io.xrelay.store.postgres;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 64-bit key of a PostgreSQL advisory lock for a name in a namespace: the first eight bytes of
 * SHA-256(namespace, 0x00, name), big-endian.
 *
 * <p>The key must never change between releases: during a rolling upgrade an old and a new instance
 * that computed different keys for one route would both own it.
 */
public final class AdvisoryLockKey {
  private AdvisoryLockKey() {}

  public static long of(final String namespace, final String name) {
    final MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
    sha256.update(namespace.getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) 0);
    sha256.update(name.getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(sha256.digest()).getLong();
  }
}
