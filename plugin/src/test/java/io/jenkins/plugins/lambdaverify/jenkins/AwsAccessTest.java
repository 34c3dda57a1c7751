package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsAccessTest {
    @Test
    void onlyAwsVariablesCrossToTheAgent() {
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
                "/usr/bin");

        assertThat(AwsAccess.awsVariables(env, null))
                .containsOnlyKeys("AWS_ACCESS_KEY_ID", "AWS_REGION", "AWS_ENDPOINT_URL");
    }

    @Test
    void theGlobalDefaultRegionComesAfterTheEnvironment() {
        assertThat(AwsAccess.awsVariables(Map.of("PATH", "/usr/bin"), "ap-southeast-2"))
                .containsEntry("AWS_REGION", "ap-southeast-2");
        assertThat(AwsAccess.awsVariables(Map.of("AWS_REGION", "eu-west-1"), "ap-southeast-2"))
                .containsEntry("AWS_REGION", "eu-west-1");
        assertThat(AwsAccess.awsVariables(Map.of("AWS_DEFAULT_REGION", "us-east-2"), "ap-southeast-2"))
                .doesNotContainKey("AWS_REGION");
    }
}
