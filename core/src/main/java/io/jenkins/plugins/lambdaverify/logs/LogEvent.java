package io.jenkins.plugins.lambdaverify.logs;

import java.time.Instant;

/**
 * One log event.
 *
 * @param timestamp when it was logged, {@code null} when unknown (local logs)
 * @param stream    the log stream, e.g. {@code 2026/11/28/[7]0a1b2c}; {@code null} when unknown
 * @param message   the message; may hold several lines (Lambda joins a traceback's lines with {@code \r})
 */
public record LogEvent(Instant timestamp, String stream, String message) {
    public LogEvent {
        message = message == null ? "" : message;
    }
}
