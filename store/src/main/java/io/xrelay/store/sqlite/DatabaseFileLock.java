package io.xrelay.store.sqlite;

import io.xrelay.store.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code <database>.lock}, held while a store has the database open, so two
 * relayers never share one SQLite file by mistake. The OS drops the lock when the process dies,
 * even by SIGKILL, so there is no stale lock to clean up. A separate file is locked, not the
 * database itself: POSIX locks are per process, and SQLite's own locks on the database file would
 * be released along with ours whenever either side closes a descriptor of it.
 */
public final class DatabaseFileLock implements AutoCloseable {
  private final Path lockFile;
  private final FileChannel channel;
  private final FileLock lock;

  private DatabaseFileLock(final Path lockFile, final FileChannel channel, final FileLock lock) {
    this.lockFile = lockFile;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file that guards {@code databaseFile}. */
  public static Path lockFileOf(final Path databaseFile) {
    return databaseFile.resolveSibling(databaseFile.getFileName() + ".lock");
  }

  /**
   * Takes the lock of {@code databaseFile} or fails at once with a non-retryable {@link
   * StoreException} naming the file when another process (or another store in this process) holds
   * it.
   */
  public static DatabaseFileLock acquire(final Path databaseFile) {
    final Path lockFile = lockFileOf(databaseFile);
    final FileChannel channel;
    try {
      final Path parent = lockFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new StoreException("cannot open the lock file " + lockFile + ": " + e, false, e);
    }
    try {
      final FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(databaseFile, null);
      }
      return new DatabaseFileLock(lockFile, channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw inUse(databaseFile, e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StoreException("cannot lock " + lockFile + ": " + e, false, e);
    } catch (StoreException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  public Path lockFile() {
    return lockFile;
  }

  public boolean isHeld() {
    return lock.isValid();
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases it anyway.
    }
    closeQuietly(channel);
  }

  private static StoreException inUse(final Path databaseFile, final Throwable cause) {
    return new StoreException(
        "the database "
            + databaseFile
            + " is in use by another relayer (its lock file "
            + lockFileOf(databaseFile)
            + " is held); each relayer needs its own data directory",
        false,
        cause);
  }

  private static void closeQuietly(final FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing left to release.
    }
  }
}
