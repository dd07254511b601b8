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
  // Where this run's output starts in the log: a restarted process appends to its old log.
  private final long logStart;

  private ChildProcess(
      final String name, final Process process, final Path log, final long logStart) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.logStart = logStart;
  }

  static ChildProcess start(
      final String name, final List<String> command, final Path workDir, final Path log) {
    return start(name, command, workDir, log, false);
  }

  /**
   * As {@link #start(String, List, Path, Path)}; with {@code append}, the output goes after what
   * the log holds and {@link #awaitLog} looks only at the new output.
   */
  static ChildProcess start(
      final String name,
      final List<String> command,
      final Path workDir,
      final Path log,
      final boolean append) {
    try {
      Files.createDirectories(log.getParent());
      final long logStart = append && Files.exists(log) ? Files.size(log) : 0;
      final Process process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(
                  append
                      ? ProcessBuilder.Redirect.appendTo(log.toFile())
                      : ProcessBuilder.Redirect.to(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      return new ChildProcess(name, process, log, logStart);
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
      if (!Files.exists(log)) {
        return "";
      }
      final byte[] bytes = Files.readAllBytes(log);
      final int from = (int) Math.min(logStart, bytes.length);
      return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  void stop() {
    stop(process.pid());
  }

  /** Stops a process and its descendants: SIGTERM, then SIGKILL after a grace period of 5 s. */
  static void stop(final long pid) {
    stop(pid, Duration.ofSeconds(5));
  }

  /**
   * Stops a process and its descendants: SIGTERM, then SIGKILL after {@code grace}.
   *
   * @return whether all of them exited within the grace period (none had to be killed)
   */
  static boolean stop(final long pid, final Duration grace) {
    final Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) {
      return true;
    }
    final List<ProcessHandle> tree = new java.util.ArrayList<>(handle.get().descendants().toList());
    tree.add(0, handle.get());
    tree.forEach(ProcessHandle::destroy);
    final Instant deadline = Instant.now().plus(grace);
    while (Instant.now().isBefore(deadline) && tree.stream().anyMatch(ProcessHandle::isAlive)) {
      sleep(50);
    }
    final List<ProcessHandle> left = tree.stream().filter(ProcessHandle::isAlive).toList();
    left.forEach(ProcessHandle::destroyForcibly);
    return left.isEmpty();
  }

  /** The executable of a live process, when the system tells. */
  static Optional<String> command(final long pid) {
    return ProcessHandle.of(pid).flatMap(handle -> handle.info().command());
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
