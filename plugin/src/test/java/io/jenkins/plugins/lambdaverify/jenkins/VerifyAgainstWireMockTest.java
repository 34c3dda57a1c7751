package io.jenkins.plugins.lambdaverify.jenkins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import hudson.model.Result;
import hudson.tasks.junit.TestResultAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The step end to end against a Lambda API served by WireMock through {@code endpointUrl}, with the AWS keys of a
 * {@code withEnv} block (what {@code withAWS} and the {@code aws} binding provide).
 */
@Disabled("Enable once AgentVerification.runEngine calls the core engine (SEAM); the inline phase shorthand "
        + "follows issue 2's config format (- GET /health: 200)")
@WithJenkins
class VerifyAgainstWireMockTest {
    private static final String ENV_ACCESS_KEY = "AKIAWITHENVTEST00001";
    private static final String ENV_SECRET_KEY = "withEnvSecretKeyForTestsOnly0000000000000";
    private static final String INVOKE = "/2015-03-31/functions/orders-api/invocations";

    private WireMockServer lambda;

    @BeforeEach
    void startLambda() {
        lambda = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        lambda.start();
        lambda.stubFor(get(urlPathMatching("/2015-03-31/functions/orders-api/configuration.*"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"FunctionName\":\"orders-api\",\"Runtime\":\"python3.12\",\"Timeout\":30,"
                                + "\"Version\":\"$LATEST\"}")));
        // CloudWatch Logs: no events, so the log scan finds nothing.
        lambda.stubFor(post("/")
                .withHeader("X-Amz-Target", containing("FilterLogEvents"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"events\":[],\"searchedLogStreams\":[]}")));
    }

    @AfterEach
    void stopLambda() {
        lambda.stop();
    }

    @Test
    void passingVerificationReturnsItsResultAndAttachesJUnit(JenkinsRule r) throws Exception {
        answer(200, "{\\\"ok\\\":true}");

        WorkflowRun run = build(r, "", Result.SUCCESS);

        r.assertLogContains("passed=true failed=0", run);
        TestResultAction tests = run.getAction(TestResultAction.class);
        assertThat(tests.getTotalCount()).isEqualTo(1);
        assertThat(tests.getFailCount()).isZero();
        assertThat(run.getAction(LambdaVerifyBuildAction.class).getResult().isPassed())
                .isTrue();
        // The keys of the step's environment signed the call: never the controller's own identity.
        lambda.verify(postRequestedFor(urlPathMatching(INVOKE))
                .withHeader("Authorization", containing("Credential=" + ENV_ACCESS_KEY)));
        r.assertLogNotContains(ENV_SECRET_KEY, run);
    }

    @Test
    void failingVerificationMarksTheStageUnstableWhenAsked(JenkinsRule r) throws Exception {
        answer(500, "{\\\"message\\\":\\\"Internal Server Error\\\"}");

        WorkflowRun run = build(r, ", resultOnFailure: 'UNSTABLE'", Result.UNSTABLE);

        r.assertLogContains("passed=false failed=1", run);
        assertThat(run.getAction(TestResultAction.class).getFailCount()).isEqualTo(1);
        assertThat(new DepthFirstScanner().allNodes(run.getExecution()))
                .extracting(node -> node.getPersistentAction(WarningAction.class))
                .filteredOn(action -> action != null)
                .extracting(WarningAction::getResult)
                .containsExactly(Result.UNSTABLE);
    }

    @Test
    void failingVerificationFailsTheBuildByDefault(JenkinsRule r) throws Exception {
        answer(500, "{\\\"message\\\":\\\"Internal Server Error\\\"}");

        WorkflowRun run = build(r, "", Result.FAILURE);

        r.assertLogContains("failed verification: 1 failed", run);
        assertThat(run.getAction(LambdaVerifyBuildAction.class).getResult().getFailed())
                .isEqualTo(1);
        r.assertLogNotContains("passed=", run);
    }

    private void answer(int status, String escapedBody) {
        String tail = Base64.getEncoder()
                .encodeToString("REPORT RequestId: 1 Duration: 12.0 ms Init Duration: 250.0 ms\n"
                        .getBytes(StandardCharsets.UTF_8));
        lambda.stubFor(any(urlPathMatching(INVOKE))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Amz-Executed-Version", "42")
                        .withHeader("X-Amz-Log-Result", tail)
                        .withBody("{\"statusCode\":" + status + ",\"headers\":{\"Content-Type\":"
                                + "\"application/json\"},\"body\":\"" + escapedBody + "\"}")));
    }

    private WorkflowRun build(JenkinsRule r, String extraOptions, Result expected) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(
                "node {\n"
                        + "  withEnv(['AWS_ACCESS_KEY_ID=" + ENV_ACCESS_KEY + "', 'AWS_SECRET_ACCESS_KEY="
                        + ENV_SECRET_KEY
                        + "']) {\n"
                        + "    stage('verify') {\n"
                        + "      def result = verifyLambdaDeployment function: 'orders-api', region: 'eu-west-1', "
                        + "endpointUrl: '" + lambda.baseUrl()
                        + "', phases: [[name: 'public', checks: [['GET /health': 200]]]]"
                        + extraOptions + "\n"
                        + "      echo \"passed=${result.passed} failed=${result.failed}\"\n"
                        + "    }\n"
                        + "  }\n"
                        + "}",
                true));
        return r.buildAndAssertStatus(expected, job);
    }
}
