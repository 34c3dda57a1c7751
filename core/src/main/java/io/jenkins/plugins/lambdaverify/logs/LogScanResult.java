package io.jenkins.plugins.lambdaverify.logs;

import io.jenkins.plugins.lambdaverify.result.LogFinding;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a log scan.
 *
 * @param findings     deduplicated findings, failing first
 * @param requestLines the lines of each request id asked about (for the failing checks)
 * @param read         what the source read (polls, settled, warnings)
 * @param scanned      events scanned
 * @param ignored      events dropped by the ignore list
 * @param matched      events that matched a pattern
 */
public record LogScanResult(List<LogFinding> findings, Map<String, List<LogEvent>> requestLines, LogReadStats read,
                            long scanned, long ignored, long matched) {
    public LogScanResult {
        findings = List.copyOf(findings);
        requestLines = Map.copyOf(requestLines);
    }

    /** Whether a finding exceeds its pattern's threshold. */
    public boolean failed() {
        return findings.stream().anyMatch(LogFinding::failing);
    }
}
