package io.jenkins.plugins.lambdaverify.aws;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * Timeouts and retries of the clients {@link AwsClientFactory} builds (not the Invoke client: see
 * {@link AwsClientFactory#newLambdaClient}).
 *
 * @param connectTimeout        TCP connect timeout
 * @param readTimeout           socket read timeout
 * @param apiCallTimeout        a whole call including retries: a slow endpoint can never hang a run
 * @param apiCallAttemptTimeout one attempt
 * @param retryStrategy         retries for the read-only calls (discovery, logs, STS); throttling backs off longer
 */
public record AwsClientOptions(Duration connectTimeout, Duration readTimeout, Duration apiCallTimeout,
                               Duration apiCallAttemptTimeout, RetryStrategy retryStrategy) {

    public static AwsClientOptions defaults() {
        return new AwsClientOptions(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(3),
                Duration.ofSeconds(60), retries(8, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(20)));
    }

    /**
     * The SDK's standard strategy (5xx, throttling, I/O errors) with our attempts and backoff. CloudWatch Logs' read
     * quotas are a few requests per second per account, so throttling backs off from a longer base delay.
     */
    public static RetryStrategy retries(int maxAttempts, Duration baseDelay, Duration throttlingBaseDelay,
                                        Duration maxDelay) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .circuitBreakerEnabled(false)
                .backoffStrategy(BackoffStrategy.exponentialDelay(baseDelay, maxDelay))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(throttlingBaseDelay, maxDelay))
                .build();
    }

    public AwsClientOptions withApiCallTimeout(Duration timeout) {
        return new AwsClientOptions(connectTimeout, readTimeout, timeout, apiCallAttemptTimeout, retryStrategy);
    }

    public AwsClientOptions withRetryStrategy(RetryStrategy strategy) {
        return new AwsClientOptions(connectTimeout, readTimeout, apiCallTimeout, apiCallAttemptTimeout, strategy);
    }
}
