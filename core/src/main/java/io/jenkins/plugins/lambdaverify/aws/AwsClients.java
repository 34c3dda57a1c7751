package io.jenkins.plugins.lambdaverify.aws;

import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Port: the AWS clients of one run. Closing it closes every client it handed out. */
public interface AwsClients extends AutoCloseable {
    Region region();

    /** Lambda for read-only control-plane calls (discovery, GetAlias). Never use it for Invoke: it retries. */
    LambdaClient lambda();

    /**
     * A new Lambda client for Invoke with the caller's override (its retry strategy, timeouts, interceptors) and
     * an HTTP read timeout no shorter than the function's timeout. Owned by this object: closed with it.
     *
     * @param override    the caller's configuration, used as given (only the profile file is filled in when unset)
     * @param readTimeout socket read timeout, or {@code null} for the factory's
     */
    LambdaClient newLambdaClient(ClientOverrideConfiguration override, Duration readTimeout);

    CloudWatchLogsClient logs();

    CloudFormationClient cloudFormation();

    StsClient sts();

    @Override
    void close();
}
