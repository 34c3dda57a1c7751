package io.jenkins.plugins.lambdaverify.aws;

import java.time.Duration;

/**
 * What an {@link AwsHttpClientFactory} needs to build one SDK HTTP client.
 *
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    socket read timeout (for Invoke, no shorter than the function's timeout)
 * @param proxy          the proxy, or {@code null} for direct connections
 */
public record HttpClientSettings(Duration connectTimeout, Duration readTimeout, ProxySettings proxy) {
}
