package io.xrelay.store.sqlite;

/**
 * What a committed change of the SQLite store survives. Both keep the database consistent; they
 * differ in whether the last commits can be lost when the machine (not the process) goes down.
 */
public enum SqliteDurability {
  /**
   * {@code synchronous=NORMAL} in WAL mode: a commit is in the write-ahead log (the OS page cache)
   * when its future completes, so it survives a kill of the process at any moment. A power loss or
   * kernel crash can drop the last commits, always a suffix of them, never a torn one.
   */
  PROCESS_CRASH("NORMAL"),
  /**
   * {@code synchronous=FULL}: the write-ahead log is fsynced at every commit, so a commit also
   * survives a power loss, at the cost of one fsync per change.
   */
  POWER_LOSS("FULL");

  private final String synchronousPragma;

  SqliteDurability(final String synchronousPragma) {
    this.synchronousPragma = synchronousPragma;
  }

  String synchronousPragma() {
    return synchronousPragma;
  }
}
