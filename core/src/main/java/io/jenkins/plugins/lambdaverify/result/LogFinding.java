package io.jenkins.plugins.lambdaverify.result;

import java.time.Instant;
import java.util.List;

/**
 * Log events that matched one pattern and share one signature (request ids, timestamps and numbers normalised).
 *
 * @param pattern     the pattern's name, e.g. {@code ModuleNotFoundError}
 * @param signature   the normalised line that groups the events
 * @param count       how many events matched
 * @param threshold   how many are allowed before the finding fails the run (default 0)
 * @param firstSeen   first event time, may be {@code null} for local logs without timestamps
 * @param lastSeen    last event time, may be {@code null}
 * @param stream      a log stream that had it, may be {@code null}
 * @param samples     a few sample lines, masked
 */
public record LogFinding(String pattern, String signature, long count, long threshold, Instant firstSeen,
                         Instant lastSeen, String stream, List<String> samples) {
    public LogFinding {
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    public boolean failing() {
        return count > threshold;
    }
}
