package io.jenkins.plugins.lambdaverify.cli;

import io.jenkins.plugins.lambdaverify.engine.ProgressListener;
import io.jenkins.plugins.lambdaverify.report.ConsoleProgress;
import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import java.io.PrintWriter;

/** Progress as it happens, one line per finished check, to stderr (stdout stays for the summary). */
final class StderrProgress implements ProgressListener {
    private final PrintWriter err;
    private final ConsoleProgress format;
    private final boolean checks;

    /** @param checks whether to print a line per check (a terminal), or only phase and info lines */
    StderrProgress(PrintWriter err, ConsoleProgress format, boolean checks) {
        this.err = err;
        this.format = format;
        this.checks = checks;
    }

    @Override
    public synchronized void phaseStarted(String phase, int count) {
        print(format.phaseStarted(phase, count));
    }

    @Override
    public synchronized void checkFinished(CheckResult result) {
        if (checks) {
            print(format.checkFinished(result));
        }
    }

    @Override
    public synchronized void phaseFinished(PhaseResult result) {
        print(format.phaseFinished(result));
    }

    @Override
    public synchronized void info(String message) {
        print(message);
    }

    private void print(String line) {
        err.println(line);
        err.flush();
    }

    /** Whether stderr is a terminal (Java 22+ can tell; on 21 a console means a terminal). */
    static boolean terminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
