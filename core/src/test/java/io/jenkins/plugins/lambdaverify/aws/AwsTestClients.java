package io.jenkins.plugins.lambdaverify.aws;

import java.time.Duration;
import java.util.Map;

/** Real SDK clients pointed at a local WireMock, with dummy keys and fast retries. */
public final class AwsTestClients {
    private AwsTestClients() {
    }

    public static AwsClientFactory against(int port) {
        return against(port, Duration.ofSeconds(10));
    }

    public static AwsClientFactory against(int port, Duration apiCallTimeout) {
        AwsSettings settings = new AwsSettings("eu-west-1", null, "http://127.0.0.1:" + port, null, null, null, null,
                Map.of("AWS_ACCESS_KEY_ID", "AKIDTEST", "AWS_SECRET_ACCESS_KEY", "testsecret"), false, null);
        AwsClientOptions options = new AwsClientOptions(Duration.ofSeconds(2), Duration.ofSeconds(10), apiCallTimeout,
                apiCallTimeout, AwsClientOptions.retries(3, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50)));
        return AwsClientFactory.create(settings, options);
    }
}
