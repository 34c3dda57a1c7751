package io.jenkins.plugins.lambdaverify.local;

import io.jenkins.plugins.lambdaverify.logs.LogEvent;
import io.jenkins.plugins.lambdaverify.logs.LogQuery;
import io.jenkins.plugins.lambdaverify.logs.LogReadStats;
import io.jenkins.plugins.lambdaverify.logs.LogSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The log scan's port over a local run's captured output: the same scan as CloudWatch, with no ingestion lag
 * (an invocation returns only after its own lines were captured), so one read settles.
 *
 * <p>The log group {@code /aws/lambda/<name>} selects a local function's events (as Lambda names its group);
 * the window, the version scope ({@code [$LATEST]} streams) and a filter pattern of quoted or bare terms (all of
 * them must occur, as in a CloudWatch filter) apply as they do there.
 */
public final class LocalLogSource implements LogSource {
    private final LocalLogBuffer buffer;

    public LocalLogSource(LocalLogBuffer buffer) {
        this.buffer = buffer;
    }

    @Override
    public LogReadStats read(LogQuery query, Consumer<LogEvent> sink) {
        List<String> terms = terms(query.filterPattern());
        long delivered = 0;
        long outOfScope = 0;
        Set<String> otherFunctions = new TreeSet<>();
        for (LocalLogEvent e : buffer.events(query.start(), query.end())) {
            if (!inGroup(query.logGroup(), e.function())) {
                otherFunctions.add(e.function());
                continue;
            }
            if (!query.inScope(e.stream())) {
                outOfScope++;
                continue;
            }
            if (terms.stream().allMatch(e.message()::contains)) {
                sink.accept(new LogEvent(e.timestamp(), e.stream(), e.message()));
                delivered++;
            }
        }
        List<String> warnings = new ArrayList<>();
        if (delivered == 0 && outOfScope == 0 && !otherFunctions.isEmpty()) {
            warnings.add("no local log events for log group " + query.logGroup() + " (local functions with logs: "
                    + String.join(", ", otherFunctions) + ")");
        }
        if (buffer.dropped() > 0) {
            warnings.add(buffer.dropped() + " oldest local log events were dropped (buffer full): the scan may miss"
                    + " early lines");
        }
        return new LogReadStats(delivered, outOfScope, 1, true, false, warnings);
    }

    static boolean inGroup(String logGroup, String function) {
        return logGroup.equals(function) || logGroup.equals("/aws/lambda/" + function);
    }

    /** {@code "a b" c} -> [a b, c]; {@code null} -> no terms. */
    static List<String> terms(String filterPattern) {
        List<String> terms = new ArrayList<>();
        if (filterPattern == null) {
            return terms;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : filterPattern.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (!current.isEmpty()) {
                    terms.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            terms.add(current.toString());
        }
        return terms;
    }
}
