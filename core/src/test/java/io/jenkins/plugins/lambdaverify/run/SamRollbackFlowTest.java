package io.jenkins.plugins.lambdaverify.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.jenkins.plugins.lambdaverify.aws.CloudFormationXml.action;
import static io.jenkins.plugins.lambdaverify.aws.CloudFormationXml.denied;
import static io.jenkins.plugins.lambdaverify.aws.CloudFormationXml.describeStacks;
import static io.jenkins.plugins.lambdaverify.aws.CloudFormationXml.getTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jenkins.plugins.lambdaverify.aws.AwsClientOptions;
import io.jenkins.plugins.lambdaverify.aws.AwsSettings;
import io.jenkins.plugins.lambdaverify.aws.CloudFormationXml;
import io.jenkins.plugins.lambdaverify.engine.ProcessRunner;
import io.jenkins.plugins.lambdaverify.engine.ProgressListener;
import io.jenkins.plugins.lambdaverify.report.ReportTargets;
import io.jenkins.plugins.lambdaverify.report.ReportWriteResult;
import io.jenkins.plugins.lambdaverify.report.ReportWriter;
import io.jenkins.plugins.lambdaverify.report.SecretMasker;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome.Status;
import io.jenkins.plugins.lambdaverify.result.RollbackPoint;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.rollback.LocalProcessRunner;
import io.jenkins.plugins.lambdaverify.spec.SpecLoader;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sam strategy end to end, as a user without artifact bookkeeping runs it: a passing run records its stack next
 * to the reports; a later failing run given that report deploys exactly that template with those parameters, through
 * the real process runner (a recording executable stands in for sam), against real SDK clients on WireMock.
 */
