package io.jenkins.plugins.lambdaverify.local;

import io.jenkins.plugins.lambdaverify.invoke.RawInvocation;
import java.util.List;

/**
 * One local invocation, with what the Invoke API would not say directly.
 *
 * @param requestId      the invocation's request id
 * @param payload        the response payload (a proxy response, or a Lambda error object)
 * @param functionError  {@code Unhandled} when the function failed, else {@code null}
 * @param logLines       the invocation's log events, START to REPORT (multi-line events keep their newlines)
 * @param initDurationMs the cold start's init duration, {@code null} when the process was warm
 * @param durationMs     how long the handler ran
 */
public record LocalInvocation(String requestId, byte[] payload, String functionError, List<String> logLines,
                              Double initDurationMs, double durationMs) {
    public static final String VERSION = "$LATEST";

    public LocalInvocation {
        logLines = List.copyOf(logLines);
    }

    public String logText() {
        return String.join("\n", logLines);
    }

    public RawInvocation toRaw() {
        return new RawInvocation(payload, functionError, logText(), VERSION, requestId);
    }
}
