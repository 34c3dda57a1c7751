package io.jenkins.plugins.lambdaverify.jenkins;

import io.jenkins.plugins.lambdaverify.aws.HttpClientSettings;
import io.jenkins.plugins.lambdaverify.aws.ProxySettings;
import java.net.URI;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ProxyConfiguration;

/**
 * The SDK HTTP client inside Jenkins: the aws-java-sdk2-core plugin bundles the Apache client (core's default,
 * url-connection-client, is not there). Built on the agent with the Jenkins proxy and core's timeouts.
 */
@SuppressWarnings("deprecation") // SDKs after the one Jenkins bundles prefer apache5-client, which it does not bundle
final class ApacheHttpClients {
    private ApacheHttpClients() {}

    /** Implements core's {@code AwsHttpClientFactory}. */
    static SdkHttpClient create(HttpClientSettings settings) {
        ApacheHttpClient.Builder builder = ApacheHttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.readTimeout());
        ProxyConfiguration proxy = proxy(settings.proxy());
        if (proxy != null) {
            builder.proxyConfiguration(proxy);
        }
        return builder.build();
    }

    /**
     * The Jenkins proxy as the Apache client's configuration, or {@code null} without one (the agent JVM's own
     * proxy properties then apply, as for any other client on that agent).
     */
    static ProxyConfiguration proxy(ProxySettings proxy) {
        if (proxy == null || proxy.host() == null || proxy.host().isBlank()) {
            return null;
        }
        ProxyConfiguration.Builder p = ProxyConfiguration.builder()
                .endpoint(URI.create("http://" + proxy.host().trim() + ":" + (proxy.port() > 0 ? proxy.port() : 80)))
                .nonProxyHosts(proxy.nonProxyHostPatterns())
                // Jenkins' proxy is the whole truth here: never mix in the agent's system properties or environment
                .useSystemPropertyValues(false)
                .useEnvironmentVariableValues(false);
        if (proxy.username() != null && !proxy.username().isBlank()) {
            p.username(proxy.username()).password(proxy.password());
        }
        return p.build();
    }
}
