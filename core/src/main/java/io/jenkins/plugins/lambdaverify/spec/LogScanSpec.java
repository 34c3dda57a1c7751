package io.jenkins.plugins.lambdaverify.spec;

import java.time.Duration;
import java.util.List;

/**
 * The log scan after the checks.
 *
 * @param enabled        scan at all (default true where logs are available)
 * @param useDefaults    include the built-in patterns for the runtime (ModuleNotFoundError, Task timed out, ...)
 * @param patterns       user patterns
 * @param ignore         regexes: matching lines are never findings
 * @param settle         how long to keep polling for late events (CloudWatch ingestion lag)
 * @param quietPeriod    stop settling once no new event arrived for this long
 * @param logGroup       log group override (default: the function's)
 */
public record LogScanSpec(boolean enabled, boolean useDefaults, List<LogPatternSpec> patterns, List<String> ignore,
                          Duration settle, Duration quietPeriod, String logGroup) {
    public LogScanSpec {
        patterns = List.copyOf(patterns);
        ignore = List.copyOf(ignore);
    }

    public static LogScanSpec defaults() {
        return new LogScanSpec(true, true, List.of(), List.of(), Duration.ofSeconds(30), Duration.ofSeconds(5), null);
    }
}
