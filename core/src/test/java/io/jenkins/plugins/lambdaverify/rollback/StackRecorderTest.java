package io.jenkins.plugins.lambdaverify.rollback;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.jenkins.plugins.lambdaverify.aws.CloudFormationXml.action;
import static io.jenkins.plugins.lambdaverify.aws.CloudFormationXml.denied;
import static io.jenkins.plugins.lambdaverify.aws.CloudFormationXml.describeStacks;
import static io.jenkins.plugins.lambdaverify.aws.CloudFormationXml.getTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jenkins.plugins.lambdaverify.aws.AwsClientFactory;
import io.jenkins.plugins.lambdaverify.aws.AwsTestClients;
import io.jenkins.plugins.lambdaverify.aws.CloudFormationXml;
import io.jenkins.plugins.lambdaverify.engine.Redactor;
import io.jenkins.plugins.lambdaverify.report.SecretMasker;
import io.jenkins.plugins.lambdaverify.result.RollbackPoint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Recording a stack as a rollback point with a real SDK CloudFormation client against WireMock. */
@Timeout(60)
class StackRecorderTest {
    static final String STACK_ID = "arn:aws:cloudformation:eu-west-1:123456789012:stack/orders-api/0f1e2d3c";
    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage: {Type: String}
              DbPassword: {Type: String, NoEcho: true}
            Resources:
              ApiFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://orders-artifacts/4f2c0e9a8b7d6c5e
                  Handler: src.main.handler
                  Environment: {Variables: {GREETING: "it's <fine> & \\"quoted\\""}}
            """;
    static final Instant VERIFIED_SINCE = Instant.parse("2026-11-28T10:15:00Z");

    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    AwsClientFactory clients;
    StackRecorder recorder;

    @BeforeEach
    void setUp() {
        clients = AwsTestClients.against(aws.getPort());
        Redactor masking = new Redactor() {
            private final SecretMasker masker = SecretMasker.defaults();

            @Override
            public String text(String text) {
                return masker.maskText(text);
            }

            @Override
            public String path(String path) {
                return masker.maskPath(path);
            }
        };
        recorder = new StackRecorder(clients.cloudFormation(), masking);
    }

    @AfterEach
    void tearDown() {
        clients.close();
    }

    static CloudFormationXml.Stack stack(String status, String updated) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Stage", "prod");
        parameters.put("DbPassword", "****");
        parameters.put("ApiToken", "tok-8f7e6d5c4b3a");
        parameters.put("DbHost", "/orders/prod/db-host");
        parameters.put("Greeting", "hello world");
        return new CloudFormationXml.Stack("orders-api", STACK_ID, status, "2026-11-01T09:00:00Z", updated,
                parameters, List.of("CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"));
    }

    @Test
    void recordsTheOriginalTemplateParametersAndCapabilities() {
        aws.stubFor(action("GetTemplate", "orders-api").willReturn(getTemplate(TEMPLATE)));
        aws.stubFor(action("DescribeStacks", "orders-api")
                .willReturn(describeStacks(stack("UPDATE_COMPLETE", "2026-11-28T10:00:00Z"))));

        RollbackPoint point = recorder.record("orders-api", "eu-west-1", VERIFIED_SINCE);

        assertThat(point.recorded()).isTrue();
        assertThat(point.template()).isEqualTo(TEMPLATE);
        assertThat(point.templateFile()).isEqualTo("rollback-point/template.yaml");
        assertThat(point.templateSha256()).hasSize(64).isEqualTo(StackRecorder.sha256(TEMPLATE));
        assertThat(point.stackName()).isEqualTo("orders-api");
        assertThat(point.stackId()).isEqualTo(STACK_ID);
        assertThat(point.region()).isEqualTo("eu-west-1");
        assertThat(point.stackStatus()).isEqualTo("UPDATE_COMPLETE");
        assertThat(point.lastUpdatedTime()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(point.capabilities()).containsExactly("CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND");
        // NoEcho comes back as ****, a secret-looking one is not kept: both stay at the stack's value in a rollback;
        // an SSM parameter keeps its name (CloudFormation resolves it again)
        assertThat(point.parameters()).containsExactly(
                RollbackPoint.Parameter.known("Stage", "prod"),
                RollbackPoint.Parameter.unknown("DbPassword"),
                RollbackPoint.Parameter.unknown("ApiToken"),
                RollbackPoint.Parameter.known("DbHost", "/orders/prod/db-host"),
                RollbackPoint.Parameter.known("Greeting", "hello world"));
        assertThat(point.keptParameters()).containsExactly("DbPassword", "ApiToken");
        // the template as deployed, not the processed (transformed) one
        aws.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=GetTemplate"))
                .withRequestBody(containing("TemplateStage=Original")));
    }

    @Test
    void aJsonTemplateIsKeptAsJsonAndANeverUpdatedStackUsesItsCreationTime() {
        aws.stubFor(action("GetTemplate", "orders-api").willReturn(getTemplate("{\"Resources\": {}}")));
        aws.stubFor(action("DescribeStacks", "orders-api").willReturn(describeStacks(stack("CREATE_COMPLETE", null))));

        RollbackPoint point = recorder.record("orders-api", "eu-west-1", VERIFIED_SINCE);

        assertThat(point.templateFile()).isEqualTo("rollback-point/template.json");
        assertThat(point.lastUpdatedTime()).isEqualTo(Instant.parse("2026-11-01T09:00:00Z"));
    }

    @Test
    void aDeniedGetTemplateRecordsNothingAndNamesTheAction() {
        aws.stubFor(action("GetTemplate", "orders-api").willReturn(denied("cloudformation:GetTemplate")));

        RollbackPoint point = recorder.record("orders-api", "eu-west-1", VERIFIED_SINCE);

        assertThat(point.recorded()).isFalse();
        assertThat(point.problem()).startsWith("cloudformation:GetTemplate denied for arn:aws:iam::123456789012:user/ci")
                .contains("add cloudformation:GetTemplate to the role's IAM policy");
        assertThat(point.stackName()).isEqualTo("orders-api");
        assertThat(point.template()).isNull();
    }

    @Test
    void aDeniedDescribeStacksRecordsNothingAndNamesTheAction() {
        aws.stubFor(action("GetTemplate", "orders-api").willReturn(getTemplate(TEMPLATE)));
        aws.stubFor(action("DescribeStacks", "orders-api").willReturn(denied("cloudformation:DescribeStacks")));

        RollbackPoint point = recorder.record("orders-api", "eu-west-1", VERIFIED_SINCE);

        assertThat(point.recorded()).isFalse();
        assertThat(point.problem()).contains("cloudformation:DescribeStacks denied");
    }

    @Test
    void aStackMidUpdateOrUpdatedDuringTheVerificationIsNotRecorded() {
        aws.stubFor(action("GetTemplate", "orders-api").willReturn(getTemplate(TEMPLATE)));
        aws.stubFor(action("DescribeStacks", "orders-api")
                .willReturn(describeStacks(stack("UPDATE_IN_PROGRESS", "2026-11-28T10:00:00Z"))));
        assertThat(recorder.record("orders-api", "eu-west-1", VERIFIED_SINCE).problem())
                .isEqualTo("stack orders-api is UPDATE_IN_PROGRESS: its template is not settled, so it is not recorded");

        aws.stubFor(action("DescribeStacks", "orders-api")
                .willReturn(describeStacks(stack("UPDATE_COMPLETE", "2026-11-28T10:16:00Z"))));
        assertThat(recorder.record("orders-api", "eu-west-1", VERIFIED_SINCE).problem())
                .isEqualTo("stack orders-api was updated at 2026-11-28T10:16:00Z, after the verification started: "
                        + "it may not hold the deployment verified");
    }

    @Test
    void aMissingStackIsNotRecordedWithCloudFormationsWords() {
        aws.stubFor(action("GetTemplate", "gone").willReturn(CloudFormationXml.error(400, "ValidationError",
                "Stack with id gone does not exist")));

        RollbackPoint point = recorder.record("gone", "eu-west-1", VERIFIED_SINCE);

        assertThat(point.recorded()).isFalse();
        assertThat(point.problem()).contains("cloudformation:GetTemplate").contains("Stack with id gone does not exist");
    }
}
