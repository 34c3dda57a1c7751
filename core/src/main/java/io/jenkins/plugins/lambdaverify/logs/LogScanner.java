package io.jenkins.plugins.lambdaverify.logs;

import io.jenkins.plugins.lambdaverify.result.LogFinding;
import io.jenkins.plugins.lambdaverify.secret.SecretRules;
import io.jenkins.plugins.lambdaverify.spec.LogPatternSpec;
import io.jenkins.plugins.lambdaverify.spec.LogScanSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds errors in log events as they stream past, keeping only aggregates: findings grouped by pattern and
 * normalised signature, with count, first and last seen, a stream and up to {@value #MAX_SAMPLES} masked samples.
 * An event counts once, for the first pattern it matches (user patterns, then the defaults). JSON lines are also
 * matched on their {@code level}, {@code errorType} and platform {@code status} fields.
 * <p>
 * Thresholds are per pattern: a pattern with a threshold above 0 yields one finding whose count is the pattern's
 * total, so {@link LogFinding#failing()} holds its meaning. Not thread-safe: feed it from one thread.
 */
public final class LogScanner implements Consumer<LogEvent> {
    static final int MAX_SAMPLES = 3;
    static final int MAX_SIGNATURES_PER_PATTERN = 50;
    static final String OTHER_SIGNATURES = "(other signatures)";
    private static final int MAX_SAMPLE_LENGTH = 1000;
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    private final List<LogPattern> patterns;
    private final List<Pattern> ignore;
    private final Map<String, LogPattern> jsonPatterns = new HashMap<>();
    private final Map<String, Accumulator> findings = new LinkedHashMap<>();
    private final Map<String, Integer> signaturesPerPattern = new HashMap<>();
    private long scanned;
    private long ignored;
    private long matched;

    public LogScanner(List<LogPattern> patterns, List<Pattern> ignore) {
        this.patterns = List.copyOf(patterns);
        this.ignore = List.copyOf(ignore);
    }

    /** User patterns first, then (when {@code useDefaults}) the built-in ones for {@code runtime}. */
    public static LogScanner forSpec(LogScanSpec spec, String runtime) {
        List<LogPattern> all = new ArrayList<>();
        for (LogPatternSpec p : spec.patterns()) {
            all.add(LogPattern.from(p));
        }
        if (spec.useDefaults()) {
            all.addAll(DefaultLogPatterns.forRuntime(runtime));
        }
        List<Pattern> ignore = new ArrayList<>();
        for (String regex : spec.ignore()) {
            try {
                ignore.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("log ignore pattern: invalid regex '" + regex + "': " + e.getDescription());
            }
        }
        return new LogScanner(all, ignore);
    }

    @Override
    public void accept(LogEvent event) {
        scanned++;
        String message = event.message();
        for (Pattern p : ignore) {
            if (p.matcher(message).find()) {
                ignored++;
                return;
            }
        }
        JsonLogLine json = JsonLogLine.parse(message);
        for (LogPattern pattern : patterns) {
            if (!DefaultLogPatterns.mayMatch(pattern, message)) {
                continue;
            }
            Matcher m = pattern.regex().matcher(message);
            if (m.find()) {
                record(pattern, json != null ? json.summary() : lineAt(message, m.start()), event);
                return;
            }
        }
        if (json == null) {
            return;
        }
        if ("timeout".equals(json.platformStatus())) {
            record(jsonPattern("Task timed out"), json.summary(), event);
        } else if (json.errorType() != null) {
            record(jsonPattern("errorType"), json.summary(), event);
        } else if (json.errorLevel()) {
            record(jsonPattern("level=" + json.level()), json.summary(), event);
        }
    }

    /** The findings so far: failing first, then by count. */
    public List<LogFinding> findings() {
        return findings.values().stream().map(Accumulator::toFinding)
                .sorted(Comparator.comparing(LogFinding::failing).reversed()
                        .thenComparing(Comparator.comparingLong(LogFinding::count).reversed()))
                .toList();
    }

    public boolean failed() {
        return findings.values().stream().anyMatch(a -> a.count > a.pattern.threshold());
    }

    public long scanned() {
        return scanned;
    }

    public long ignored() {
        return ignored;
    }

    /** Events that matched a pattern. */
    public long matched() {
        return matched;
    }

    public List<LogPattern> patterns() {
        return patterns;
    }

    private LogPattern jsonPattern(String name) {
        LogPattern user = patterns.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
        return user != null ? user : jsonPatterns.computeIfAbsent(name, n -> new LogPattern(n, Pattern.compile(Pattern.quote(n)), 0));
    }

    private void record(LogPattern pattern, String line, LogEvent event) {
        matched++;
        String signature = Signatures.of(SecretRules.mask(line));
        String key;
        if (pattern.threshold() > 0) {
            key = pattern.name() + "\u0000";
        } else {
            key = pattern.name() + "\u0000" + signature;
            if (!findings.containsKey(key)) {
                int distinct = signaturesPerPattern.merge(pattern.name(), 1, Integer::sum);
                if (distinct > MAX_SIGNATURES_PER_PATTERN) {
                    // bounded memory: a pattern with endlessly varying lines folds into one finding
                    key = pattern.name() + "\u0000" + OTHER_SIGNATURES;
                    signature = OTHER_SIGNATURES;
                }
            }
        }
        String sig = signature;
        findings.computeIfAbsent(key, k -> new Accumulator(pattern, sig, event.stream())).add(event);
    }

    private static String lineAt(String message, int offset) {
        int start = offset;
        while (start > 0 && message.charAt(start - 1) != '\n' && message.charAt(start - 1) != '\r') {
            start--;
        }
        int end = offset;
        while (end < message.length() && message.charAt(end) != '\n' && message.charAt(end) != '\r') {
            end++;
        }
        return message.substring(start, end);
    }

    private static final class Accumulator {
        final LogPattern pattern;
        final String signature;
        final String stream;
        final List<String> samples = new ArrayList<>(MAX_SAMPLES);
        long count;
        Instant first;
        Instant last;

        Accumulator(LogPattern pattern, String signature, String stream) {
            this.pattern = pattern;
            this.signature = signature;
            this.stream = stream;
        }

        void add(LogEvent event) {
            count++;
            Instant t = event.timestamp();
            if (t != null) {
                first = first == null || t.isBefore(first) ? t : first;
                last = last == null || t.isAfter(last) ? t : last;
            }
            if (samples.size() < MAX_SAMPLES) {
                String sample = SecretRules.mask(LINE_BREAK.matcher(event.message().strip()).replaceAll("\n"));
                if (sample.length() > MAX_SAMPLE_LENGTH) {
                    sample = sample.substring(0, MAX_SAMPLE_LENGTH) + "...";
                }
                if (!samples.contains(sample)) {
                    samples.add(sample);
                }
            }
        }

        LogFinding toFinding() {
            return new LogFinding(pattern.name(), signature, count, pattern.threshold(), first, last, stream, samples);
        }
    }
}
