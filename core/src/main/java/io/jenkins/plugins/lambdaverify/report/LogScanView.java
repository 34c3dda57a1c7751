package io.jenkins.plugins.lambdaverify.report;

import io.jenkins.plugins.lambdaverify.result.LogFinding;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import java.util.List;

/**
 * How reporters read the log scan out of a {@link VerificationResult}.
 *
 * <p>Convention: no findings at all means no scan ran, or it could not read the logs: {@link #scanFailed} tells
 * which ({@link VerificationResult#logScan()} has the reason). A scan that ran and saw nothing records one finding
 * per pattern with {@code count == 0} ({@link #noMatches}); reporters then say "no errors in logs". Findings with a
 * count are matches, failing when over their threshold.
 */
public final class LogScanView {
    private LogScanView() {
    }

    /** The finding a scan records for a pattern it looked for and did not see. */
    public static LogFinding noMatches(String pattern) {
        return new LogFinding(pattern, "", 0, 0, null, null, null, List.of());
    }

    /** Whether a log scan ran (it recorded at least one finding or no-match marker). */
    public static boolean scanRan(VerificationResult v) {
        return !v.findings().isEmpty();
    }

    /** Whether a log scan was attempted and could not read the logs (reporters say so, never "no errors"). */
    public static boolean scanFailed(VerificationResult v) {
        return v.logScan().failed();
    }

    /** The findings that matched something (count above zero), failing or within their threshold. */
    public static List<LogFinding> matches(VerificationResult v) {
        return v.findings().stream().filter(f -> f.count() > 0).toList();
    }

    /** The patterns the scan looked for and did not see. */
    public static List<String> cleanPatterns(VerificationResult v) {
        return v.findings().stream().filter(f -> f.count() == 0).map(LogFinding::pattern).distinct().toList();
    }
}
