package io.jenkins.plugins.lambdaverify.jenkins;

import io.jenkins.plugins.lambdaverify.engine.ProgressListener;
import io.jenkins.plugins.lambdaverify.report.ConsoleProgress;
import io.jenkins.plugins.lambdaverify.report.SecretMasker;
import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import java.io.PrintStream;

/**
 * The engine's progress in the build log (on the agent, through the remotable listener): core's lines, the CLI's
 * format, masked and one line each, prefixed so they can be told apart from the rest of the log. ASCII marks
 * ({@code ok}, {@code FAIL}, {@code ERR}, {@code skip}): a build log is read in whatever encoding the agent wrote it.
 */
final class BuildLogProgress implements ProgressListener {
    static final String PREFIX = "[lambda-verify] ";

    private final PrintStream out;
    private final ConsoleProgress format;

    BuildLogProgress(PrintStream out, SecretMasker masker) {
        this.out = out;
        this.format = new ConsoleProgress(masker, true);
    }

    @Override
    public void phaseStarted(String phase, int checks) {
        print(format.phaseStarted(phase, checks));
    }

    @Override
    public void checkFinished(CheckResult result) {
        print(format.checkFinished(result));
    }

    @Override
    public void phaseFinished(PhaseResult result) {
        print(format.phaseFinished(result));
    }

    @Override
    public void info(String message) {
        print(message);
    }

    private void print(String line) {
        synchronized (out) { // called from the engine's worker threads
            out.println(PREFIX + line);
        }
    }
}
