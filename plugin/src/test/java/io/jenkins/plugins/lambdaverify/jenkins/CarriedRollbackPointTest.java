package io.jenkins.plugins.lambdaverify.jenkins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import hudson.EnvVars;
import hudson.model.Label;
import hudson.model.Result;
import io.jenkins.plugins.lambdaverify.summary.VerificationSummary;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A {@code sam} rollback with no bookkeeping in the Pipeline: build #1 passes and its rollback point stays with it on
 * the controller; build #2 (a bad deployment) fails and {@code sam deploy}s build #1's template, although the step
 * emptied its report directory in between. CloudFormation and Lambda are WireMock; {@code sam} is a script on the
 * agent's PATH that records its arguments and the template it was given.
 */
@WithJenkins
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@DisabledOnOs(
        value = OS.WINDOWS,
        disabledReason = "the fake sam is a #!/bin/sh script made executable with POSIX permissions")
class CarriedRollbackPointTest {
    private static final String NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    private static final String FUNCTION = "orders-api-ApiFunction-1A2B";
    private static final String GOOD_TEMPLATE = "Transform: AWS::Serverless-2016-10-31\n"
            + "Resources: {ApiFunction: {Type: AWS::Serverless::Function, Properties: {CodeUri: s3://art/good.zip}}}\n";
    private static final String BAD_TEMPLATE = GOOD_TEMPLATE.replace("good.zip", "bad.zip");
    private static final String CONFIG = "target: {stack: orders-api, logicalId: ApiFunction, region: eu-west-1}\n"
            + "logScan: false\n"
            + "phases:\n"
            + "  - name: smoke\n"
            + "    checks:\n"
            + "      - GET /health: 200\n"
            + "rollback:\n"
            + "  strategy: sam\n"
            + "  reverify: false\n";

    @TempDir
    Path tools;

    private WireMockServer aws;

