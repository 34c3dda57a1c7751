package io.jenkins.plugins.lambdaverify.aws;

import java.net.URI;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The default {@link AwsHttpClientFactory}: the SDK's URLConnection client. */
final class UrlConnectionClients {
    private UrlConnectionClients() {
    }

    static SdkHttpClient create(HttpClientSettings settings) {
        UrlConnectionHttpClient.Builder b = UrlConnectionHttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.readTimeout());
        ProxySettings proxy = settings.proxy();
        if (proxy != null && proxy.host() != null && !proxy.host().isBlank()) {
            ProxyConfiguration.Builder p = ProxyConfiguration.builder()
                    .endpoint(URI.create("http://" + proxy.host().trim() + ":" + (proxy.port() > 0 ? proxy.port() : 80)))
                    .nonProxyHosts(proxy.nonProxyHostPatterns())
                    .useSystemPropertyValues(false)
                    .useEnvironmentVariablesValues(false);
            if (proxy.username() != null && !proxy.username().isBlank()) {
                p.username(proxy.username()).password(proxy.password());
            }
            b.proxyConfiguration(p.build());
        }
        return b.build();
    }
}
