package io.jenkins.plugins.lambdaverify.aws;

import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Builds the SDK HTTP clients of a run. The CLI uses {@link #urlConnection()}; a front end whose class path brings
 * another client (Jenkins' aws-java-sdk2-core plugin bundles the Apache client, not url-connection) passes its own.
 * Each call builds a new client that {@link AwsClientFactory} owns and closes.
 */
@FunctionalInterface
public interface AwsHttpClientFactory {
    SdkHttpClient create(HttpClientSettings settings);

    /** The default: the SDK's URLConnection client, with the settings' timeouts and proxy. */
    static AwsHttpClientFactory urlConnection() {
        return UrlConnectionClients::create;
    }
}
