package io.jenkins.plugins.lambdaverify.logs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects, as events stream past, the log lines of the requests it was asked about (the failing checks' request
 * ids): lines carrying the id, and lines of the same log stream between {@code START RequestId: id} and
 * {@code END RequestId: id} (a Java handler's lines carry no id; one execution environment serves one request at a
 * time). Only those requests are indexed, each up to a bound, so memory stays flat.
 */
public final class LogCorrelator implements Consumer<LogEvent> {
    public static final int DEFAULT_MAX_LINES = 200;
    private static final Pattern START = Pattern.compile("^START RequestId: ([0-9a-fA-F-]+)");
    private static final Pattern END = Pattern.compile("^END RequestId: ([0-9a-fA-F-]+)");
    private static final Pattern JSON_START = Pattern.compile("\"type\"\\s*:\\s*\"platform\\.start\"");
    private static final Pattern JSON_END = Pattern.compile("\"type\"\\s*:\\s*\"platform\\.report\"");

    private final Set<String> requestIds;
    private final int maxLines;
    private final Map<String, List<LogEvent>> lines = new LinkedHashMap<>();
    private final Map<String, Long> dropped = new HashMap<>();
    /** stream -> the request of interest it is serving now */
    private final Map<String, String> open = new HashMap<>();

    public LogCorrelator(Collection<String> requestIds) {
        this(requestIds, DEFAULT_MAX_LINES);
    }

    public LogCorrelator(Collection<String> requestIds, int maxLines) {
        this.requestIds = Set.copyOf(requestIds);
        this.maxLines = maxLines;
        for (String id : this.requestIds) {
            lines.put(id, new ArrayList<>());
        }
    }

    @Override
    public void accept(LogEvent event) {
        if (requestIds.isEmpty()) {
            return;
        }
        String message = event.message();
        String stream = event.stream();
        String started = startedRequest(message);
        if (started != null && stream != null) {
            if (requestIds.contains(started)) {
                open.put(stream, started);
            } else {
                open.remove(stream);
            }
        }
        String id = carriedId(message);
        if (id == null && stream != null) {
            id = open.get(stream);
        }
        if (id != null) {
            add(id, event);
            if (stream != null && id.equals(open.get(stream)) && ended(message, id)) {
                open.remove(stream);
            }
        }
    }

    /** The lines of {@code requestId} in log order (empty when none were seen). */
    public List<LogEvent> lines(String requestId) {
        return List.copyOf(lines.getOrDefault(requestId, List.of()));
    }

    /** Every requested id with its lines. */
    public Map<String, List<LogEvent>> all() {
        Map<String, List<LogEvent>> copy = new LinkedHashMap<>();
        lines.forEach((id, l) -> copy.put(id, List.copyOf(l)));
        return copy;
    }

    /** Lines not kept for {@code requestId} because of the bound. */
    public long dropped(String requestId) {
        return dropped.getOrDefault(requestId, 0L);
    }

    private void add(String id, LogEvent event) {
        List<LogEvent> l = lines.get(id);
        if (l.size() < maxLines) {
            l.add(event);
        } else {
            dropped.merge(id, 1L, Long::sum);
        }
    }

    private String startedRequest(String message) {
        Matcher m = START.matcher(message);
        if (m.find()) {
            return m.group(1);
        }
        if (JSON_START.matcher(message).find()) {
            String id = carriedId(message);
            return id != null ? id : "";
        }
        return null;
    }

    private String carriedId(String message) {
        for (String id : requestIds) {
            if (message.contains(id)) {
                return id;
            }
        }
        return null;
    }

    private static boolean ended(String message, String id) {
        Matcher m = END.matcher(message);
        return (m.find() && m.group(1).equals(id)) || (JSON_END.matcher(message).find() && message.contains(id));
    }
}
