package io.jenkins.plugins.lambdaverify.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a client as a user would (a new process), and times it from spawn to exit. */
final class Processes {
    private Processes() {
    }

    /** One timed run: wall time from just before the spawn to the exit, the exit code and the output. */
    record Timed(long startNanos, long wallNanos, int exitCode, String stdout, String stderr) {
        double seconds() {
            return wallNanos / 1e9;
        }

        String failure(String what) {
            String tail = (stderr + stdout).strip();
            if (tail.length() > 600) {
                tail = "..." + tail.substring(tail.length() - 600);
            }
            return what + " exited " + exitCode + ": " + tail;
        }
    }

    static Timed run(List<String> command, Path dir, Map<String, String> env, long timeoutSeconds) {
        try {
            Files.createDirectories(dir);
            Path out = Files.createTempFile(dir, "stdout", ".txt");
            Path err = Files.createTempFile(dir, "stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            long start = System.nanoTime();
            Process p = builder.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            long wall = System.nanoTime() - start;
            Timed t = new Timed(start, wall, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return t;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** The first line a command prints (for versions), or null when it cannot run. */
    static String firstLine(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out.isEmpty() ? "" : out.lines().findFirst().orElse("");
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A clean environment for the clients: dummy keys, no user profile, no metadata service, no pager. */
    static Map<String, String> clientEnvironment(Path home) {
        return Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "HOME", home.toString(),
                "LANG", "C.UTF-8",
                "AWS_ACCESS_KEY_ID", "AKIDBENCHMARK",
                "AWS_SECRET_ACCESS_KEY", "benchmark",
                "AWS_REGION", "eu-west-1",
                "AWS_DEFAULT_REGION", "eu-west-1",
                "AWS_EC2_METADATA_DISABLED", "true",
                "AWS_PAGER", "");
    }

    /**
     * JVM options for the forked measuring JVMs from {@code -Dbench.forkJvmArgs} (space-separated), e.g. a
     * {@code -XX:StartFlightRecording=...} to profile what a measurement spends its time on.
     */
    static List<String> forkJvmArgs() {
        String args = System.getProperty("bench.forkJvmArgs", "").strip();
        return args.isEmpty() ? List.of() : List.of(args.split("\\s+"));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
