package io.jenkins.plugins.lambdaverify.spec;

/** One thing wrong with a spec, where it was written. */
public record SpecProblem(SourceLocation location, String message) {
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
