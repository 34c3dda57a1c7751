package io.jenkins.plugins.lambdaverify.spec;

import java.util.List;
import java.util.stream.Collectors;

/** The spec cannot be used: every problem found, each with file:line:column. A user mistake, never a bug. */
public class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<SpecProblem> problems;

    public SpecException(List<SpecProblem> problems) {
        super(problems.stream().map(SpecProblem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    public SpecException(SourceLocation location, String message) {
        this(List.of(new SpecProblem(location, message)));
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
