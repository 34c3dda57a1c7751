package io.jenkins.plugins.lambdaverify.local;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every log event captured from local function processes, in arrival order: the local run's CloudWatch.
 * Thread-safe. Bounded: past {@code capacity} events (or {@link #MAX_CHARS}) the oldest are dropped and counted.
 */
public final class LocalLogBuffer {
    public static final int DEFAULT_CAPACITY = 200_000;
    /** Bounds memory whatever the functions print: about 128 MB of text. */
    public static final long MAX_CHARS = 64L * 1024 * 1024;

    private final int capacity;
    private final Consumer<LocalLogEvent> listener;
    private final ArrayDeque<LocalLogEvent> events = new ArrayDeque<>();
    private long dropped;
    private long chars;

    public LocalLogBuffer() {
        this(DEFAULT_CAPACITY);
    }

    public LocalLogBuffer(int capacity) {
        this(capacity, null);
    }

    /** @param listener also told of every event as it arrives (e.g. to print them), may be {@code null} */
    public LocalLogBuffer(int capacity, Consumer<LocalLogEvent> listener) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.listener = listener;
    }

    public void append(LocalLogEvent event) {
        synchronized (this) {
            events.add(event);
            chars += event.message().length();
            while (events.size() > capacity || (chars > MAX_CHARS && events.size() > 1)) {
                chars -= events.pollFirst().message().length();
                dropped++;
            }
        }
        if (listener != null) {
            listener.accept(event);
        }
    }

    /** All events, oldest first. */
    public synchronized List<LocalLogEvent> events() {
        return List.copyOf(events);
    }

    /** Events with {@code from <= timestamp <= to}; either bound may be {@code null}. */
    public synchronized List<LocalLogEvent> events(Instant from, Instant to) {
        List<LocalLogEvent> out = new ArrayList<>();
        for (LocalLogEvent e : events) {
            if ((from == null || !e.timestamp().isBefore(from)) && (to == null || !e.timestamp().isAfter(to))) {
                out.add(e);
            }
        }
        return out;
    }

    /** The events of one invocation, START to REPORT. */
    public synchronized List<LocalLogEvent> eventsFor(String requestId) {
        List<LocalLogEvent> out = new ArrayList<>();
        for (LocalLogEvent e : events) {
            if (requestId.equals(e.requestId())) {
                out.add(e);
            }
        }
        return out;
    }

    public synchronized long dropped() {
        return dropped;
    }

    public synchronized int size() {
        return events.size();
    }
}
