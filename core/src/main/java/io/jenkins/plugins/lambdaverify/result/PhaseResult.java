package io.jenkins.plugins.lambdaverify.result;

import java.time.Duration;
import java.util.List;

/** The checks of one phase, in the order they were written. */
public record PhaseResult(String name, List<CheckResult> checks, Duration duration) {
    public PhaseResult {
        checks = List.copyOf(checks);
    }

    public long count(Outcome outcome) {
        return checks.stream().filter(c -> c.outcome() == outcome).count();
    }

    public boolean passed() {
        return count(Outcome.FAILED) == 0 && count(Outcome.ERROR) == 0;
    }
}
