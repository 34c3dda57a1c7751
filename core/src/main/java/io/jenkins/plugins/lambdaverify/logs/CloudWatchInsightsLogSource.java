package io.jenkins.plugins.lambdaverify.logs;

import io.jenkins.plugins.lambdaverify.aws.AwsCallException;
import io.jenkins.plugins.lambdaverify.aws.AwsErrors;
import io.jenkins.plugins.lambdaverify.aws.AwsService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

/**
 * Reads with CloudWatch Logs Insights (StartQuery / GetQueryResults), for windows too long to page through: the
 * query filters streams by version and messages by a prefilter on the AWS side, so only candidate lines come back.
 * Insights returns at most {@value #MAX_ROWS} rows; {@link LogReadStats#truncated()} says when that limit was hit.
 * It does not see every line, so correlate afterwards with {@link LogScan#correlateByQuery}.
 */
public final class CloudWatchInsightsLogSource implements LogSource {
    public static final int MAX_ROWS = 10_000;
    /** Lines worth scanning: what the default patterns and JSON error levels can match. */
    public static final String DEFAULT_PREFILTER =
            "(?i)error|exception|traceback|timed out|killed|unhandled|fatal|critical|out of memory|\"status\":\"timeout\"";
    private static final DateTimeFormatter INSIGHTS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final CloudWatchLogsClient client;
    private final String prefilter;
    private final Duration ingestionWait;
    private final Duration queryTimeout;
    private final Duration pollInterval;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * @param prefilter     an Insights regex lines must match, or {@code null} for every line (up to the row limit)
     * @param ingestionWait wait this long before querying, for ingestion to catch up (the settle of this mode)
     * @param queryTimeout  give up (and stop the query) after this long
     */
    public CloudWatchInsightsLogSource(CloudWatchLogsClient client, String prefilter, Duration ingestionWait,
                                       Duration queryTimeout, Duration pollInterval, Clock clock, Sleeper sleeper) {
        this.client = client;
        this.prefilter = prefilter;
        this.ingestionWait = ingestionWait;
        this.queryTimeout = queryTimeout;
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public CloudWatchInsightsLogSource(CloudWatchLogsClient client, String prefilter, Duration ingestionWait) {
        this(client, prefilter, ingestionWait, Duration.ofMinutes(5), Duration.ofSeconds(1), Clock.systemUTC(), Sleeper.REAL);
    }

    /** The Insights query for {@code query}. */
    String queryString(LogQuery query) {
        StringBuilder q = new StringBuilder("fields @timestamp, @logStream, @message");
        if (!query.versions().isEmpty()) {
            q.append(" | filter @logStream like /\\[(")
                    .append(query.versions().stream().map(CloudWatchInsightsLogSource::escape).sorted()
                            .collect(Collectors.joining("|")))
                    .append(")\\]/");
        }
        if (prefilter != null && !prefilter.isBlank()) {
            q.append(" | filter @message like /").append(prefilter.replace("/", "\\/")).append("/");
        }
        if (query.filterPattern() != null) {
            String term = query.filterPattern().replace("\"", "");
            q.append(" | filter @message like \"").append(term).append("\"");
        }
        return q.append(" | sort @timestamp asc | limit ").append(MAX_ROWS).toString();
    }

    @Override
    public LogReadStats read(LogQuery query, Consumer<LogEvent> sink) {
        pause(ingestionWait);
        String queryId;
        try {
            queryId = AwsErrors.call(AwsService.CLOUDWATCH_LOGS, "StartQuery", query.logGroup(), () -> client.startQuery(r -> r
                    .logGroupName(query.logGroup())
                    .startTime(query.start().getEpochSecond())
                    .endTime(query.end().getEpochSecond() + 1)
                    .queryString(queryString(query))
                    .limit(MAX_ROWS)).queryId());
        } catch (AwsCallException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return new LogReadStats(0, 0, 1, true, false, List.of(), "log group " + query.logGroup()
                        + " does not exist: the function has not logged yet, or logGroup is wrong");
            }
            throw e;
        }
        Instant deadline = clock.instant().plus(queryTimeout);
        GetQueryResultsResponse results;
        int polls = 0;
        while (true) {
            results = AwsErrors.call(AwsService.CLOUDWATCH_LOGS, "GetQueryResults", query.logGroup(),
                    () -> client.getQueryResults(r -> r.queryId(queryId)));
            polls++;
            String status = results.statusAsString();
            if ("Complete".equals(status)) {
                break;
            }
            if (!"Running".equals(status) && !"Scheduled".equals(status)) {
                throw new AwsCallException(AwsCallException.Kind.SERVICE, "logs:GetQueryResults", status,
                        "Logs Insights query on " + query.logGroup() + " ended " + status + ": retry, or use FilterLogEvents mode", null);
            }
            if (!clock.instant().isBefore(deadline)) {
                stopQuietly(queryId);
                throw new AwsCallException(AwsCallException.Kind.TIMEOUT, "logs:GetQueryResults", null,
                        "Logs Insights query on " + query.logGroup() + " did not complete in " + queryTimeout.toSeconds()
                                + " s: narrow the window or use FilterLogEvents mode", null);
            }
            pause(pollInterval);
        }
        long delivered = 0;
        for (List<ResultField> row : results.results()) {
            String timestamp = null;
            String stream = null;
            String message = null;
            for (ResultField f : row) {
                switch (f.field()) {
                    case "@timestamp" -> timestamp = f.value();
                    case "@logStream" -> stream = f.value();
                    case "@message" -> message = f.value();
                    default -> {
                    }
                }
            }
            if (!query.inScope(stream)) {
                continue;
            }
            delivered++;
            sink.accept(new LogEvent(parseTime(timestamp), stream, message));
        }
        boolean truncated = results.results().size() >= MAX_ROWS;
        List<String> warnings = new ArrayList<>();
        if (truncated) {
            warnings.add("Logs Insights returned its limit of " + MAX_ROWS + " rows: later matches in the window were not "
                    + "scanned; narrow the window or tighten the prefilter");
        }
        return new LogReadStats(delivered, 0, polls, true, truncated, warnings);
    }

    private void stopQuietly(String queryId) {
        try {
            client.stopQuery(r -> r.queryId(queryId));
        } catch (SdkException ignored) {
            // best effort: the query ends by itself at Insights' own timeout
        }
    }

    private void pause(Duration d) {
        if (!d.isPositive()) {
            return;
        }
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Instant parseTime(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, INSIGHTS_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String escape(String version) {
        return version.replace("$", "\\$");
    }
}
