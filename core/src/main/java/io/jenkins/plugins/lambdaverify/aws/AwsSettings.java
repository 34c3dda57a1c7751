package io.jenkins.plugins.lambdaverify.aws;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How to reach AWS, as a front end sees it. Unset fields are {@code null}.
 *
 * @param region            explicit region (config, flag or step parameter)
 * @param profile           explicit profile
 * @param endpointUrl       explicit endpoint override for every service (tests, LocalStack)
 * @param roleArn           role to assume with STS
 * @param externalId        external id for the role
 * @param roleSessionName   session name for the role (default {@code lambda-verify})
 * @param credentials       explicit credentials (Jenkins' AWS Credentials), or {@code null}
 * @param environment       the run's environment: the CLI's process env, or the Jenkins step's EnvVars
 *                          ({@code withAWS}, the {@code aws} binding); read for AWS_* variables
 * @param allowDefaultChain whether the SDK's default credential and region chains may be used (the CLI: yes;
 *                          Jenkins: no, it would hand jobs the controller's identity)
 * @param proxy             HTTP proxy, or {@code null}
 * @param httpClientFactory builds the SDK HTTP clients, or {@code null} for the URLConnection client
 */
public record AwsSettings(String region, String profile, String endpointUrl, String roleArn, String externalId,
                          String roleSessionName, AwsCredentialsProvider credentials, Map<String, String> environment,
                          boolean allowDefaultChain, ProxySettings proxy, AwsHttpClientFactory httpClientFactory) {
    public AwsSettings {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    /** Settings with the default (URLConnection) HTTP client. */
    public AwsSettings(String region, String profile, String endpointUrl, String roleArn, String externalId,
                       String roleSessionName, AwsCredentialsProvider credentials, Map<String, String> environment,
                       boolean allowDefaultChain, ProxySettings proxy) {
        this(region, profile, endpointUrl, roleArn, externalId, roleSessionName, credentials, environment,
                allowDefaultChain, proxy, null);
    }

    /** These settings with another region, profile and endpoint (e.g. the config file's over the front end's). */
    public AwsSettings withTarget(String newRegion, String newProfile, String newEndpointUrl) {
        return new AwsSettings(newRegion, newProfile, newEndpointUrl, roleArn, externalId, roleSessionName,
                credentials, environment, allowDefaultChain, proxy, httpClientFactory);
    }

    @Override
    public String toString() {
        // the environment may hold AWS_SECRET_ACCESS_KEY: never print it
        return "AwsSettings[region=" + region + ", profile=" + profile + ", endpointUrl=" + endpointUrl
                + ", roleArn=" + roleArn + ", credentials=" + (credentials != null ? "explicit" : "none")
                + ", allowDefaultChain=" + allowDefaultChain + "]";
    }
}
