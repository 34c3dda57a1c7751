package io.jenkins.plugins.lambdaverify.logs;

import java.util.List;

/**
 * What a {@link LogSource} read.
 *
 * @param delivered        events passed to the sink
 * @param outOfScope       events skipped because their stream belongs to another version
 * @param polls            how many times the window was read
 * @param settled          {@code true} when no new event arrived for the quiet period; {@code false} when the
 *                         settle timeout ended first (late events may be missing)
 * @param truncated        {@code true} when the source hit a result limit (Logs Insights' 10,000 rows)
 * @param warnings         one-line notes for the report (e.g. late events may be missing)
 * @param unreadable       why the window could not be read at all (the log group does not exist), else
 *                         {@code null}: nothing read then does not mean the logs were clean
 */
public record LogReadStats(long delivered, long outOfScope, int polls, boolean settled, boolean truncated,
                           List<String> warnings, String unreadable) {
    public LogReadStats {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A read that reached the logs. */
    public LogReadStats(long delivered, long outOfScope, int polls, boolean settled, boolean truncated,
                        List<String> warnings) {
        this(delivered, outOfScope, polls, settled, truncated, warnings, null);
    }
}
