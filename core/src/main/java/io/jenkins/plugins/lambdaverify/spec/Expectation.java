package io.jenkins.plugins.lambdaverify.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a check's response must satisfy. A {@code null} status means "not given": the phase default
 * applies, and without one, "not 5xx".
 */
public record Expectation(StatusExpectation status, List<HeaderExpectation> headers, List<JsonExpectation> json,
                          List<String> bodyContains, Duration maxLatency) {

    public static final Expectation NONE = new Expectation(null, List.of(), List.of(), List.of(), null);

    public Expectation {
        headers = List.copyOf(headers);
        json = List.copyOf(json);
        bodyContains = List.copyOf(bodyContains);
    }

    /** This check-level expectation over phase-level {@code defaults}: scalars override, lists add up. */
    public Expectation over(Expectation defaults) {
        return new Expectation(status != null ? status : defaults.status,
                concat(defaults.headers, headers), concat(defaults.json, json),
                concat(defaults.bodyContains, bodyContains),
                maxLatency != null ? maxLatency : defaults.maxLatency);
    }

    public StatusExpectation effectiveStatus() {
        return status != null ? status : StatusExpectation.NOT_5XX;
    }

    /** e.g. {@code status 401|307, header Location ~ /login/}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("status " + effectiveStatus().describe());
        headers.forEach(h -> parts.add(h.describe()));
        json.forEach(j -> parts.add(j.describe()));
        bodyContains.forEach(b -> parts.add("body contains \"" + b + "\""));
        if (maxLatency != null) {
            parts.add("latency <= " + maxLatency.toMillis() + " ms");
        }
        return String.join(", ", parts);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
