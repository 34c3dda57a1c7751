package io.jenkins.plugins.lambdaverify.spec;

import java.time.Duration;

/**
 * One check: a request and what its response must satisfy (phase defaults already merged in).
 *
 * @param name     readable name; derived from the request and expectation when not written
 * @param request  the request
 * @param expect   the effective expectation
 * @param timeout  per-check timeout, or {@code null} for the run's default
 * @param location where it was written
 */
public record CheckSpec(String name, RequestSpec request, Expectation expect, Duration timeout,
                        SourceLocation location) {
}
