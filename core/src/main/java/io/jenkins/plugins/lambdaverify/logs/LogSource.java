package io.jenkins.plugins.lambdaverify.logs;

import java.util.function.Consumer;

/**
 * Port: where log events come from (CloudWatch Logs, CloudWatch Logs Insights, a local run's captured output).
 * Events are pushed to a sink one by one, so memory stays flat however many there are.
 */
public interface LogSource {
    /**
     * Reads the events of {@code query} into {@code sink}, each at most once, waiting for late events as the
     * source's settle policy says.
     */
    LogReadStats read(LogQuery query, Consumer<LogEvent> sink);
}
