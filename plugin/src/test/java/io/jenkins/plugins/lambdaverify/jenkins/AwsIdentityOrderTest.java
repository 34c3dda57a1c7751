package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.aws.AwsEnvironment;
import io.jenkins.plugins.lambdaverify.jenkins.AwsIdentityOrder.Choice;
import io.jenkins.plugins.lambdaverify.jenkins.AwsIdentityOrder.Source;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order of docs/jenkins.md: credentialsId, the step's environment, the global default, the agent's own. */
class AwsIdentityOrderTest {
    private static final Map<String, String> KEYS = Map.of(
            "AWS_ACCESS_KEY_ID", "AKIAFROMWITHAWS00001", "AWS_SECRET_ACCESS_KEY", "s", "AWS_REGION", "eu-west-1");
    private static final Map<String, String> IRSA =
            Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/secrets/token", "AWS_ROLE_ARN", "arn:aws:iam::1:role/r");
    /** A node whose own environment names no identity. */
    private static final Map<String, String> PLAIN_NODE = Map.of("PATH", "/usr/bin");

    @Test
    void theStepsCredentialsIdComesFirst() {
        assertThat(AwsIdentityOrder.choose(" aws-prod ", KEYS, PLAIN_NODE, "aws-default", true))
                .isEqualTo(new Choice(Source.CREDENTIALS_ID, "aws-prod", null));
    }

    @Test
    void keysTheStepSetBeatTheGlobalDefault() {
        assertThat(AwsIdentityOrder.choose(null, KEYS, PLAIN_NODE, "aws-default", false))
                .isEqualTo(new Choice(Source.ENVIRONMENT, null, "AWS_ACCESS_KEY_ID"));
        // withAWS over keys the node has itself: the value differs, so the step set it
        Map<String, String> nodeWithOtherKeys = Map.of("AWS_ACCESS_KEY_ID", "AKIACONTROLLER000001");
        assertThat(AwsIdentityOrder.choose(null, KEYS, nodeWithOtherKeys, "aws-default", false))
                .isEqualTo(new Choice(Source.ENVIRONMENT, null, "AWS_ACCESS_KEY_ID"));
    }

    @Test
    void keysOnlyInTheNodesOwnEnvironmentAreTheNodesIdentityNotTheSteps() {
        // e.g. a controller container started with AWS keys: every build on the built-in node inherits them
        Map<String, String> node = new HashMap<>(PLAIN_NODE);
        node.putAll(KEYS);
        Map<String, String> env = new HashMap<>(node);

        assertThat(AwsIdentityOrder.choose(null, env, node, "aws-default", false))
                .isEqualTo(new Choice(Source.GLOBAL_DEFAULT, "aws-default", null));
        assertThat(AwsIdentityOrder.choose(null, env, node, null, false).source())
                .isEqualTo(Source.NONE);
        // a remote agent allowed its own identity: they are that identity, after the global default
        assertThat(AwsIdentityOrder.choose(null, env, node, "aws-default", true).source())
                .isEqualTo(Source.GLOBAL_DEFAULT);
        assertThat(AwsIdentityOrder.choose(null, env, node, null, true).source())
                .isEqualTo(Source.AGENT);

        // and they do not travel where they may not be used (core would sign with them)
        assertThat(AwsIdentityOrder.forwarded(AwsEnvironment.awsVariables(env, null), node, false))
                .containsOnlyKeys("AWS_REGION");
        assertThat(AwsIdentityOrder.forwarded(AwsEnvironment.awsVariables(env, null), node, true))
                .containsOnlyKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION");
        // keys the step set do travel
        assertThat(AwsIdentityOrder.forwarded(KEYS, PLAIN_NODE, false))
                .containsOnlyKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION");
    }

    @Test
    void aProfileIsTheMachinesOwnIdentity() {
        // withEnv(['AWS_PROFILE=x']): the profile may use credential_source, a web identity or credential_process
        Map<String, String> profile = Map.of("AWS_PROFILE", "staging", "AWS_CONFIG_FILE", "/tmp/config");
        assertThat(AwsIdentityOrder.choose("", profile, PLAIN_NODE, "aws-default", false))
                .isEqualTo(new Choice(Source.GLOBAL_DEFAULT, "aws-default", null));
        assertThat(AwsIdentityOrder.forwarded(profile, PLAIN_NODE, false)).isEmpty();

        assertThat(AwsIdentityOrder.choose("", profile, PLAIN_NODE, "aws-default", true))
                .isEqualTo(new Choice(Source.ENVIRONMENT, null, "AWS_PROFILE"));
        assertThat(AwsIdentityOrder.forwarded(profile, PLAIN_NODE, true)).isEqualTo(profile);
    }

    @Test
    void theGlobalDefaultAppliesWhenTheEnvironmentNamesNoIdentity() {
        Map<String, String> regionOnly = Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:1");

        assertThat(AwsIdentityOrder.choose(null, regionOnly, PLAIN_NODE, "aws-default", true))
                .isEqualTo(new Choice(Source.GLOBAL_DEFAULT, "aws-default", null));
        // blank values are unset, as the SDK reads them
        assertThat(AwsIdentityOrder.choose(null, Map.of("AWS_ACCESS_KEY_ID", " "), PLAIN_NODE, "aws-default", false)
                        .source())
                .isEqualTo(Source.GLOBAL_DEFAULT);
    }

    @Test
    void aWebIdentityOrContainerEndpointCountsWhereTheAgentsIdentityMayBeUsed() {
        assertThat(AwsIdentityOrder.choose(null, IRSA, PLAIN_NODE, "aws-default", true))
                .isEqualTo(new Choice(Source.ENVIRONMENT, null, "AWS_WEB_IDENTITY_TOKEN_FILE"));
        assertThat(AwsIdentityOrder.choose(
                                null,
                                Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.23/v1"),
                                PLAIN_NODE,
                                null,
                                true)
                        .variable())
                .isEqualTo("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    }

    @Test
    void aWebIdentityIsIgnoredWhereOnlyTheControllerWouldHaveIt() {
        // Built-in node (or agent identity off): only the SDK's default chain reads it, which is never used there.
        assertThat(AwsIdentityOrder.choose(null, IRSA, PLAIN_NODE, "aws-default", false))
                .isEqualTo(new Choice(Source.GLOBAL_DEFAULT, "aws-default", null));
        assertThat(AwsIdentityOrder.choose(null, IRSA, PLAIN_NODE, null, false).source())
                .isEqualTo(Source.NONE);
        assertThat(AwsIdentityOrder.forwarded(IRSA, PLAIN_NODE, false)).isEmpty();
    }

    @Test
    void withNothingGivenTheAgentsOwnIdentityIsUsedOnlyWhereAllowed() {
        assertThat(AwsIdentityOrder.choose(null, Map.of(), PLAIN_NODE, null, true)
                        .source())
                .isEqualTo(Source.AGENT);
        assertThat(AwsIdentityOrder.choose(null, Map.of(), PLAIN_NODE, "  ", false)
                        .source())
                .isEqualTo(Source.NONE);
    }

    @Test
    void aConfigFileProfileFollowsTheAgentIdentitySwitch() {
        assertThat(AwsIdentityOrder.profileRefusal("prod", true)).isNull();
        assertThat(AwsIdentityOrder.profileRefusal(null, false)).isNull();
        assertThat(AwsIdentityOrder.profileRefusal("prod", false))
                .startsWith("target.profile 'prod' would read the agent machine's own ~/.aws")
                .doesNotContain("\n");
    }
}
