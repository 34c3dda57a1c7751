package io.jenkins.plugins.lambdaverify.jenkins;

import hudson.Launcher;
import hudson.Proc;
import hudson.console.LineTransformationOutputStream;
import hudson.model.TaskListener;
import io.jenkins.plugins.lambdaverify.engine.ProcessRunner;
import io.jenkins.plugins.lambdaverify.platform.HostPlatform;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the engine's external commands (e.g. {@code sam deploy} for a rollback) on the agent, where the verification
 * runs, through Jenkins' Launcher: argument lists, never a shell. The caller masks secrets in the lines it gets.
 *
 * <p>A local launcher of the agent JVM: the step's own Launcher cannot travel inside the callable, so launcher
 * decorators around the step (kubernetes {@code container()}, {@code docker.image().inside}) do not apply; the
 * commands run in the agent's own container (docs/jenkins.md says so).
 */
final class AgentProcessRunner implements ProcessRunner {
    private final TaskListener listener;

    AgentProcessRunner(TaskListener listener) {
        this.listener = listener;
    }

    @Override
    public Result run(
            List<String> command, Map<String, String> env, Path workDir, Duration timeout, Consumer<String> outputLine)
            throws IOException, InterruptedException {
        Launcher launcher = new Launcher.LocalLauncher(listener);
        try (OutputStream lines = new Lines(outputLine)) {
            long started = System.nanoTime();
            Proc proc = launcher.launch()
                    .cmds(program(command, env))
                    .envs(env)
                    .pwd(workDir.toFile())
                    .stdout(lines) // stderr is bundled into stdout by default
                    .quiet(true) // the engine prints the (masked) command line itself
                    .start();
            int exit = proc.joinWithTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS, listener);
            boolean timedOut = System.nanoTime() - started >= timeout.toNanos();
            return new Result(exit, timedOut);
        }
    }

    /**
     * On a Windows agent a bare {@code sam} is {@code sam.cmd}, which the JVM does not find by itself: resolve it on
     * the PATH the command gets (the step's, else the agent's), as core's LocalProcessRunner does in the CLI.
     */
    static List<String> program(List<String> command, Map<String, String> env) {
        HostPlatform platform = HostPlatform.current();
        String path = env.get("PATH") != null ? env.get("PATH") : env.get("Path");
        return (path != null ? platform.withPath(path) : platform).resolveProgram(command);
    }

    /** Hands each output line to the engine. */
    private static final class Lines extends LineTransformationOutputStream {
        private final Consumer<String> consumer;

        Lines(Consumer<String> consumer) {
            this.consumer = consumer;
        }

        @Override
        protected void eol(byte[] b, int len) {
            consumer.accept(trimEOL(new String(b, 0, len, StandardCharsets.UTF_8)));
        }
    }
}
