package io.jenkins.plugins.lambdaverify.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEnvironmentTest {
    @Test
    void onlyAwsVariablesArePassedOn() {
        Map<String, String> env = Map.of(
                "AWS_ACCESS_KEY_ID",
                "AKIAEXAMPLE",
                "AWS_REGION",
                "eu-west-1",
                "AWS_ENDPOINT_URL",
                "http://127.0.0.1:4566",
                "GITHUB_TOKEN",
                "ghp_secret",
                "PATH",
                "/usr/bin",
                "MY_AWS_THING",
                "not an SDK variable");

        assertThat(AwsEnvironment.awsVariables(env, null))
                .containsOnlyKeys("AWS_ACCESS_KEY_ID", "AWS_REGION", "AWS_ENDPOINT_URL")
                .containsEntry("AWS_ENDPOINT_URL", "http://127.0.0.1:4566");
    }

    @Test
    void theDefaultRegionComesAfterTheEnvironment() {
        assertThat(AwsEnvironment.awsVariables(Map.of("PATH", "/usr/bin"), "ap-southeast-2"))
                .containsEntry("AWS_REGION", "ap-southeast-2");
        assertThat(AwsEnvironment.awsVariables(Map.of("AWS_REGION", "eu-west-1"), "ap-southeast-2"))
                .containsEntry("AWS_REGION", "eu-west-1");
        assertThat(AwsEnvironment.awsVariables(Map.of("AWS_DEFAULT_REGION", "us-east-2"), "ap-southeast-2"))
                .doesNotContainKey("AWS_REGION")
                .containsEntry("AWS_DEFAULT_REGION", "us-east-2");
    }

    @Test
    void aBlankRegionInTheEnvironmentDoesNotHideTheDefault() {
        assertThat(AwsEnvironment.awsVariables(Map.of("AWS_REGION", " "), "ap-southeast-2"))
                .containsEntry("AWS_REGION", "ap-southeast-2");
        assertThat(AwsEnvironment.awsVariables(Map.of("AWS_REGION", "eu-west-1"), " "))
                .containsEntry("AWS_REGION", "eu-west-1");
        assertThat(AwsEnvironment.awsVariables(Map.of(), "")).isEmpty();
    }

    @Test
    void unsetValuesAreLeftOut() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_PROFILE", null);
        env.put("AWS_REGION", "eu-west-1");

        assertThat(AwsEnvironment.awsVariables(env, null)).containsOnlyKeys("AWS_REGION");
    }

    /** The region the default stands in for is the one the AWS clients then use. */
    @Test
    void theClientsUseTheDefaultRegionWhenTheEnvironmentHasNone() {
        Map<String, String> env = AwsEnvironment.awsVariables(
                Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "s3cr3t"), "ap-southeast-2");
        AwsSettings settings = new AwsSettings(null, null, "http://127.0.0.1:9", null, null, null, null, env, false,
                null);

        try (AwsClientFactory clients = AwsClientFactory.create(settings)) {
            assertThat(clients.region().id()).isEqualTo("ap-southeast-2");
        }
    }
}