    @BeforeEach
    void startAws() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
        aws.stubFor(cloudFormation("ListStackResources")
                .willReturn(xml("<ListStackResourcesResponse xmlns=\"" + NS + "\"><ListStackResourcesResult>"
                        + "<StackResourceSummaries><member><LogicalResourceId>ApiFunction</LogicalResourceId>"
                        + "<PhysicalResourceId>" + FUNCTION + "</PhysicalResourceId>"
                        + "<ResourceType>AWS::Lambda::Function</ResourceType>"
                        + "<LastUpdatedTimestamp>2026-11-01T09:00:00Z</LastUpdatedTimestamp>"
                        + "<ResourceStatus>UPDATE_COMPLETE</ResourceStatus></member></StackResourceSummaries>"
                        + "</ListStackResourcesResult><ResponseMetadata><RequestId>r-1</RequestId>"
                        + "</ResponseMetadata></ListStackResourcesResponse>")));
        aws.stubFor(get(urlPathEqualTo("/2015-03-31/functions/" + FUNCTION + "/configuration"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"FunctionName\":\"" + FUNCTION + "\",\"FunctionArn\":"
                                + "\"arn:aws:lambda:eu-west-1:123456789012:function:" + FUNCTION + "\","
                                + "\"Runtime\":\"python3.12\",\"Timeout\":3,\"Version\":\"$LATEST\","
                                + "\"State\":\"Active\"}")));
    }

    @AfterEach
    void stopAws() {
        aws.stop();
    }

    @Test
    void aFailingBuildRollsBackToThePointThePassingBuildBeforeItKept(JenkinsRule r) throws Exception {
        Path samArgs = tools.resolve("sam-args.txt");
        Path deployedTemplate = tools.resolve("sam-template.txt");
        Path sam = tools.resolve("bin/sam");
        Files.createDirectories(sam.getParent());
        Files.writeString(
                sam,
                "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + samArgs + "'\n"
                        + "cat \"$3\" > '" + deployedTemplate + "'\n"
                        + "echo 'Successfully created/updated stack - orders-api in eu-west-1'\n");
        Files.setPosixFilePermissions(sam, PosixFilePermissions.fromString("rwxr-xr-x"));
        // The agent JVM resolves "sam" on its own PATH.
        r.createOnlineSlave(
                Label.get("sam"), new EnvVars("PATH", sam.getParent() + File.pathSeparator + System.getenv("PATH")));
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(
                "node('sam') {\n"
                        + "  writeFile file: 'lambda-verify.yaml', text: '''" + CONFIG + "'''\n"
                        + "  withEnv(['AWS_ACCESS_KEY_ID=AKIACARRIEDPOINT0001', "
                        + "'AWS_SECRET_ACCESS_KEY=carriedPointSecretKeyForTestsOnly0000000', "
                        + "'AWS_ENDPOINT_URL=" + aws.baseUrl() + "']) {\n"
                        + "    verifyLambdaDeployment config: 'lambda-verify.yaml'\n"
                        + "  }\n"
                        + "}\n",
                true));

        deployed(GOOD_TEMPLATE, Instant.now().minus(1, ChronoUnit.HOURS), 200);
        WorkflowRun good = r.buildAndAssertStatus(Result.SUCCESS, job);
        String id = verification(good).getId();
        r.assertLogContains(Texts.get("RollbackPoint.kept", good.getDisplayName()), good);
        assertThat(StoredRollbackPoints.dir(good, id).resolve("rollback-point/template.yaml"))
                .content(StandardCharsets.UTF_8)
                .isEqualTo(GOOD_TEMPLATE);
        assertThat(samArgs).doesNotExist();

        deployed(BAD_TEMPLATE, Instant.now(), 500); // the next deployment updated the stack and broke the function
        WorkflowRun bad = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("rollback point: the one kept by " + good.getFullDisplayName(), bad);
        assertThat(verification(bad).getId()).isEqualTo(id);
        assertThat(verification(bad).isRolledBack()).isTrue();
        List<String> args = Files.readAllLines(samArgs, StandardCharsets.UTF_8);
        assertThat(args.subList(0, 2)).containsExactly("deploy", "--template-file");
        assertThat(args.get(2).replace('\\', '/'))
                .endsWith("lambda-verify/" + id + "/previous/rollback-point/template.yaml");
        assertThat(args).containsSequence("--stack-name", "orders-api");
        assertThat(deployedTemplate).content(StandardCharsets.UTF_8).isEqualTo(GOOD_TEMPLATE);
        // The failed build carries the good point forward: a third build would still go back to #1's template.
        assertThat(StoredRollbackPoints.dir(bad, id).resolve("rollback-point/template.yaml"))
                .content(StandardCharsets.UTF_8)
                .isEqualTo(GOOD_TEMPLATE);
    }

    private static VerificationSummary verification(WorkflowRun run) {
        return run.getAction(LambdaVerifyBuildAction.class)
                .getResult()
                .getVerifications()
                .get(0);
    }

    /** The stack as a deployment left it: its template, when it was updated, what the function answers. */
    private void deployed(String template, Instant updated, int status) {
        aws.stubFor(cloudFormation("GetTemplate")
                .willReturn(xml("<GetTemplateResponse xmlns=\"" + NS + "\"><GetTemplateResult><TemplateBody>"
                        + escape(template) + "</TemplateBody><StagesAvailable><member>Original</member>"
                        + "<member>Processed</member></StagesAvailable></GetTemplateResult>"
                        + "<ResponseMetadata><RequestId>r-t</RequestId></ResponseMetadata></GetTemplateResponse>")));
        aws.stubFor(cloudFormation("DescribeStacks")
                .willReturn(xml("<DescribeStacksResponse xmlns=\"" + NS + "\"><DescribeStacksResult><Stacks><member>"
                        + "<StackName>orders-api</StackName>"
                        + "<StackId>arn:aws:cloudformation:eu-west-1:123456789012:stack/orders-api/0f1e</StackId>"
                        + "<StackStatus>UPDATE_COMPLETE</StackStatus><CreationTime>2026-11-01T09:00:00Z</CreationTime>"
                        + "<LastUpdatedTime>" + updated.truncatedTo(ChronoUnit.MILLIS) + "</LastUpdatedTime>"
                        + "<Parameters><member><ParameterKey>Stage</ParameterKey><ParameterValue>prod"
                        + "</ParameterValue></member></Parameters><Capabilities><member>CAPABILITY_IAM</member>"
                        + "</Capabilities><Tags/><Outputs/></member></Stacks></DescribeStacksResult>"
                        + "<ResponseMetadata><RequestId>r-d</RequestId></ResponseMetadata></DescribeStacksResponse>")));
        aws.stubFor(post(urlPathMatching("/2015-03-31/functions/.*/invocations"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Amz-Executed-Version", "$LATEST")
                        .withBody(
                                "{\"statusCode\":" + status + ",\"headers\":{},\"body\":\"answer " + status + "\"}")));
    }

    private static MappingBuilder cloudFormation(String action) {
        return post(urlPathEqualTo("/"))
                .withRequestBody(containing("Action=" + action))
                .withRequestBody(containing("StackName=orders-api"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/xml")
                .withBody(body);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
