package io.jenkins.plugins.lambdaverify.logs;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which events to read.
 *
 * @param logGroup      the log group
 * @param start         first event time (inclusive)
 * @param end           last event time (inclusive)
 * @param versions      function versions whose streams are read (streams are named {@code YYYY/MM/DD/[version]id});
 *                      empty reads every stream
 * @param filterPattern a CloudWatch filter pattern (e.g. {@code "<request id>"}), or {@code null} for all events
 */
public record LogQuery(String logGroup, Instant start, Instant end, Set<String> versions, String filterPattern) {
    /** Clock skew between this machine and AWS allowed at the start of the window by default. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(1);

    public LogQuery {
        if (logGroup == null || logGroup.isBlank()) {
            throw new IllegalArgumentException("logGroup is required");
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("window ends before it starts: " + start + " .. " + end);
        }
        versions = versions == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(versions));
    }

    /**
     * The window of a verification: [started - clock skew, finished + settle], so events logged just before our clock
     * said "start" and events logged while the scan settles are both included.
     */
    public static LogQuery forVerification(String logGroup, Instant started, Instant finished, Set<String> versions,
                                           Duration clockSkew, Duration settle) {
        return new LogQuery(logGroup, started.minus(clockSkew), finished.plus(settle), versions, null);
    }

    /** This query restricted to events containing {@code requestId} (for correlation after an Insights scan). */
    public LogQuery forRequest(String requestId) {
        return new LogQuery(logGroup, start, end, versions, "\"" + requestId.replace("\"", "") + "\"");
    }

    /** Whether {@code stream} belongs to one of the versions ({@code [$LATEST]} for unpublished code). */
    public boolean inScope(String stream) {
        if (versions.isEmpty()) {
            return true;
        }
        if (stream == null) {
            return false;
        }
        for (String v : versions) {
            if (stream.contains("[" + v + "]")) {
                return true;
            }
        }
        return false;
    }
}
