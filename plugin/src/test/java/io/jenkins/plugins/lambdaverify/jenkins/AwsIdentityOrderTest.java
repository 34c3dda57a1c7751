package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.jenkins.AwsIdentityOrder.Choice;
import io.jenkins.plugins.lambdaverify.jenkins.AwsIdentityOrder.Source;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order of docs/jenkins.md: credentialsId, the step's environment, the global default, the agent's own. */
class AwsIdentityOrderTest {
    private static final Map<String, String> KEYS = Map.of(
            "AWS_ACCESS_KEY_ID", "AKIAFROMWITHAWS00001", "AWS_SECRET_ACCESS_KEY", "s", "AWS_REGION", "eu-west-1");
    private static final Map<String, String> IRSA =
            Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/secrets/token", "AWS_ROLE_ARN", "arn:aws:iam::1:role/r");

    @Test
    void theStepsCredentialsIdComesFirst() {
        assertThat(AwsIdentityOrder.choose(" aws-prod ", KEYS, "aws-default", true))
                .isEqualTo(new Choice(Source.CREDENTIALS_ID, "aws-prod", null));
    }

    @Test
    void keysOrAProfileInTheEnvironmentBeatTheGlobalDefault() {
        assertThat(AwsIdentityOrder.choose(null, KEYS, "aws-default", false))
                .isEqualTo(new Choice(Source.ENVIRONMENT, null, "AWS_ACCESS_KEY_ID"));
        assertThat(AwsIdentityOrder.choose("", Map.of("AWS_PROFILE", "staging"), "aws-default", false))
                .isEqualTo(new Choice(Source.ENVIRONMENT, null, "AWS_PROFILE"));
    }

    @Test
    void theGlobalDefaultAppliesWhenTheEnvironmentNamesNoIdentity() {
        Map<String, String> regionOnly = Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:1");

        assertThat(AwsIdentityOrder.choose(null, regionOnly, "aws-default", true))
                .isEqualTo(new Choice(Source.GLOBAL_DEFAULT, "aws-default", null));
        // blank values are unset, as the SDK reads them
        assertThat(AwsIdentityOrder.choose(null, Map.of("AWS_ACCESS_KEY_ID", " "), "aws-default", false)
                        .source())
                .isEqualTo(Source.GLOBAL_DEFAULT);
    }

    @Test
    void aWebIdentityOrContainerEndpointCountsWhereTheAgentsIdentityMayBeUsed() {
        assertThat(AwsIdentityOrder.choose(null, IRSA, "aws-default", true))
                .isEqualTo(new Choice(Source.ENVIRONMENT, null, "AWS_WEB_IDENTITY_TOKEN_FILE"));
        assertThat(AwsIdentityOrder.choose(
                                null,
                                Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.23/v1"),
                                null,
                                true)
                        .variable())
                .isEqualTo("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    }

    @Test
    void aWebIdentityIsIgnoredWhereOnlyTheControllerWouldHaveIt() {
        // Built-in node (or agent identity off): only the SDK's default chain reads it, which is never used there.
        assertThat(AwsIdentityOrder.choose(null, IRSA, "aws-default", false))
                .isEqualTo(new Choice(Source.GLOBAL_DEFAULT, "aws-default", null));
        assertThat(AwsIdentityOrder.choose(null, IRSA, null, false).source()).isEqualTo(Source.NONE);
    }

    @Test
    void withNothingGivenTheAgentsOwnIdentityIsUsedOnlyWhereAllowed() {
        assertThat(AwsIdentityOrder.choose(null, Map.of(), null, true).source()).isEqualTo(Source.AGENT);
        assertThat(AwsIdentityOrder.choose(null, Map.of(), "  ", false).source())
                .isEqualTo(Source.NONE);
    }
}
