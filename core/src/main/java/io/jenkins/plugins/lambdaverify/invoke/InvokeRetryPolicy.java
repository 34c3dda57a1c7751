package io.jenkins.plugins.lambdaverify.invoke;

import java.time.Duration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Retries for a RequestResponse Invoke: only throttling (429 {@code TooManyRequestsException}, which Lambda sends
 * before the function runs) is retried, with exponential backoff and full jitter. Nothing else is: after a read
 * timeout, a 5xx or a reset mid-response the function may already have run, and running it twice is a side effect
 * the user did not ask for.
 *
 * <p>The SDK's defaults would retry 5xx and I/O errors, and they are added to any strategy that does not opt out,
 * so the strategy here is built with {@code useClientDefaults(false)}. {@link SdkFunctionTransport} applies it to
 * every Invoke through a request-level plugin, so this holds whatever the {@code LambdaClient} was built with;
 * {@link #clientOverrideConfiguration()} gives client builders the same strategy for the client as a whole.
 */
public final class InvokeRetryPolicy {

    /**
     * How throttled invokes are retried.
     *
     * @param maxAttempts attempts in total, the first included (1 = never retry)
     * @param baseDelay   base of the exponential backoff
     * @param maxDelay    cap of one backoff delay
     */
    public record Backoff(int maxAttempts, Duration baseDelay, Duration maxDelay) {
        /** 4 attempts, 200 ms base, 5 s cap: rides out a short burst without eating a check's whole timeout. */
        public static final Backoff DEFAULT = new Backoff(4, Duration.ofMillis(200), Duration.ofSeconds(5));

        public Backoff {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
            }
        }
    }

    private InvokeRetryPolicy() {
    }

    /** Whether Lambda refused the invoke for throttling (so the function did not run). */
    public static boolean isThrottling(Throwable t) {
        return t instanceof TooManyRequestsException
                || t instanceof AwsServiceException e && e.statusCode() == 429;
    }

    public static RetryStrategy retryStrategy() {
        return retryStrategy(Backoff.DEFAULT);
    }

    public static RetryStrategy retryStrategy(Backoff backoff) {
        BackoffStrategy delays = BackoffStrategy.exponentialDelay(backoff.baseDelay(), backoff.maxDelay());
        return StandardRetryStrategy.builder()
                .maxAttempts(backoff.maxAttempts())
                .retryOnException(InvokeRetryPolicy::isThrottling)
                .treatAsThrottling(InvokeRetryPolicy::isThrottling)
                .backoffStrategy(delays)
                .throttlingBackoffStrategy(delays)
                // a fresh strategy per call has nothing to break a circuit on; keep every attempt available
                .circuitBreakerEnabled(false)
                .useClientDefaults(false)
                .build();
    }

    /** For whoever builds the {@code LambdaClient}: the throttling-only retry strategy for the whole client. */
    public static ClientOverrideConfiguration clientOverrideConfiguration() {
        return ClientOverrideConfiguration.builder().retryStrategy(retryStrategy()).build();
    }

    /** A request-level plugin that puts {@code strategy} in place of whatever retry setup the client has. */
    static SdkPlugin retryPlugin(RetryStrategy strategy) {
        return config -> {
            ClientOverrideConfiguration current = config.overrideConfiguration();
            ClientOverrideConfiguration.Builder builder = current == null ? ClientOverrideConfiguration.builder()
                    : current.toBuilder();
            config.overrideConfiguration(builder.retryStrategy(strategy).build());
        };
    }
}
