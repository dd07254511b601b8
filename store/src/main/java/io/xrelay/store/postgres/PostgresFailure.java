package io.xrelay.store.postgres;

import io.vertx.core.VertxException;
import io.vertx.sqlclient.DatabaseException;
import io.xrelay.store.StoreException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Turns PostgreSQL client failures into {@link StoreException}s, retryable when waiting can help.
 */
final class PostgresFailure {
  /**
   * SQLSTATE classes and codes that a later attempt can get past: connection exceptions (08),
   * serialization failures and deadlocks (40001, 40P01), lock not available (55P03), insufficient
   * resources (53), operator intervention such as a server restart (57P01-57P03), system errors
   * (58).
   */
  private static final Set<String> RETRYABLE_CLASSES = Set.of("08", "53", "58");

  private static final Set<String> RETRYABLE_CODES =
      Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03");

  private PostgresFailure() {}

  static StoreException of(final String operation, final Throwable failure) {
    if (failure instanceof StoreException) {
      return (StoreException) failure;
    }
    return new StoreException(
        operation + " failed: " + describe(failure), isRetryable(failure), failure);
  }

  static boolean isRetryable(final Throwable failure) {
    if (failure instanceof DatabaseException) {
      final String state = ((DatabaseException) failure).getSqlState();
      return state != null
          && (RETRYABLE_CODES.contains(state)
              || (state.length() == 5 && RETRYABLE_CLASSES.contains(state.substring(0, 2))));
    }
    // Not an answer from the database: the connection broke, timed out or could not be made.
    return failure instanceof VertxException
        || failure instanceof IOException
        || failure instanceof TimeoutException;
  }

  private static String describe(final Throwable failure) {
    if (failure instanceof DatabaseException) {
      return failure.getMessage()
          + " (SQLSTATE "
          + ((DatabaseException) failure).getSqlState()
          + ")";
    }
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }
}
