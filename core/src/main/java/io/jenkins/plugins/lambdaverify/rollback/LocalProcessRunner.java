package io.jenkins.plugins.lambdaverify.rollback;

import io.jenkins.plugins.lambdaverify.engine.ProcessRunner;
import io.jenkins.plugins.lambdaverify.platform.HostPlatform;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a command with {@link ProcessBuilder}: an argument list, never a shell, so arguments with spaces or quotes
 * arrive as they are. Output (stdout and stderr merged) is streamed line by line; on timeout or interrupt the
 * whole process tree is killed. On Windows the program is looked up with {@code PATHEXT} ({@code sam} is
 * {@code sam.cmd} there), which {@link ProcessBuilder} alone does not do.
 */
public final class LocalProcessRunner implements ProcessRunner {
    private final HostPlatform platform;

    public LocalProcessRunner() {
        this(HostPlatform.current());
    }

    LocalProcessRunner(HostPlatform platform) {
        this.platform = platform;
    }

    @Override
    public Result run(List<String> command, Map<String, String> env, Path workDir, Duration timeout,
                      Consumer<String> outputLine) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(platform.resolveProgram(command)).redirectErrorStream(true);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        pb.environment().putAll(env);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot run '" + command.get(0) + "': not found on PATH or not executable", e);
        }
        process.getOutputStream().close();
        Thread pump = Thread.ofPlatform().daemon().name("lambda-verify-process-output").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    outputLine.accept(line);
                }
            } catch (IOException e) {
                // the process was killed: nothing more to read
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                pump.join(2_000);
                return new Result(-1, true);
            }
            pump.join(5_000);
            return new Result(process.exitValue(), false);
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
