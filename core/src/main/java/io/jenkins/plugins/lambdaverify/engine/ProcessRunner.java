package io.jenkins.plugins.lambdaverify.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Port: runs an external command (e.g. {@code sam deploy}) as an argument list, never through a shell.
 * The CLI uses a ProcessBuilder; Jenkins the step's Launcher on the agent.
 */
public interface ProcessRunner {

    /**
     * @param command    program and arguments
     * @param env        variables added to the inherited environment
     * @param workDir    working directory
     * @param timeout    killed after this long
     * @param outputLine each line of stdout and stderr, as it comes
     */
    Result run(List<String> command, Map<String, String> env, Path workDir, Duration timeout,
               Consumer<String> outputLine) throws IOException, InterruptedException;

    /** Exit code, or {@code timedOut} when it was killed. */
    record Result(int exitCode, boolean timedOut) {
        public boolean succeeded() {
            return !timedOut && exitCode == 0;
        }
    }
}