@Timeout(120)
class SamRollbackFlowTest {
    static final String FUNCTION = "orders-api-ApiFunction-1A2B3C";
    static final String STACK_ID = "arn:aws:cloudformation:eu-west-1:123456789012:stack/orders-api/0f1e2d3c";
    static final String GOOD_TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage: {Type: String}
              DbPassword: {Type: String, NoEcho: true}
              Greeting: {Type: String}
            Resources:
              ApiFunction:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: s3://orders-artifacts/good0001, Handler: src.main.handler, Runtime: python3.12}
            """;
    static final String BAD_TEMPLATE = GOOD_TEMPLATE.replace("good0001", "bad00002");

    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path workspace;

    private final List<String> progress = new CopyOnWriteArrayList<>();
    private Path fakeSam;
    private Path samArgs;
    private Runnable afterSam = () -> { };

    @BeforeEach
    void setUp() throws IOException {
        samArgs = workspace.resolve("sam-args.txt");
        fakeSam = workspace.resolve("bin/sam");
        Files.createDirectories(fakeSam.getParent());
        Files.writeString(fakeSam, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"" + samArgs
                + "\"\necho 'Successfully created/updated stack - orders-api in eu-west-1'\n");
        Files.setPosixFilePermissions(fakeSam, PosixFilePermissions.fromString("rwxr-xr-x"));

        aws.stubFor(action("ListStackResources", "orders-api").willReturn(aResponse().withHeader("Content-Type",
                "text/xml").withBody("<ListStackResourcesResponse xmlns=\"http://cloudformation.amazonaws.com/doc/"
                + "2010-05-15/\"><ListStackResourcesResult><StackResourceSummaries><member><LogicalResourceId>"
                + "ApiFunction</LogicalResourceId><PhysicalResourceId>" + FUNCTION + "</PhysicalResourceId>"
                + "<ResourceType>AWS::Lambda::Function</ResourceType><LastUpdatedTimestamp>2026-11-01T09:00:00Z"
                + "</LastUpdatedTimestamp><ResourceStatus>UPDATE_COMPLETE</ResourceStatus></member>"
                + "</StackResourceSummaries></ListStackResourcesResult><ResponseMetadata><RequestId>r-1</RequestId>"
                + "</ResponseMetadata></ListStackResourcesResponse>")));
        aws.stubFor(get(urlPathEqualTo("/2015-03-31/functions/" + FUNCTION + "/configuration")).willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody("{\"FunctionName\":\"" + FUNCTION
                        + "\",\"FunctionArn\":\"arn:aws:lambda:eu-west-1:123456789012:function:" + FUNCTION
                        + "\",\"Runtime\":\"python3.12\",\"Timeout\":3,\"Version\":\"$LATEST\",\"State\":\"Active\"}")));
        deployed(GOOD_TEMPLATE, Instant.now().minus(1, ChronoUnit.HOURS), 200);
    }

    /** The stack as a deployment left it: its template, when it was updated, what the function answers. */
    private static void deployed(String template, Instant updated, int status) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Stage", "prod");
        parameters.put("DbPassword", "****");
        parameters.put("Greeting", "hello world");
        aws.stubFor(action("GetTemplate", "orders-api").willReturn(getTemplate(template)));
        aws.stubFor(action("DescribeStacks", "orders-api").willReturn(describeStacks(new CloudFormationXml.Stack(
                "orders-api", STACK_ID, "UPDATE_COMPLETE", "2026-11-01T09:00:00Z",
                updated.truncatedTo(ChronoUnit.MILLIS).toString(), parameters,
                List.of("CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND")))));
        aws.stubFor(post(urlPathMatching("/2015-03-31/functions/.*/invocations")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withHeader("X-Amz-Executed-Version", "$LATEST")
                .withBody("{\"statusCode\":" + status + ",\"headers\":{},\"body\":\"answer " + status + "\"}")));
    }

    private RunReport run(String rollback) {
        VerifySpec spec = SpecLoader.parse("""
                target: {stack: orders-api, logicalId: ApiFunction}
                checks: ["GET /health: 200"]
                logScan: false
                rollback:
                %s
                """.formatted(rollback.indent(2).stripTrailing()), "lambda-verify.yaml");
        AwsSettings settings = new AwsSettings("eu-west-1", null, "http://127.0.0.1:" + aws.getPort(), null, null, null,
                null, Map.of("AWS_ACCESS_KEY_ID", "AKIDSAMFLOW", "AWS_SECRET_ACCESS_KEY", "sam-flow-secret"), false, null);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void info(String message) {
                progress.add(message);
            }
        };
        LocalProcessRunner local = new LocalProcessRunner();
        ProcessRunner sam = (command, env, workDir, timeout, out) -> {
            List<String> c = new ArrayList<>(command);
            assertThat(c.getFirst()).isEqualTo("sam");
            c.set(0, fakeSam.toString());
            ProcessRunner.Result r = local.run(c, env, workDir, timeout, out);
            afterSam.run();
            return r;
        };
        RunContext ctx = new RunContext(settings, listener, sam, workspace, Clock.systemUTC(), List.of());
        return new Verification(ctx, AwsClientOptions.defaults().withRetryStrategy(AwsClientOptions.retries(3,
                Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50)))).run(spec);
    }

    private ReportWriteResult writeReports(RunReport report) {
        return new ReportWriter(SecretMasker.defaults()).write(report,
                new ReportTargets(null, workspace.resolve("reports/report.json"), null));
    }

    private JsonNode json() throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(workspace.resolve("reports/report.json")));
    }

    @Test
    void aPassingRunRecordsItsStackAndALaterFailingRunDeploysExactlyThat() throws Exception {
        RunReport good = run("strategy: sam");
        assertThat(good.passed()).isTrue();
        assertThat(good.rollbackPoint().recorded()).isTrue();
        ReportWriteResult written = writeReports(good);
        assertThat(written.ok()).isTrue();
        Path template = workspace.resolve("reports/rollback-point/template.yaml");
        assertThat(written.written()).extracting(ReportWriteResult.Written::kind)
                .containsExactly(ReportWriteResult.Kind.ROLLBACK_TEMPLATE, ReportWriteResult.Kind.JSON);
        assertThat(template).hasContent(GOOD_TEMPLATE);
        JsonNode point = json().path("rollbackPoint");
        assertThat(point.path("recorded").booleanValue()).isTrue();
        assertThat(point.path("stackName").stringValue()).isEqualTo("orders-api");
        assertThat(point.path("templateFile").stringValue()).isEqualTo("rollback-point/template.yaml");
        assertThat(point.path("parameters").toString()).isEqualTo("[{\"key\":\"Stage\",\"value\":\"prod\","
                + "\"usePreviousValue\":false},{\"key\":\"DbPassword\",\"value\":null,\"usePreviousValue\":true},"
                + "{\"key\":\"Greeting\",\"value\":\"hello world\",\"usePreviousValue\":false}]");
        assertThat(progress).anyMatch(l -> l.startsWith("rollback point: recorded stack orders-api (UPDATE_COMPLETE"));

        // the next deployment breaks the function
        deployed(BAD_TEMPLATE, Instant.now().minusSeconds(5), 500);
        afterSam = () -> deployed(GOOD_TEMPLATE, Instant.now(), 200); // sam puts the good one back
        RunReport bad = run("strategy: sam\npreviousReport: reports/report.json");

        assertThat(bad.passed()).isFalse();
        assertThat(bad.rollback().status()).as(bad.rollback().reason()).isEqualTo(Status.DONE);
        assertThat(Files.readAllLines(samArgs)).containsExactly("deploy", "--template-file", template.toString(),
                "--stack-name", "orders-api", "--no-fail-on-empty-changeset", "--no-confirm-changeset",
                "--region", "eu-west-1", "--capabilities", "CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND",
                "--parameter-overrides", "Stage=prod", "Greeting=\"hello world\"");
        assertThat(bad.rollback().reason()).endsWith("; kept the stack's current value of DbPassword (NoEcho or "
                + "secret: not recorded)");
        assertThat(bad.rollback().toVersion()).isEqualTo(template.toString());
        assertThat(bad.rollback().output()).containsExactly("Successfully created/updated stack - orders-api in eu-west-1");
        assertThat(bad.reverification().passed()).isTrue();
        // the restored, re-verified deployment is the next rollback point
        assertThat(bad.rollbackPoint().recorded()).isTrue();
        assertThat(bad.rollbackPoint().template()).isEqualTo(GOOD_TEMPLATE);
        assertThat(bad.rollbackPoint().lastUpdatedTime()).isAfter(good.rollbackPoint().lastUpdatedTime());
        writeReports(bad);
        assertThat(template).hasContent(GOOD_TEMPLATE);
        assertThat(json().path("rollbackPoint").path("recorded").booleanValue()).isTrue();
    }

    @Test
    void aRunWithoutAGoodStackOfItsOwnKeepsThePreviousPointForTheNextRun() throws Exception {
        RunReport good = run("strategy: sam");
        writeReports(good);
        deployed(BAD_TEMPLATE, Instant.now().minusSeconds(5), 500);
        Files.writeString(fakeSam, "#!/bin/sh\necho 'Error: Failed to create changeset for the stack: orders-api'\n"
                + "exit 1\n");

        RunReport bad = run("strategy: sam\npreviousReport: reports/report.json");

        assertThat(bad.rollback().status()).isEqualTo(Status.FAILED);
        assertThat(bad.rollbackPoint()).isEqualTo(good.rollbackPoint());
        assertThat(progress).anyMatch(l -> l.startsWith("rollback point: kept the previous one (stack orders-api"));
        // written over the previous report in the same directory, it still leads back to the good deployment
        writeReports(bad);
        Path template = workspace.resolve("reports/rollback-point/template.yaml");
        assertThat(template).hasContent(GOOD_TEMPLATE);
        setUp();
        deployed(BAD_TEMPLATE, Instant.now().minusSeconds(5), 500);
        RunReport again = run("strategy: sam\npreviousReport: reports/report.json\nreverify: false");
        assertThat(again.rollback().status()).isEqualTo(Status.DONE);
        assertThat(Files.readAllLines(samArgs)).contains(template.toString(), "Stage=prod");
    }

    @Test
    void withoutAPreviousReportOrTemplateFileTheRollbackIsRefusedAndSaysWhatToGive() {
        deployed(BAD_TEMPLATE, Instant.now().minusSeconds(5), 500);

        RunReport bad = run("strategy: sam");

        assertThat(bad.rollback().status()).isEqualTo(Status.REFUSED);
        assertThat(bad.rollback().reason()).isEqualTo("the sam strategy needs the deployment to go back to: the "
                + "previous good run's report (rollback.previousReport or --previous-report; a run with rollback "
                + "strategy sam records its stack when it passes) or rollback.sam.templateFile");
        assertThat(samArgs).doesNotExist();
        assertThat(bad.rollbackPoint()).isNull();
    }

    @Test
    void aTemplateChangedSinceItWasRecordedIsNeverDeployed() throws Exception {
        writeReports(run("strategy: sam"));
        Path template = workspace.resolve("reports/rollback-point/template.yaml");
        Files.writeString(template, BAD_TEMPLATE);
        deployed(BAD_TEMPLATE, Instant.now().minusSeconds(5), 500);

        RunReport bad = run("strategy: sam\npreviousReport: reports/report.json");

        assertThat(bad.rollback().status()).isEqualTo(Status.REFUSED);
        assertThat(bad.rollback().reason()).startsWith("the rollback point's template " + template
                + " changed since it was recorded (SHA-256 ");
        assertThat(samArgs).doesNotExist();
    }

    @Test
    void aStackNotUpdatedSinceItsRollbackPointIsLeftAlone() throws Exception {
        writeReports(run("strategy: sam"));
        // the function broke without a stack update (e.g. code pushed around CloudFormation)
        aws.stubFor(post(urlPathMatching("/2015-03-31/functions/.*/invocations")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"statusCode\":500,\"headers\":{},\"body\":\"broken\"}")));

        RunReport bad = run("strategy: sam\npreviousReport: reports/report.json");

        assertThat(bad.rollback().status()).isEqualTo(Status.REFUSED);
        assertThat(bad.rollback().reason()).startsWith("stack orders-api has not been updated since its rollback point "
                + "was recorded");
        assertThat(samArgs).doesNotExist();
    }

    @Test
    void theExplicitTemplateFileStillWinsAndRecordsNothing() throws Exception {
        writeReports(run("strategy: sam"));
        deployed(BAD_TEMPLATE, Instant.now().minusSeconds(5), 500);

        RunReport bad = run("""
                strategy: sam
                previousReport: reports/report.json
                reverify: false
                sam: {templateFile: previous/packaged.yaml, parameterOverrides: {Stage: prod}}""");

        assertThat(bad.rollback().status()).isEqualTo(Status.DONE);
        assertThat(Files.readAllLines(samArgs)).containsExactly("deploy", "--template-file", "previous/packaged.yaml",
                "--stack-name", "orders-api", "--no-fail-on-empty-changeset", "--no-confirm-changeset", "--region",
                "eu-west-1", "--parameter-overrides", "Stage=prod");
        assertThat(bad.rollbackPoint()).isNull();
    }

    @Test
    void aDeniedRecordingLeavesThePassingRunPassedAndSaysWhichActionIsMissing() throws Exception {
        aws.stubFor(action("GetTemplate", "orders-api").willReturn(denied("cloudformation:GetTemplate")));

        RunReport good = run("strategy: sam");

        assertThat(good.passed()).isTrue();
        RollbackPoint point = good.rollbackPoint();
        assertThat(point.recorded()).isFalse();
        assertThat(point.problem()).contains("cloudformation:GetTemplate denied");
        assertThat(progress).anyMatch(l -> l.startsWith("warning: no rollback point recorded: cloudformation:GetTemplate"
                + " denied") && l.endsWith(": a later failing run cannot roll back to this deployment with sam"));
        ReportWriteResult written = writeReports(good);
        assertThat(written.written()).extracting(ReportWriteResult.Written::kind)
                .containsExactly(ReportWriteResult.Kind.JSON);
        JsonNode json = json().path("rollbackPoint");
        assertThat(json.path("recorded").booleanValue()).isFalse();
        assertThat(json.path("problem").stringValue()).contains("cloudformation:GetTemplate denied");

        // and a later failing run given that report refuses, quoting why
        deployed(BAD_TEMPLATE, Instant.now().minusSeconds(5), 500);
        RunReport bad = run("strategy: sam\npreviousReport: reports/report.json");
        assertThat(bad.rollback().status()).isEqualTo(Status.REFUSED);
        assertThat(bad.rollback().reason()).startsWith("the previous report reports/report.json has no usable rollback "
                + "point: cloudformation:GetTemplate denied");
    }
}
