package io.jenkins.plugins.lambdaverify.jenkins;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.EnvironmentVariablesNodeProperty;
import hudson.tasks.junit.CaseResult;
import hudson.tasks.junit.TestResultAction;
import hudson.tasks.test.TestResultProjectAction;
import io.jenkins.plugins.lambdaverify.summary.VerificationSummary;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The step and the publisher end to end: core's engine runs in the build against the Lambda and CloudWatch Logs APIs
 * served by WireMock (through {@code endpointUrl} or {@code AWS_ENDPOINT_URL}), signed with the keys of a
 * {@code withEnv} block (what {@code withAWS} and the {@code aws} binding provide) or of a Jenkins credential.
 */
@WithJenkins
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class VerifyAgainstWireMockTest {
    private static final String ENV_ACCESS_KEY = "AKIAWITHENVTEST00001";
    private static final String ENV_SECRET_KEY = "withEnvSecretKeyForTestsOnly0000000000000";
    private static final String CREDENTIAL_ACCESS_KEY = "AKIACREDENTIALTEST01";
    private static final String CREDENTIAL_SECRET_KEY = "credentialSecretKeyForTestsOnly000000000";
    private static final String HEALTH_PHASE = "phases: [[name: 'public', checks: [['GET /health': 200]]]]";

    private LambdaApi lambda;

    @BeforeEach
    void startLambda() {
        lambda = new LambdaApi();
    }

    @AfterEach
    void stopLambda() {
        lambda.close();
    }

    @Test
    void passingVerificationReturnsItsResultAndAttachesJUnit(JenkinsRule r) throws Exception {
        lambda.answer(200);

        WorkflowRun run =
                build(r, withEnvKeys("verifyLambdaDeployment " + direct() + ", " + HEALTH_PHASE), Result.SUCCESS);

        r.assertLogContains("passed=true failed=0", run);
        // core's progress line as the check ends, then core's end-of-run summary (the CLI's), ASCII marks
        r.assertLogContains("[lambda-verify] ok public  GET /health -> 200", run);
        r.assertLogContains("[lambda-verify] PASSED: 1 passed of 1 check in ", run);
        TestResultAction tests = run.getAction(TestResultAction.class);
        assertThat(tests.getFailCount()).isZero();
        assertThat(tests.getResult().getPassedTests())
                .extracting(CaseResult::getName)
                .contains("GET /health -> 200");
        VerificationSummary summary = run.getAction(LambdaVerifyBuildAction.class)
                .getResult()
                .getVerifications()
                .get(0);
        assertThat(summary.isPassed()).isTrue();
        assertThat(summary.getColdStarts()).isEqualTo(1);
        assertThat(summary.getReportFiles())
                .contains(
                        "lambda-verify/" + summary.getId() + "/junit.xml",
                        "lambda-verify/" + summary.getId() + "/report.json",
                        "lambda-verify/" + summary.getId() + "/summary.md");
        // The keys of the step's environment signed the call: never the controller's own identity.
        lambda.verify(postRequestedFor(urlPathMatching(LambdaApi.INVOKE))
                .withHeader("Authorization", containing("Credential=" + ENV_ACCESS_KEY + "/")));
        // The log scan read the function's log group.
        lambda.verify(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents")));
        r.assertLogNotContains(ENV_SECRET_KEY, run);
    }

    @Test
    void failingVerificationMarksTheStageUnstableWhenAsked(JenkinsRule r) throws Exception {
        lambda.answer(500);

        WorkflowRun run = build(
                r,
                withEnvKeys("verifyLambdaDeployment " + direct() + ", resultOnFailure: 'UNSTABLE', " + HEALTH_PHASE),
                Result.UNSTABLE);

        r.assertLogContains("passed=false failed=1", run);
        r.assertLogContains("expected status 200 but was 500", run);
        r.assertLogContains("[lambda-verify] FAILED: 1 failed, 0 errors, 0 passed, 0 skipped of 1 check in ", run);
        assertThat(run.getAction(TestResultAction.class).getFailCount()).isEqualTo(1);
        assertThat(new DepthFirstScanner().allNodes(run.getExecution()))
                .extracting(node -> node.getPersistentAction(WarningAction.class))
                .filteredOn(action -> action != null)
                .extracting(WarningAction::getResult)
                .containsExactly(Result.UNSTABLE);
    }

    @Test
    void failingVerificationFailsTheBuildByDefault(JenkinsRule r) throws Exception {
        lambda.answer(500);

        WorkflowRun run =
                build(r, withEnvKeys("verifyLambdaDeployment " + direct() + ", " + HEALTH_PHASE), Result.FAILURE);

        r.assertLogContains("failed verification: 1 failed", run);
        assertThat(run.getAction(LambdaVerifyBuildAction.class)
                        .getResult()
                        .getVerifications()
                        .get(0)
                        .getFailed())
                .isEqualTo(1);
        // The JUnit report is attached although the step failed the build.
        assertThat(run.getAction(TestResultAction.class).getFailCount()).isEqualTo(1);
        r.assertLogNotContains("passed=", run);
    }

    @Test
    void regionEndpointAndKeysComeFromTheStepsEnvironment(JenkinsRule r) throws Exception {
        lambda.answer(200);

        WorkflowRun run = build(
                r,
                "withEnv(['AWS_REGION=eu-west-1', 'AWS_ENDPOINT_URL=" + lambda.url() + "', 'AWS_ACCESS_KEY_ID="
                        + ENV_ACCESS_KEY + "', 'AWS_SECRET_ACCESS_KEY=" + ENV_SECRET_KEY + "']) {\n"
                        + "  def result = verifyLambdaDeployment function: '" + LambdaApi.FUNCTION + "', "
                        + HEALTH_PHASE + "\n"
                        + "  echo \"passed=${result.passed}\"\n"
                        + "}",
                Result.SUCCESS);

        r.assertLogContains("passed=true", run);
        lambda.verify(postRequestedFor(urlPathMatching(LambdaApi.INVOKE))
                .withHeader("Authorization", containing("Credential=" + ENV_ACCESS_KEY + "/"))
                .withHeader("Authorization", containing("/eu-west-1/lambda/aws4_request")));
        r.assertLogNotContains(ENV_SECRET_KEY, run);
    }

    @Test
    void aConfigFileInTheWorkspaceIsReadAndStepParametersOverrideIt(JenkinsRule r) throws Exception {
        lambda.answer(200);
        String config = "target:\\n  function: some-other-function\\n  region: eu-west-1\\n"
                + "logScan:\\n  enabled: false\\n"
                + "phases:\\n  - name: smoke\\n    checks:\\n      - GET /health: 200\\n      - GET /ready: 200\\n";

        WorkflowRun run = build(
                r,
                "writeFile file: 'lambda-verify.yaml', text: \"" + config + "\"\n"
                        + withEnvKeys("verifyLambdaDeployment function: '" + LambdaApi.FUNCTION + "', endpointUrl: '"
                                + lambda.url() + "'"),
                Result.SUCCESS);

        r.assertLogContains("passed=true failed=0", run);
        assertThat(lambda.invocations()).isEqualTo(2);
        // The file turned the log scan off.
        lambda.verify(0, postRequestedFor(urlPathEqualTo("/")));
    }

    @Test
    void aMistakeInTheConfigFileIsOneLineNamingWhereItIs(JenkinsRule r) throws Exception {
        WorkflowRun run = build(
                r,
                "writeFile file: 'verify.yaml', text: 'phases:\\n  - name: smoke\\n    chekcs: []\\n'\n"
                        + withEnvKeys("verifyLambdaDeployment config: 'verify.yaml', " + direct()),
                Result.FAILURE);

        r.assertLogContains("lambda-verify: ", run);
        r.assertLogContains("verify.yaml:3:", run);
        r.assertLogNotContains("\tat ", run); // no stack trace
        assertThat(lambda.invocations()).isZero();
    }

    @Test
    void aMissingNamedConfigFileIsAnError(JenkinsRule r) throws Exception {
        WorkflowRun run =
                build(r, withEnvKeys("verifyLambdaDeployment config: 'missing.yaml', " + direct()), Result.FAILURE);

        r.assertLogContains("config file not found", run);
        r.assertLogNotContains("\tat ", run);
    }

    @Test
    void credentialsSignTheCallsAndNeverAppearInTheLog(JenkinsRule r) throws Exception {
        lambda.answer(200);
        addCredential();

        WorkflowRun run = build(
                r,
                "verifyLambdaDeployment credentialsId: 'aws-test', " + direct() + ", " + HEALTH_PHASE + "\n",
                Result.SUCCESS);

        lambda.verify(postRequestedFor(urlPathMatching(LambdaApi.INVOKE))
                .withHeader("Authorization", containing("Credential=" + CREDENTIAL_ACCESS_KEY + "/")));
        r.assertLogNotContains(CREDENTIAL_SECRET_KEY, run);
        r.assertLogNotContains(CREDENTIAL_ACCESS_KEY, run);
        String junit = run.getAction(TestResultAction.class).getResult().getPassedTests().stream()
                .map(c -> c.getStdout() + c.getStderr())
                .reduce("", String::concat);
        assertThat(junit).doesNotContain(CREDENTIAL_SECRET_KEY);
    }

    @Test
    void theGlobalDefaultCredentialsNeverOverrideKeysOfTheStepsEnvironment(JenkinsRule r) throws Exception {
        lambda.answer(200);
        addCredential();
        LambdaVerifyGlobalConfiguration.get().setDefaultCredentialsId("aws-test");

        WorkflowRun run =
                build(r, withEnvKeys("verifyLambdaDeployment " + direct() + ", " + HEALTH_PHASE), Result.SUCCESS);

        // withAWS / the aws binding chose this identity: the administrator's default must not replace it.
        lambda.verify(postRequestedFor(urlPathMatching(LambdaApi.INVOKE))
                .withHeader("Authorization", containing("Credential=" + ENV_ACCESS_KEY + "/")));
        lambda.verify(
                0,
                postRequestedFor(urlPathMatching(".*"))
                        .withHeader("Authorization", containing("Credential=" + CREDENTIAL_ACCESS_KEY + "/")));
        r.assertLogContains("AWS identity: the step's environment (AWS_ACCESS_KEY_ID)", run);
    }

    @Test
    void theGlobalDefaultCredentialsSignWhenTheEnvironmentNamesNoIdentity(JenkinsRule r) throws Exception {
        lambda.answer(200);
        addCredential();
        LambdaVerifyGlobalConfiguration.get().setDefaultCredentialsId("aws-test");

        WorkflowRun run = build(r, "verifyLambdaDeployment " + direct() + ", " + HEALTH_PHASE + "\n", Result.SUCCESS);

        lambda.verify(postRequestedFor(urlPathMatching(LambdaApi.INVOKE))
                .withHeader("Authorization", containing("Credential=" + CREDENTIAL_ACCESS_KEY + "/")));
        r.assertLogContains("AWS identity: the global default credentials 'aws-test'", run);
        r.assertLogNotContains(CREDENTIAL_SECRET_KEY, run);
    }

    @Test
    void keysEveryBuildOfTheNodeGetsAreNotTheStepsIdentity(JenkinsRule r) throws Exception {
        lambda.answer(200);
        addCredential();
        LambdaVerifyGlobalConfiguration.get().setDefaultCredentialsId("aws-test");
        // as a controller started with AWS keys: every build on the built-in node has them, no step chose them
        r.jenkins
                .getGlobalNodeProperties()
                .add(new EnvironmentVariablesNodeProperty(
                        new EnvironmentVariablesNodeProperty.Entry("AWS_ACCESS_KEY_ID", ENV_ACCESS_KEY),
                        new EnvironmentVariablesNodeProperty.Entry("AWS_SECRET_ACCESS_KEY", ENV_SECRET_KEY)));

        WorkflowRun run = build(r, "verifyLambdaDeployment " + direct() + ", " + HEALTH_PHASE + "\n", Result.SUCCESS);

        lambda.verify(postRequestedFor(urlPathMatching(LambdaApi.INVOKE))
                .withHeader("Authorization", containing("Credential=" + CREDENTIAL_ACCESS_KEY + "/")));
        lambda.verify(
                0,
                postRequestedFor(urlPathMatching(".*"))
                        .withHeader("Authorization", containing("Credential=" + ENV_ACCESS_KEY + "/")));
        r.assertLogContains("AWS identity: the global default credentials 'aws-test'", run);
    }

    @Test
    void testResultsAndOwnTrendsShowOnTheJobPage(JenkinsRule r) throws Exception {
        lambda.answer(200);
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(
                "node {\n" + withEnvKeys("verifyLambdaDeployment " + direct() + ", " + HEALTH_PHASE) + "}", true));

        r.buildAndAssertSuccess(job);
        WorkflowRun second = r.buildAndAssertSuccess(job);

        assertThat(second.getAction(TestResultAction.class).getPreviousResult()).isNotNull();
        assertThat(job.getAction(TestResultProjectAction.class)).isNotNull();
        LambdaVerifyJobAction trend = job.getAction(LambdaVerifyJobAction.class);
        assertThat(trend.isTrendVisible()).isTrue();
        assertThat(trend.getBuildTrendModel()).contains("\"Passed\"");
        assertThat(job.getAction(LambdaVerifyLatencyJobAction.class)).isNotNull();
    }

    @Test
    void abortingStopsTheInFlightCheckAndStillAttachesTheReports(JenkinsRule r) throws Exception {
        lambda.answerSlowly(200, 60_000);
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(
                "node {\n" + withEnvKeys("verifyLambdaDeployment " + direct() + ", " + HEALTH_PHASE) + "}", true));
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        while (lambda.invocations() == 0) { // bounded by the class's @Timeout
            Thread.sleep(100);
        }

        run.doStop();

        r.waitForCompletion(run);
        r.assertBuildStatus(Result.ABORTED, run);
        VerificationSummary summary = run.getAction(LambdaVerifyBuildAction.class)
                .getResult()
                .getVerifications()
                .get(0);
        assertThat(summary.getTermination()).isEqualTo("ABORTED");
        assertThat(run.getAction(TestResultAction.class)).isNotNull();
    }

    @Test
    void runsOnTheAgentThatHoldsTheWorkspaceWithTheApacheClient(JenkinsRule r) throws Exception {
        lambda.answer(200);
        r.createOnlineSlave(Label.get("remote"));

        WorkflowRun run = build(
                r, "remote", withEnvKeys("verifyLambdaDeployment " + direct() + ", " + HEALTH_PHASE), Result.SUCCESS);

        r.assertLogContains("passed=true failed=0", run);
        assertThat(run.getAction(TestResultAction.class).getFailCount()).isZero();
        lambda.verify(postRequestedFor(urlPathMatching(LambdaApi.INVOKE))
                .withHeader("User-Agent", containing("md/http#Apache"))
                .withHeader("Authorization", containing("Credential=" + ENV_ACCESS_KEY + "/")));
        r.assertLogNotContains(ENV_SECRET_KEY, run);
    }

    @Test
    void abortingOnARemoteAgentStillAttachesTheReports(JenkinsRule r) throws Exception {
        lambda.answerSlowly(200, 60_000);
        r.createOnlineSlave(Label.get("remote"));
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(
                "node('remote') {\n" + withEnvKeys("verifyLambdaDeployment " + direct() + ", " + HEALTH_PHASE) + "}",
                true));
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        while (lambda.invocations() == 0) { // bounded by the class's @Timeout
            Thread.sleep(100);
        }

        run.doStop();

        r.waitForCompletion(run);
        r.assertBuildStatus(Result.ABORTED, run);
        assertThat(run.getAction(LambdaVerifyBuildAction.class)
                        .getResult()
                        .getVerifications()
                        .get(0)
                        .getTermination())
                .isEqualTo("ABORTED");
        assertThat(run.getAction(TestResultAction.class)).isNotNull();
    }

    @Test
    void freestylePublisherVerifiesAFailedBuildFromTheConfigFile(JenkinsRule r) throws Exception {
        lambda.answer(200);
        addCredential();
        FreeStyleProject job = r.createFreeStyleProject();
        job.getBuildersList()
                .add(new WriteFile(
                        "lambda-verify.yaml",
                        "logScan: {enabled: false}\n"
                                + "phases:\n"
                                + "  - name: smoke\n"
                                + "    checks:\n"
                                + "      - GET /health: 200\n"));
        job.getBuildersList().add(new FailureBuilder());
        LambdaVerifyRecorder recorder = new LambdaVerifyRecorder();
        recorder.setFunction(LambdaApi.FUNCTION);
        recorder.setRegion("eu-west-1");
        recorder.setEndpointUrl(lambda.url());
        recorder.setCredentialsId("aws-test");
        job.getPublishersList().add(recorder);

        FreeStyleBuild build = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("The build is already FAILURE; verifying anyway", build);
        assertThat(lambda.invocations()).isEqualTo(1);
        assertThat(build.getAction(TestResultAction.class).getTotalCount()).isEqualTo(1);
        assertThat(build.getAction(LambdaVerifyBuildAction.class)
                        .getResult()
                        .getVerifications()
                        .get(0)
                        .isPassed())
                .isTrue();
        r.assertLogNotContains(CREDENTIAL_SECRET_KEY, build);
    }

    /** A build step that writes a file into the workspace, as a checkout would. */
    private static final class WriteFile extends TestBuilder {
        private final String name;
        private final String text;

        WriteFile(String name, String text) {
            this.name = name;
            this.text = text;
        }

        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                throws IOException, InterruptedException {
            FilePath workspace = Objects.requireNonNull(build.getWorkspace());
            workspace.child(name).write(text, "UTF-8");
            return true;
        }
    }

    private static void addCredential() throws IOException {
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new AWSCredentialsImpl(
                        CredentialsScope.GLOBAL, "aws-test", CREDENTIAL_ACCESS_KEY, CREDENTIAL_SECRET_KEY, "test"));
        SystemCredentialsProvider.getInstance().save();
    }

    /** The function, region and WireMock endpoint as step parameters. */
    private String direct() {
        return "function: '" + LambdaApi.FUNCTION + "', region: 'eu-west-1', endpointUrl: '" + lambda.url() + "'";
    }

    /** {@code step} inside a withEnv block with AWS keys, in a stage, echoing the step's result. */
    private static String withEnvKeys(String step) {
        return "withEnv(['AWS_ACCESS_KEY_ID=" + ENV_ACCESS_KEY + "', 'AWS_SECRET_ACCESS_KEY=" + ENV_SECRET_KEY
                + "']) {\n"
                + "  stage('verify') {\n"
                + "    def result = " + step + "\n"
                + "    echo \"passed=${result.passed} failed=${result.failed}\"\n"
                + "  }\n"
                + "}\n";
    }

    private static WorkflowRun build(JenkinsRule r, String body, Result expected) throws Exception {
        return build(r, null, body, expected);
    }

    private static WorkflowRun build(JenkinsRule r, String label, String body, Result expected) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        String node = label == null ? "node {\n" : "node('" + label + "') {\n";
        job.setDefinition(new CpsFlowDefinition(node + body + "}", true));
        return r.buildAndAssertStatus(expected, job);
    }
}
