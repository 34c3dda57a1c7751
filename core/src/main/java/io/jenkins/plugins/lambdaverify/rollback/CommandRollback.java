package io.jenkins.plugins.lambdaverify.rollback;

import io.jenkins.plugins.lambdaverify.engine.ProcessRunner;
import io.jenkins.plugins.lambdaverify.engine.ProgressListener;
import io.jenkins.plugins.lambdaverify.engine.Redactor;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Runs a rollback command (an argument list: {@code sam deploy ...} or the user's own) through the
 * {@link ProcessRunner} port, streaming its masked output, and turns how it ended into a {@link RollbackOutcome}.
 */
public final class CommandRollback {
    static final int KEPT_LINES = 200;

    private final ProcessRunner runner;
    private final ProgressListener listener;
    private final Redactor redactor;

    public CommandRollback(ProcessRunner runner, ProgressListener listener, Redactor redactor) {
        this.runner = runner;
        this.listener = listener;
        this.redactor = redactor;
    }

    /**
     * @param strategy {@code sam} or {@code command}, for the report
     * @param from     what failed verification (version or artifact), for the report
     * @param to       what is being restored, for the report
     */
    public RollbackOutcome run(String strategy, List<String> command, Map<String, String> env, Path workDir,
                               Duration timeout, boolean dryRun, String from, String to) {
        String shown = redactor.text(String.join(" ", command.stream().map(CommandRollback::quote).toList()));
        if (dryRun) {
            return new RollbackOutcome(strategy, Status.DRY_RUN, "would run: " + shown, from, to, List.of());
        }
        listener.info("rollback: running " + shown);
        Deque<String> kept = new ArrayDeque<>();
        try {
            ProcessRunner.Result r = runner.run(command, env, workDir, timeout, line -> {
                String masked = redactor.text(line);
                listener.info("  " + masked);
                synchronized (kept) {
                    kept.addLast(masked);
                    if (kept.size() > KEPT_LINES) {
                        kept.removeFirst();
                    }
                }
            });
            List<String> output;
            synchronized (kept) {
                output = List.copyOf(kept);
            }
            if (r.timedOut()) {
                return new RollbackOutcome(strategy, Status.FAILED, command.get(0) + " did not finish within "
                        + timeout.toMinutes() + " min and was killed", from, to, output);
            }
            if (r.exitCode() != 0) {
                return new RollbackOutcome(strategy, Status.FAILED, command.get(0) + " exited with code "
                        + r.exitCode(), from, to, output);
            }
            return new RollbackOutcome(strategy, Status.DONE, "rolled back: " + shown, from, to, output);
        } catch (IOException e) {
            return new RollbackOutcome(strategy, Status.FAILED, e.getMessage(), from, to, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RollbackOutcome(strategy, Status.FAILED, "aborted while " + command.get(0)
                    + " was running: the stack may be mid-update, check it", from, to, List.copyOf(kept));
        }
    }

    private static String quote(String arg) {
        return arg.isEmpty() || arg.chars().anyMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '"')
                ? "'" + arg.replace("'", "'\\''") + "'" : arg;
    }
}
