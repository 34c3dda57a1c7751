package io.jenkins.plugins.lambdaverify.invoke;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * The AWS Invoke API as a {@link FunctionTransport}: a synchronous ({@code RequestResponse}) invoke with the log
 * tail ({@code LogType=Tail}) of a function, alias or version. Each call gets the caller's timeout as its API
 * call and attempt timeout, and the retry rules of {@link InvokeRetryPolicy} (throttling only), whatever the client
 * was configured with. The client is borrowed: closing this transport does not close it.
 *
 * <p>The SDK call runs on a worker thread so that an interrupt (the run being aborted) returns at once: the
 * SDK's blocking HTTP read does not react to interrupts. The abandoned call ends by itself within its timeout.
 */
public final class SdkFunctionTransport implements FunctionTransport {

    private static final long GRACE_MILLIS = 5_000;

    private final LambdaClient client;
    private final String functionName;
    private final String qualifier;
    private final InvokeRetryPolicy.Backoff backoff;
    private final SdkPlugin retryPlugin;
    private final ExecutorService calls;

    /**
     * @param client       a Lambda client (region, credentials, endpoint already set)
     * @param functionName function name, partial or full ARN
     * @param qualifier    alias or version, or {@code null} for {@code $LATEST}
     */
    public SdkFunctionTransport(LambdaClient client, String functionName, String qualifier) {
        this(client, functionName, qualifier, InvokeRetryPolicy.Backoff.DEFAULT);
    }

    public SdkFunctionTransport(LambdaClient client, String functionName, String qualifier,
                                InvokeRetryPolicy.Backoff backoff) {
        this.client = Objects.requireNonNull(client, "client");
        if (functionName == null || functionName.isBlank()) {
            throw new IllegalArgumentException("a function name is required to invoke a Lambda function");
        }
        this.functionName = functionName;
        this.qualifier = qualifier == null || qualifier.isBlank() ? null : qualifier;
        this.backoff = backoff;
        this.retryPlugin = InvokeRetryPolicy.retryPlugin(InvokeRetryPolicy.retryStrategy(backoff));
        AtomicInteger threads = new AtomicInteger();
        this.calls = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lambda-verify-invoke-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public RawInvocation invoke(byte[] payload, Duration timeout) throws InvocationException, InterruptedException {
        InvokeRequest request = InvokeRequest.builder()
                .functionName(functionName)
                .qualifier(qualifier)
                .invocationType(InvocationType.REQUEST_RESPONSE)
                .logType(LogType.TAIL)
                .payload(SdkBytes.fromByteArrayUnsafe(payload))
                .overrideConfiguration(o -> o.apiCallTimeout(timeout).apiCallAttemptTimeout(timeout)
                        .addPlugin(retryPlugin))
                .build();
        InvokeResponse response;
        Future<InvokeResponse> call = calls.submit(() -> client.invoke(request));
        try {
            // the SDK enforces the timeout; the margin only guards against a call that never returns
            response = call.get(timeout.toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new InvocationException(InvocationException.Kind.TIMEOUT, "No answer from " + target()
                    + " within " + timeout.toMillis() + "ms; not retried, the function may still be running", null, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SdkException sdk) {
                throw InvokeErrors.map(sdk, target(), timeout, backoff.maxAttempts());
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("invoke of " + target() + " failed: " + cause, cause);
        }
        String requestId = response.responseMetadata().requestId();
        return new RawInvocation(response.payload() == null ? new byte[0] : response.payload().asByteArrayUnsafe(),
                response.functionError(), LogTail.decode(response.logResult()), response.executedVersion(),
                requestId == null || "UNKNOWN".equals(requestId) ? null : requestId);
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }

    /** e.g. {@code lambda:my-fn:live (eu-west-1)}. */
    @Override
    public String describe() {
        return "lambda:" + target();
    }

    private String target() {
        Region region = client.serviceClientConfiguration().region();
        return functionName + (qualifier != null ? ":" + qualifier : "") + (region != null ? " (" + region.id() + ")"
                : "");
    }
}
