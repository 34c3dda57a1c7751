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
 * @param required       a scan that cannot read the logs (access denied, no log group, deadline) fails the run as
 *                       an infrastructure error; when {@code false} (default) the checks' verdict stands and the
 *                       reports say the logs went unread
 */
public record LogScanSpec(boolean enabled, boolean useDefaults, List<LogPatternSpec> patterns, List<String> ignore,
                          Duration settle, Duration quietPeriod, String logGroup, boolean required) {
    public LogScanSpec {
        patterns = List.copyOf(patterns);
        ignore = List.copyOf(ignore);
    }

    /** Not required. */
    public LogScanSpec(boolean enabled, boolean useDefaults, List<LogPatternSpec> patterns, List<String> ignore,
                       Duration settle, Duration quietPeriod, String logGroup) {
        this(enabled, useDefaults, patterns, ignore, settle, quietPeriod, logGroup, false);
    }

    public static LogScanSpec defaults() {
        return new LogScanSpec(true, true, List.of(), List.of(), Duration.ofSeconds(30), Duration.ofSeconds(5), null);
    }
}
