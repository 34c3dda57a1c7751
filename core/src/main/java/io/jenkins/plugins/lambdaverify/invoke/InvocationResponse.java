package io.jenkins.plugins.lambdaverify.invoke;

import java.util.List;
import java.util.Map;

/**
 * What came back from one invocation, normalised across invokers.
 *
 * @param statusCode      HTTP status of the proxy response; {@code null} when the function errored
 * @param headers         response headers (single- and multi-value merged), names as sent
 * @param body            response body as text (decoded from base64 when it was text), may be {@code null}
 * @param bodyBase64      whether the function returned a binary (base64) body
 * @param functionError   the function error, or {@code null}
 * @param logTail         the decoded log tail (last 4 KB) or captured local logs, may be {@code null}
 * @param requestId       the Lambda request id, may be {@code null}
 * @param executedVersion the version that ran ({@code X-Amz-Executed-Version}), may be {@code null}
 * @param initDurationMs  cold-start init duration from the REPORT line, {@code null} when warm or unknown
 */
public record InvocationResponse(Integer statusCode, Map<String, List<String>> headers, String body,
                                 boolean bodyBase64, FunctionError functionError, String logTail,
                                 String requestId, String executedVersion, Double initDurationMs) {
    public InvocationResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** First value of a response header, case-insensitive, or {@code null}. */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst().orElse(null);
    }

    public boolean coldStart() {
        return initDurationMs != null;
    }
}
