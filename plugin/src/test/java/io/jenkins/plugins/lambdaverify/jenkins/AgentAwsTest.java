package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

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
}
