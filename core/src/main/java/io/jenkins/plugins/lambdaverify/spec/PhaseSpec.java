package io.jenkins.plugins.lambdaverify.spec;

import java.util.List;

/** A named group of checks that run concurrently; phases run in order. */
public record PhaseSpec(String name, List<CheckSpec> checks, SourceLocation location) {
    public PhaseSpec {
        checks = List.copyOf(checks);
    }
}
