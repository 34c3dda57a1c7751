package io.jenkins.plugins.lambdaverify.jenkins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.jenkins.plugins.lambdaverify.aws.AwsClientFactory;
import io.jenkins.plugins.lambdaverify.aws.AwsClientOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;

class AgentAwsTest {
    @Test
    void resolvedKeysKeepTheSessionTokenAndNeverPrintTheSecret() {
        AgentAws.Keys keys = AgentAws.Keys.of(AwsSessionCredentials.create("AKIAEXAMPLE", "s3cr3t", "token"));

        assertThat(keys.provider().resolveCredentials())
                .isInstanceOfSatisfying(
                        AwsSessionCredentials.class,
                        c -> assertThat(c.sessionToken()).isEqualTo("token"));
        AgentAws aws = new AgentAws(Map.of("AWS_SECRET_ACCESS_KEY", "s3cr3t"), keys, null, false);
        assertThat(aws.toString())
                .doesNotContain("s3cr3t")
                .doesNotContain("AKIAEXAMPLE")
                .doesNotContain("token");
    }

    @Test
    void keysWithoutTokenStayBasicCredentials() {
        AgentAws.Keys keys = AgentAws.Keys.of(AwsBasicCredentials.create("AKIAEXAMPLE", "s3cr3t"));

        assertThat(keys.sessionToken()).isNull();
        assertThat(keys.provider().resolveCredentials())
                .isNotInstanceOf(AwsSessionCredentials.class)
                .satisfies(c -> assertThat(c.secretAccessKey()).isEqualTo("s3cr3t"));
        assertThat(keys.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void settingsForTheEngineCarryRegionEndpointAndEnvironment() {
        AgentAws aws = new AgentAws(
                Map.of("AWS_PROFILE", "ci"),
                null,
                new AgentAws.Proxy("proxy.example.com", 3128, "user", "pw", List.of("*.internal")),
                false);

        var settings = aws.toSettings("eu-west-1", "http://127.0.0.1:4566");

        assertThat(settings.region()).isEqualTo("eu-west-1");
        assertThat(settings.endpointUrl()).isEqualTo("http://127.0.0.1:4566");
        assertThat(settings.environment()).containsEntry("AWS_PROFILE", "ci");
        assertThat(settings.allowDefaultChain()).isFalse();
        assertThat(settings.credentials()).isNull();
        assertThat(settings.proxy().host()).isEqualTo("proxy.example.com");
        assertThat(settings.proxy().nonProxyHosts()).containsExactly("*.internal");
    }

    @Test
    void resolvedKeysAndTheProxyPasswordAreTheSecretsToMask() {
        AgentAws aws = new AgentAws(
                Map.of(),
                AgentAws.Keys.of(AwsSessionCredentials.create("AKIAEXAMPLE", "s3cr3t", "token")),
                new AgentAws.Proxy("proxy.example.com", 3128, "user", "pw", List.of()),
                false);

        assertThat(aws.secrets()).containsExactly("s3cr3t", "token", "pw");
        assertThat(new AgentAws(Map.of(), null, null, false).secrets()).isEmpty();
    }

    /** The SDK clients inside Jenkins are Apache clients, routed through the Jenkins proxy unless the host is excluded. */
    @Test
    @Timeout(60)
    void awsCallsUseTheApacheClientThroughTheJenkinsProxy() {
        // The proxy is WireMock itself: a forward-proxied plain-HTTP request arrives with the target's Host header.
        WireMockServer proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        proxy.start();
        try {
            proxy.stubFor(any(anyUrl())
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"Functions\":[]}")));
            Map<String, String> keys = Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "s3cr3t");
            AgentAws viaProxy = new AgentAws(
                    keys, null, new AgentAws.Proxy("127.0.0.1", proxy.port(), null, null, List.of()), false);
            try (AwsClientFactory clients =
                    AwsClientFactory.create(viaProxy.toSettings("eu-west-1", "http://lambda.example.invalid:9"))) {
                clients.lambda().listFunctions();
            }
            proxy.verify(getRequestedFor(urlPathEqualTo("/2015-03-31/functions"))
                    .withHeader("Host", matching("lambda\\.example\\.invalid(:9)?")));

            AgentAws bypass = new AgentAws(
                    keys,
                    null,
                    new AgentAws.Proxy("127.0.0.1", proxy.port(), null, null, List.of("*.example.invalid")),
                    false);
            AwsClientOptions once = AwsClientOptions.defaults()
                    .withRetryStrategy(AwsClientOptions.retries(
                            1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)));
            try (AwsClientFactory clients =
                    AwsClientFactory.create(bypass.toSettings("eu-west-1", "http://lambda.example.invalid:9"), once)) {
                assertThatThrownBy(() -> clients.lambda().listFunctions()).isInstanceOf(SdkClientException.class);
            }
            proxy.verify(1, getRequestedFor(anyUrl())); // the excluded host was never sent to the proxy
        } finally {
            proxy.stop();
        }
    }
}
