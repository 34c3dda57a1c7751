package io.jenkins.plugins.lambdaverify.invoke;

/**
 * A function's raw answer.
 *
 * @param payload         the response payload bytes (a proxy response, or an error object)
 * @param functionError   {@code Unhandled}/{@code Handled} or {@code null} ({@code X-Amz-Function-Error})
 * @param logTail         decoded log tail, may be {@code null}
 * @param executedVersion {@code X-Amz-Executed-Version}, may be {@code null}
 * @param requestId       the request id, may be {@code null}
 */
public record RawInvocation(byte[] payload, String functionError, String logTail, String executedVersion,
                            String requestId) {
}
