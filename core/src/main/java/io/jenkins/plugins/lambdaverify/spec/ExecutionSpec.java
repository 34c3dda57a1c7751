package io.jenkins.plugins.lambdaverify.spec;

import java.time.Duration;

/**
 * How the checks run.
 *
 * @param concurrency       checks in flight at once inside a phase (default 8)
 * @param checkTimeout      default per-check timeout; {@code null}: the function's timeout when known, else 30 s
 * @param deadline          the whole run's deadline (default 10 minutes)
 * @param stopOnFailure     skip later phases once a phase failed
 */
public record ExecutionSpec(int concurrency, Duration checkTimeout, Duration deadline, boolean stopOnFailure) {
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);

    public static ExecutionSpec defaults() {
        return new ExecutionSpec(DEFAULT_CONCURRENCY, null, DEFAULT_DEADLINE, false);
    }
}
