package io.jenkins.plugins.lambdaverify.spec;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which statuses are acceptable: a set of codes and/or classes ({@code 2xx}), or "not 5xx" (the code loaded).
 * Sets keep the written order for display.
 *
 * @param codes       exact codes, e.g. [401, 307]
 * @param classes     hundreds digits, e.g. [2] for {@code 2xx}
 * @param notServerError "not 5xx": anything below 500 passes
 */
public record StatusExpectation(List<Integer> codes, List<Integer> classes, boolean notServerError) {

    public static final StatusExpectation NOT_5XX = new StatusExpectation(List.of(), List.of(), true);

    public StatusExpectation {
        codes = List.copyOf(codes);
        classes = List.copyOf(classes);
    }

    public boolean accepts(int status) {
        if (notServerError && status < 500) {
            return true;
        }
        return codes.contains(status) || classes.contains(status / 100);
    }

    /** e.g. {@code 401|307}, {@code 2xx}, {@code not 5xx}. */
    public String describe() {
        if (notServerError && codes.isEmpty() && classes.isEmpty()) {
            return "not 5xx";
        }
        String parts = java.util.stream.Stream.concat(codes.stream().map(String::valueOf),
                classes.stream().map(c -> c + "xx")).collect(Collectors.joining("|"));
        return notServerError ? parts + "|not 5xx" : parts;
    }

    Set<Integer> sortedCodes() {
        return new TreeSet<>(codes);
    }
}
