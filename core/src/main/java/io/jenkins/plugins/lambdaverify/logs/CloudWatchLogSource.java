package io.jenkins.plugins.lambdaverify.logs;

import io.jenkins.plugins.lambdaverify.aws.AwsErrors;
import io.jenkins.plugins.lambdaverify.aws.AwsService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Reads a log group with FilterLogEvents (the SDK paginator), keeps the streams of the verified versions, and
 * re-reads until no new event arrived for the quiet period (CloudWatch ingestion lags). Each event is delivered once:
 * later reads skip events ingested before the newest one already seen, and remember by id only those within a small
 * margin of it, so memory stays flat. Throttling is retried with backoff by the client's retry strategy
 * (see {@link io.jenkins.plugins.lambdaverify.aws.AwsClientOptions}).
 */
public final class CloudWatchLogSource implements LogSource {
    private static final int PRUNE_EVERY = 4096;

    private final CloudWatchLogsClient client;
    private final SettlePolicy settle;
    private final Clock clock;
    private final Sleeper sleeper;

    public CloudWatchLogSource(CloudWatchLogsClient client, SettlePolicy settle) {
        this(client, settle, Clock.systemUTC(), Sleeper.REAL);
    }

    public CloudWatchLogSource(CloudWatchLogsClient client, SettlePolicy settle, Clock clock, Sleeper sleeper) {
        this.client = client;
        this.settle = settle;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public LogReadStats read(LogQuery query, Consumer<LogEvent> sink) {
        Instant began = clock.instant();
        Instant deadline = began.plus(settle.timeout());
        Instant lastNew = began;
        Instant from = query.start();
        Dedup dedup = new Dedup(settle.duplicateMargin().toMillis());
        long[] counts = new long[2];
        int polls = 0;
        boolean settled = !settle.waits();
        boolean groupMissing = false;
        while (true) {
            Instant pollStarted = clock.instant();
            long before = counts[0] + counts[1];
            try {
                poll(query, from, dedup, sink, counts);
                groupMissing = false;
            } catch (ResourceNotFoundException e) {
                groupMissing = true; // not created yet: the function may log for the first time while we settle
            } catch (SdkException e) {
                throw AwsErrors.translate(AwsService.CLOUDWATCH_LOGS, "FilterLogEvents", query.logGroup(), e);
            }
            polls++;
            Instant now = clock.instant();
            if (counts[0] + counts[1] > before) {
                lastNew = now;
            }
            if (!settle.waits()) {
                break;
            }
            if (!Duration.between(lastNew, now).minus(settle.quietPeriod()).isNegative()) {
                settled = true;
                break;
            }
            if (!now.isBefore(deadline)) {
                break;
            }
            Duration pause = min(settle.pollInterval(), Duration.between(now, deadline));
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Instant horizon = pollStarted.minus(settle.lateArrivalHorizon());
            from = horizon.isAfter(query.start()) ? horizon : query.start();
        }
        if (groupMissing && counts[0] + counts[1] == 0) {
            // Not a warning: no events from a group that does not exist says nothing about the function's health.
            return new LogReadStats(0, 0, polls, settled, false, List.of(), "log group " + query.logGroup()
                    + " does not exist: the function has not logged yet, or its role lacks "
                    + "logs:CreateLogGroup/logs:PutLogEvents, or logGroup is wrong");
        }
        List<String> warnings = new ArrayList<>();
        if (!settled) {
            warnings.add("log events were still arriving when the settle timeout (" + settle.timeout().toSeconds()
                    + " s) ended: late events may be missing");
        }
        return new LogReadStats(counts[0], counts[1], polls, settled, false, warnings);
    }

    private void poll(LogQuery query, Instant from, Dedup dedup, Consumer<LogEvent> sink, long[] counts) {
        FilterLogEventsRequest.Builder request = FilterLogEventsRequest.builder()
                .logGroupName(query.logGroup())
                .startTime(from.toEpochMilli())
                .endTime(query.end().toEpochMilli());
        if (query.filterPattern() != null) {
            request.filterPattern(query.filterPattern());
        }
        dedup.startPoll();
        for (FilteredLogEvent e : client.filterLogEventsPaginator(request.build()).events()) {
            long ingested = e.ingestionTime() != null ? e.ingestionTime() : e.timestamp() != null ? e.timestamp() : 0L;
            if (!dedup.firstTime(e.eventId(), ingested)) {
                continue;
            }
            if (!query.inScope(e.logStreamName())) {
                counts[1]++;
                continue;
            }
            counts[0]++;
            sink.accept(new LogEvent(e.timestamp() != null ? Instant.ofEpochMilli(e.timestamp()) : null,
                    e.logStreamName(), e.message()));
        }
        dedup.endPoll();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Remembers what earlier reads delivered without keeping every id: everything ingested before
     * (watermark - margin) was delivered; ids near the watermark are kept to tell the rest apart.
     */
    private static final class Dedup {
        private final long margin;
        private long watermark = Long.MIN_VALUE;
        private long runningMax = Long.MIN_VALUE;
        private Map<String, Long> previous = new HashMap<>();
        private Map<String, Long> current = new HashMap<>();
        private int sinceprune;

        Dedup(long margin) {
            this.margin = margin;
        }

        void startPoll() {
            current = new HashMap<>();
            runningMax = watermark;
            sinceprune = 0;
        }

        boolean firstTime(String id, long ingested) {
            if (watermark != Long.MIN_VALUE && ingested < watermark - margin) {
                return false;
            }
            if (id != null && previous.containsKey(id)) {
                return false;
            }
            runningMax = Math.max(runningMax, ingested);
            if (id != null) {
                current.put(id, ingested);
                if (++sinceprune >= PRUNE_EVERY) {
                    sinceprune = 0;
                    long floor = runningMax - margin;
                    current.values().removeIf(t -> t < floor);
                }
            }
            return true;
        }

        void endPoll() {
            watermark = runningMax;
            long floor = watermark - margin;
            current.putAll(previous);
            current.values().removeIf(t -> t < floor);
            previous = current;
        }
    }
}
