package io.jenkins.plugins.lambdaverify.check;

import java.util.List;

/** The unmet expectations of one response; empty means passed. */
public record Evaluation(List<String> failures) {
    public Evaluation {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
