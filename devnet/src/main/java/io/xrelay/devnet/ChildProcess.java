package io.xrelay.devnet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A devnet process whose output goes to a log file (so it outlives the launcher when detached), and
 * that is stopped together with its descendants.
 */
final class ChildProcess {
  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(final String name, final Process process, final Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ChildProcess start(
      final String name, final List<String> command, final Path workDir, final Path log) {
    try {
      Files.createDirectories(log.getParent());
      final Process process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      return new ChildProcess(name, process, log);
    } catch (IOException e) {
      throw new DevnetException(
          "cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
    }
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  /**
   * Waits until every pattern has matched a line of the log; returns the first group of each.
   *
   * @throws DevnetException when the process exits or the time runs out first
   */
  String[] awaitLog(final Duration timeout, final Pattern... patterns) {
    final Instant deadline = Instant.now().plus(timeout);
    final String[] found = new String[patterns.length];
    while (Instant.now().isBefore(deadline)) {
      final String text = readLog();
      boolean all = true;
      for (int i = 0; i < patterns.length; i++) {
        final Matcher matcher = patterns[i].matcher(text);
        if (matcher.find()) {
          found[i] = matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
        } else {
          all = false;
        }
      }
      if (all) {
        return found;
      }
      if (!process.isAlive()) {
        throw new DevnetException(
            name + " exited with status " + process.exitValue() + " while starting; see " + log);
      }
      sleep(100);
    }
    throw new DevnetException(
        name + " did not become ready within " + timeout.toSeconds() + " s; see " + log);
  }

  private String readLog() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  void stop() {
    stop(process.pid());
  }

  /** Stops a process and its descendants: SIGTERM, then SIGKILL after a grace period. */
  static void stop(final long pid) {
    final Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) {
      return;
    }
    final List<ProcessHandle> tree = new java.util.ArrayList<>(handle.get().descendants().toList());
    tree.add(0, handle.get());
    tree.forEach(ProcessHandle::destroy);
    final Instant deadline = Instant.now().plusSeconds(5);
    while (Instant.now().isBefore(deadline) && tree.stream().anyMatch(ProcessHandle::isAlive)) {
      sleep(50);
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  static boolean isAlive(final long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static void sleep(final long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevnetException("interrupted");
    }
  }
}
