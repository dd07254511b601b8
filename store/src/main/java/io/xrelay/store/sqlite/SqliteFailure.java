package io.xrelay.store.sqlite;

import io.xrelay.store.StoreException;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite errors into {@link StoreException}s, retryable when waiting can help. */
final class SqliteFailure {
  private SqliteFailure() {}

  static StoreException of(final String operation, final SQLException e) {
    return new StoreException(operation + " failed: " + e.getMessage(), isRetryable(e), e);
  }

  private static boolean isRetryable(final SQLException e) {
    if (!(e instanceof SQLiteException)) {
      return false;
    }
    final SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
    // Busy and locked clear when the other connection finishes; a full disk when space is freed.
    // Corruption, a read-only file, I/O errors and misuse need an operator.
    return code.name().startsWith("SQLITE_BUSY")
        || code.name().startsWith("SQLITE_LOCKED")
        || code == SQLiteErrorCode.SQLITE_FULL;
  }
}
