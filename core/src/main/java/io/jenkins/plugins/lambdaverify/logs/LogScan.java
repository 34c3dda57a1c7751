package io.jenkins.plugins.lambdaverify.logs;

import java.util.Collection;
import java.util.Map;

/** One pass over a log source feeding the scanner and the correlator together. */
public final class LogScan {
    private LogScan() {
    }

    public static LogScanResult run(LogSource source, LogQuery query, LogScanner scanner, LogCorrelator correlator) {
        LogReadStats read = source.read(query, event -> {
            scanner.accept(event);
            correlator.accept(event);
        });
        return new LogScanResult(scanner.findings(), correlator.all(), read, scanner.scanned(), scanner.ignored(),
                scanner.matched());
    }

    /** Scan without correlation. */
    public static LogScanResult run(LogSource source, LogQuery query, LogScanner scanner) {
        return run(source, query, scanner, new LogCorrelator(java.util.List.of()));
    }

    /**
     * Correlation as a second, filtered read per request id (after a prefiltered Insights scan, which does not see
     * every line). Uses FilterLogEvents' {@code "<request id>"} term, so only lines that carry the id come back.
     */
    public static Map<String, java.util.List<LogEvent>> correlateByQuery(LogSource source, LogQuery query,
                                                                        Collection<String> requestIds, int maxLines) {
        LogCorrelator correlator = new LogCorrelator(requestIds, maxLines);
        for (String id : requestIds) {
            source.read(query.forRequest(id), correlator);
        }
        return correlator.all();
    }
}
