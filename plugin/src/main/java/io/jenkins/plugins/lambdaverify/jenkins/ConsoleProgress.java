package io.jenkins.plugins.lambdaverify.jenkins;

import io.jenkins.plugins.lambdaverify.engine.ProgressListener;
import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import java.io.PrintStream;

/**
 * The engine's progress, one line per event, in the build log (on the agent, through the remotable listener).
 * Everything printed comes already masked from the engine.
 */
final class ConsoleProgress implements ProgressListener {
    private final PrintStream out;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void phaseStarted(String phase, int checks) {
        print("[lambda-verify] phase " + phase + ": " + checks + " check(s)");
    }

    @Override
    public void checkFinished(CheckResult result) {
        StringBuilder line = new StringBuilder("[lambda-verify]   ")
                .append(result.outcome())
                .append(' ')
                .append(result.name());
        if (result.statusCode() != null) {
            line.append(" -> ").append(result.statusCode());
        }
        if (result.outcome() != Outcome.SKIPPED) {
            line.append(" (").append(result.latency().toMillis()).append(" ms");
            if (result.coldStart()) {
                line.append(", cold start");
            }
            line.append(')');
        }
        if (result.outcome() == Outcome.FAILED && !result.failures().isEmpty()) {
            line.append(": ").append(String.join("; ", result.failures()));
        } else if (result.errorMessage() != null) {
            line.append(": ").append(result.errorMessage());
        }
        print(line.toString());
    }

    @Override
    public void phaseFinished(PhaseResult result) {
        // A phase whose checks were all skipped (aborted, deadline, stop on failure) proved nothing: never "passed".
        boolean nothingRan = result.count(Outcome.SKIPPED) == result.checks().size()
                && !result.checks().isEmpty();
        String verdict = nothingRan ? "not run" : result.passed() ? "passed" : "FAILED";
        print("[lambda-verify] phase " + result.name() + " " + verdict + " ("
                + result.count(Outcome.PASSED) + " passed, " + result.count(Outcome.FAILED) + " failed, "
                + result.count(Outcome.ERROR) + " errors, " + result.count(Outcome.SKIPPED) + " skipped)");
    }

    @Override
    public void info(String message) {
        print("[lambda-verify] " + message);
    }

    private void print(String line) {
        synchronized (out) { // called from the engine's worker threads
            out.println(line);
        }
    }
}
