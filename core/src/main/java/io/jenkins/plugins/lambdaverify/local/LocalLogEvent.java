package io.jenkins.plugins.lambdaverify.local;

import java.time.Instant;

/**
 * One captured log event of a local function, as CloudWatch would hold it.
 *
 * @param timestamp when the line arrived
 * @param function  the function's name
 * @param stream    the local log stream (one per warm process, like a Lambda sandbox)
 * @param requestId the invocation the line belongs to, or {@code null} for a line between invocations
 * @param message   the event text; a multi-line record (a traceback) is one event with newlines
 */
public record LocalLogEvent(Instant timestamp, String function, String stream, String requestId, String message) {
}
