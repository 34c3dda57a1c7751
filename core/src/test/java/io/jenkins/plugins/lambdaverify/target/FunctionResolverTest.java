package io.jenkins.plugins.lambdaverify.target;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jenkins.plugins.lambdaverify.aws.AwsCallException;
import io.jenkins.plugins.lambdaverify.aws.AwsClientFactory;
import io.jenkins.plugins.lambdaverify.aws.AwsTestClients;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class FunctionResolverTest {
    static final String ACCOUNT = "123456789012";

    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    AwsClientFactory clients;
    FunctionResolver resolver;

    @BeforeEach
    void setUp() {
        clients = AwsTestClients.against(aws.getPort());
        resolver = new FunctionResolver(clients);
    }

    @AfterEach
    void tearDown() {
        clients.close();
    }

    // --- CloudFormation (Query protocol, XML) ---

    static MappingBuilder listStackResources(String stack, String nextToken) {
        MappingBuilder m = post("/").withRequestBody(containing("Action=ListStackResources"))
                .withRequestBody(containing("StackName=" + java.net.URLEncoder.encode(stack, java.nio.charset.StandardCharsets.UTF_8)));
        return nextToken == null ? m.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("NextToken="))
                : m.withRequestBody(containing("NextToken=" + nextToken));
    }

    static String resource(String logicalId, String physicalId, String type) {
        return "<member><LogicalResourceId>" + logicalId + "</LogicalResourceId><PhysicalResourceId>" + physicalId
                + "</PhysicalResourceId><ResourceType>" + type + "</ResourceType>"
                + "<LastUpdatedTimestamp>2026-11-28T10:00:00Z</LastUpdatedTimestamp>"
                + "<ResourceStatus>CREATE_COMPLETE</ResourceStatus></member>";
    }

    static ResponseDefinitionBuilder stackPage(String nextToken, String... members) {
        return aResponse().withHeader("Content-Type", "text/xml").withBody(
                "<ListStackResourcesResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
                        + "<ListStackResourcesResult><StackResourceSummaries>" + String.join("", members)
                        + "</StackResourceSummaries>" + (nextToken != null ? "<NextToken>" + nextToken + "</NextToken>" : "")
                        + "</ListStackResourcesResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>"
                        + "</ListStackResourcesResponse>");
    }

    static ResponseDefinitionBuilder queryError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(
                "<ErrorResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><Error><Type>Sender</Type>"
                        + "<Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                        + "<RequestId>r-err</RequestId></ErrorResponse>");
    }

    // --- Lambda (REST-JSON) ---

    static void stubConfiguration(String name, String version, String loggingConfig) {
        aws.stubFor(get(urlPathEqualTo("/2015-03-31/functions/" + name + "/configuration"))
                .withQueryParam("Qualifier", equalTo(version))
                .willReturn(json("""
                        {"FunctionName":"%s","FunctionArn":"arn:aws:lambda:eu-west-1:%s:function:%s:%s",
                         "Runtime":"python3.12","Timeout":29,"MemorySize":512,"Version":"%s","PackageType":"Zip",
                         "State":"Active","LastUpdateStatus":"Successful"%s}""".formatted(name, ACCOUNT, name, version,
                        version, loggingConfig == null ? "" : ",\"LoggingConfig\":" + loggingConfig))));
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder lambdaError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("X-Amzn-ErrorType", type)
                .withBody("{\"Type\":\"User\",\"Message\":\"" + message + "\"}");
    }

    @Test
    void resolvesAStackLogicalIdAcrossPagesAndAnAliasWithRoutingWeights() {
        aws.stubFor(listStackResources("orders-api", null).willReturn(stackPage("page-2",
                resource("ApiRole", "orders-api-ApiRole-XYZ", "AWS::IAM::Role"),
                resource("OrdersTable", "orders", "AWS::DynamoDB::Table"))));
        aws.stubFor(listStackResources("orders-api", "page-2").willReturn(stackPage(null,
                resource("ApiFunction", "orders-api-ApiFunction-1A2B3C", "AWS::Lambda::Function"))));
        aws.stubFor(get(urlPathEqualTo("/2015-03-31/functions/orders-api-ApiFunction-1A2B3C/aliases/live"))
                .willReturn(json("""
                        {"AliasArn":"arn:aws:lambda:eu-west-1:123456789012:function:orders-api-ApiFunction-1A2B3C:live",
                         "Name":"live","FunctionVersion":"7","RevisionId":"rev-0007",
                         "RoutingConfig":{"AdditionalVersionWeights":{"8":0.1}}}""")));
        stubConfiguration("orders-api-ApiFunction-1A2B3C", "7", "{\"LogFormat\":\"JSON\",\"LogGroup\":\"/custom/orders\"}");

        ResolvedFunction f = resolver.resolve(FunctionLookup.byStack("orders-api", "ApiFunction", "live"));

        assertThat(f.functionName()).isEqualTo("orders-api-ApiFunction-1A2B3C");
        assertThat(f.functionArn()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:orders-api-ApiFunction-1A2B3C");
        assertThat(f.alias()).isTrue();
        assertThat(f.version()).isEqualTo("7");
        assertThat(f.aliasRevisionId()).isEqualTo("rev-0007");
        assertThat(f.routingWeights()).isEqualTo(Map.of("8", 0.1));
        assertThat(f.versions()).containsExactly("7", "8");
        assertThat(f.logGroup()).isEqualTo("/custom/orders");
        assertThat(f.jsonLogs()).isTrue();
        assertThat(f.runtime()).isEqualTo("python3.12");
        assertThat(f.timeoutSeconds()).isEqualTo(29);
        assertThat(f.toTargetInfo()).satisfies(t -> {
            assertThat(t.description()).isEqualTo("lambda:orders-api-ApiFunction-1A2B3C:live");
            assertThat(t.qualifier()).isEqualTo("live");
            assertThat(t.version()).isEqualTo("7");
            assertThat(t.revisionId()).isEqualTo("rev-0007");
            assertThat(t.region()).isEqualTo("eu-west-1");
            assertThat(t.logGroup()).isEqualTo("/custom/orders");
        });
        aws.verify(2, postRequestedFor(urlPathEqualTo("/")));
    }

    @Test
    void followsNestedStacksByTheirPhysicalId() {
        String childArn = "arn:aws:cloudformation:eu-west-1:" + ACCOUNT + ":stack/app-Api-1XYZ/0a1b2c3d";
        aws.stubFor(listStackResources("app", null).willReturn(stackPage(null,
                resource("Api", childArn, "AWS::CloudFormation::Stack"))));
        aws.stubFor(listStackResources(childArn, null).willReturn(stackPage(null,
                resource("HandlerFunction", "app-Api-1XYZ-HandlerFunction-9Q", "AWS::Lambda::Function"))));
        stubConfiguration("app-Api-1XYZ-HandlerFunction-9Q", "$LATEST", null);

        ResolvedFunction f = resolver.resolve(FunctionLookup.byStack("app", "Api/HandlerFunction", null));

        assertThat(f.functionName()).isEqualTo("app-Api-1XYZ-HandlerFunction-9Q");
        assertThat(f.qualifier()).isEqualTo("$LATEST");
        assertThat(f.alias()).isFalse();
        assertThat(f.version()).isEqualTo("$LATEST");
        assertThat(f.aliasRevisionId()).isNull();
        assertThat(f.logGroup()).isEqualTo("/aws/lambda/app-Api-1XYZ-HandlerFunction-9Q");
        assertThat(f.logFormat()).isEqualTo("Text");
        assertThat(f.description()).isEqualTo("lambda:app-Api-1XYZ-HandlerFunction-9Q");
    }

    @Test
    void unknownLogicalIdSuggestsTheClosestOnes() {
        aws.stubFor(listStackResources("orders-api", null).willReturn(stackPage(null,
                resource("ApiFunction", "orders-api-ApiFunction-1A2B3C", "AWS::Lambda::Function"),
                resource("WorkerFunction", "orders-api-WorkerFunction-4D", "AWS::Lambda::Function"))));

        assertThatThrownBy(() -> resolver.resolve(FunctionLookup.byStack("orders-api", "ApiFuntion", null)))
                .isInstanceOf(TargetResolutionException.class)
                .hasMessage("logical id 'ApiFuntion' not found in stack orders-api: did you mean ApiFunction?");
        assertThatThrownBy(() -> resolver.resolve(FunctionLookup.byStack("orders-api", "Billing", null)))
                .hasMessage("logical id 'Billing' not found in stack orders-api: functions and nested stacks there: "
                        + "ApiFunction, WorkerFunction");
    }

    @Test
    void aLogicalIdThatIsNotAFunctionSaysWhatItIs() {
        aws.stubFor(listStackResources("orders-api", null).willReturn(stackPage(null,
                resource("OrdersTable", "orders", "AWS::DynamoDB::Table"),
                resource("ApiFunctionAliaslive", "arn:aws:lambda:eu-west-1:1:function:f:live", "AWS::Lambda::Alias"))));

        assertThatThrownBy(() -> resolver.resolve(FunctionLookup.byStack("orders-api", "OrdersTable", null)))
                .hasMessage("'OrdersTable' in stack orders-api is AWS::DynamoDB::Table, not a Lambda function (AWS::Lambda::Function)");
        assertThatThrownBy(() -> resolver.resolve(FunctionLookup.byStack("orders-api", "ApiFunctionAliaslive", null)))
                .hasMessageEndingWith("not a Lambda function (AWS::Lambda::Function): use the function's logical id and set qualifier");
    }

    @Test
    void missingStackIsAUserMessage() {
        aws.stubFor(listStackResources("orders-apx", null)
                .willReturn(queryError(400, "ValidationError", "Stack with id orders-apx does not exist")));

        assertThatThrownBy(() -> resolver.resolve(FunctionLookup.byStack("orders-apx", "ApiFunction", null)))
                .isInstanceOf(TargetResolutionException.class)
                .hasMessage("stack orders-apx not found in this account and region: check the stack name and region");
    }

    @Test
    void deniedListStackResourcesNamesTheActionAndThePrincipal() {
        aws.stubFor(listStackResources("orders-api", null).willReturn(queryError(403, "AccessDenied",
                "User: arn:aws:sts::123456789012:assumed-role/ci/jenkins is not authorized to perform: "
                        + "cloudformation:ListStackResources on resource: arn:aws:cloudformation:eu-west-1:123456789012:"
                        + "stack/orders-api/* because no identity-based policy allows the cloudformation:ListStackResources action")));

        assertThatThrownBy(() -> resolver.resolve(FunctionLookup.byStack("orders-api", "ApiFunction", null)))
                .isInstanceOfSatisfying(AwsCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AwsCallException.Kind.ACCESS_DENIED);
                    assertThat(e.action()).isEqualTo("cloudformation:ListStackResources");
                })
                .hasMessage("cloudformation:ListStackResources denied for arn:aws:sts::123456789012:assumed-role/ci/jenkins"
                        + " on orders-api: add cloudformation:ListStackResources to the role's IAM policy");
    }

    @Test
    void namePrefixFollowsListFunctionsMarkersAndNeedsExactlyOneMatch() {
        aws.stubFor(get(urlPathEqualTo("/2015-03-31/functions")).withQueryParam("Marker", absent())
                .willReturn(json("{\"Functions\":[{\"FunctionName\":\"billing-Fn-1\"},{\"FunctionName\":\"orders-api-Api-AAA\"}],"
                        + "\"NextMarker\":\"m-2\"}")));
        aws.stubFor(get(urlPathEqualTo("/2015-03-31/functions")).withQueryParam("Marker", equalTo("m-2"))
                .willReturn(json("{\"Functions\":[{\"FunctionName\":\"orders-api-Worker-BBB\"}]}")));
        stubConfiguration("orders-api-Worker-BBB", "3", null);

        ResolvedFunction f = resolver.resolve(FunctionLookup.byPrefix("orders-api-Worker", "3"));
        assertThat(f.functionName()).isEqualTo("orders-api-Worker-BBB");
        assertThat(f.version()).isEqualTo("3");
        assertThat(f.alias()).isFalse();

        assertThatThrownBy(() -> resolver.resolve(FunctionLookup.byPrefix("orders-api-", null)))
                .isInstanceOf(TargetResolutionException.class)
                .hasMessage("2 functions match name prefix orders-api-: orders-api-Api-AAA, orders-api-Worker-BBB: "
                        + "make it match exactly one, or set function");
        stubConfiguration("orders-api-Api-AAA", "$LATEST", null);
        assertThat(resolver.resolve(FunctionLookup.byRegex("^orders-.*-Api-", null)).functionName())
                .isEqualTo("orders-api-Api-AAA");
        assertThatThrownBy(() -> resolver.resolve(FunctionLookup.byRegex("^payments", null)))
                .hasMessage("none of the 3 functions in eu-west-1 matches name regex ^payments; closest: billing-Fn-1, "
                        + "orders-api-Api-AAA, orders-api-Worker-BBB: the regex is found anywhere in the name and is "
                        + "case-sensitive ((?i) ignores case)");
    }

    @Test
    void nameRegexFromTheConfigNeedsExactlyOneMatchAndNamesTheCandidates() {
        aws.stubFor(get(urlPathEqualTo("/2015-03-31/functions")).willReturn(json("{\"Functions\":["
                + "{\"FunctionName\":\"billing-Fn-1\"},{\"FunctionName\":\"orders-api-ApiFunction-1A2B3C\"},"
                + "{\"FunctionName\":\"orders-api-WorkerFunction-9Z8Y\"},"
                + "{\"FunctionName\":\"orders-web-ApiFunction-4D5E\"}]}")));
        aws.stubFor(get(urlPathEqualTo("/2015-03-31/functions/orders-api-ApiFunction-1A2B3C/aliases/live"))
                .willReturn(json("{\"Name\":\"live\",\"FunctionVersion\":\"12\",\"RevisionId\":\"rev-12\"}")));
        stubConfiguration("orders-api-ApiFunction-1A2B3C", "12", null);

        ResolvedFunction f = resolver.resolve(target("^orders-api-Api"));
        assertThat(f.functionName()).isEqualTo("orders-api-ApiFunction-1A2B3C");
        assertThat(f.version()).isEqualTo("12");
        assertThat(f.resolvedFrom()).isEqualTo("name regex ^orders-api-Api");

        assertThatThrownBy(() -> resolver.resolve(target("^orders-.*-ApiFunction-")))
                .isInstanceOf(TargetResolutionException.class)
                .hasMessage("2 functions match name regex ^orders-.*-ApiFunction-: orders-api-ApiFunction-1A2B3C, "
                        + "orders-web-ApiFunction-4D5E: make it match exactly one (anchor it with ^ and $), or set "
                        + "function");
        assertThatThrownBy(() -> resolver.resolve(target("^Orders-API-Api")))
                .isInstanceOf(TargetResolutionException.class)
                .hasMessage("none of the 4 functions in eu-west-1 matches name regex ^Orders-API-Api; closest: "
                        + "orders-api-ApiFunction-1A2B3C, orders-api-WorkerFunction-9Z8Y, orders-web-ApiFunction-4D5E, "
                        + "billing-Fn-1: the regex is found anywhere in the name and is case-sensitive ((?i) ignores "
                        + "case)");
        assertThat(resolver.resolve(target("(?i)^Orders-API-Api")).functionName())
                .isEqualTo("orders-api-ApiFunction-1A2B3C");
    }

    /** A lambda-mode target as the config file gives it. */
    private static io.jenkins.plugins.lambdaverify.spec.TargetSpec target(String nameRegex) {
        return io.jenkins.plugins.lambdaverify.spec.SpecLoader.parse("""
                target:
                  nameRegex: '%s'
                  alias: live
                checks: [GET /health]
                """.formatted(nameRegex), "lambda-verify.yaml").target();
    }

    @Test
    void functionArnGivesNameAndQualifierAndMustMatchTheRegion() {
        stubConfiguration("orders", "5", null);
        ResolvedFunction f = resolver.resolve(FunctionLookup.byName(
                "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:orders:5", null));
        assertThat(f.functionName()).isEqualTo("orders");
        assertThat(f.version()).isEqualTo("5");

        assertThatThrownBy(() -> resolver.resolve(FunctionLookup.byName(
                "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:orders", null)))
                .hasMessage("function ARN arn:aws:lambda:us-east-1:123456789012:function:orders is in us-east-1 but the "
                        + "region is eu-west-1: set region to us-east-1");
        assertThatThrownBy(() -> resolver.resolve(FunctionLookup.byName("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":orders", null)))
                .isInstanceOf(TargetResolutionException.class)
                .hasMessageStartingWith("'arn:aws:sqs:eu-west-1:123456789012:orders' is not a Lambda function ARN");
    }

    @Test
    void missingAliasAndMissingFunctionAreUserMessages() {
        aws.stubFor(get(urlPathEqualTo("/2015-03-31/functions/orders/aliases/prod")).willReturn(
                lambdaError(404, "ResourceNotFoundException", "Alias not found: arn:aws:lambda:eu-west-1:1:function:orders:prod")));
        aws.stubFor(get(urlPathEqualTo("/2015-03-31/functions/nope/configuration")).willReturn(
                lambdaError(404, "ResourceNotFoundException", "Function not found: arn:aws:lambda:eu-west-1:1:function:nope")));

        assertThatThrownBy(() -> resolver.resolve(FunctionLookup.byName("orders", "prod")))
                .isInstanceOf(TargetResolutionException.class)
                .hasMessage("alias prod of function orders not found in eu-west-1: check the name, qualifier and region");
        assertThatThrownBy(() -> resolver.resolve(FunctionLookup.byName("nope", null)))
                .hasMessage("function nope not found in eu-west-1: check the name, qualifier and region");
    }

    @Test
    void deniedGetAliasNamesTheLambdaAction() {
        aws.stubFor(get(urlPathEqualTo("/2015-03-31/functions/orders/aliases/live")).willReturn(lambdaError(403,
                "AccessDeniedException", "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: "
                        + "lambda:GetAlias on resource: arn:aws:lambda:eu-west-1:123456789012:function:orders:live")));

        assertThatThrownBy(() -> resolver.resolve(FunctionLookup.byName("orders", "live")))
                .isInstanceOf(AwsCallException.class)
                .hasMessage("lambda:GetAlias denied for arn:aws:iam::123456789012:user/ci on orders:live: "
                        + "add lambda:GetAlias to the role's IAM policy");
    }

    @Test
    void throttlingIsRetriedThenSucceeds() {
        aws.stubFor(get(urlPathEqualTo("/2015-03-31/functions/orders/configuration")).inScenario("throttle")
                .whenScenarioStateIs(STARTED).willSetStateTo("once")
                .willReturn(lambdaError(429, "TooManyRequestsException", "Rate exceeded")));
        aws.stubFor(get(urlPathEqualTo("/2015-03-31/functions/orders/configuration")).inScenario("throttle")
                .whenScenarioStateIs("once").willSetStateTo("ok")
                .willReturn(lambdaError(429, "TooManyRequestsException", "Rate exceeded")));
        aws.stubFor(get(urlPathEqualTo("/2015-03-31/functions/orders/configuration")).inScenario("throttle")
                .whenScenarioStateIs("ok").willReturn(json(
                        "{\"FunctionName\":\"orders\",\"FunctionArn\":\"arn:aws:lambda:eu-west-1:123456789012:function:orders\","
                                + "\"Runtime\":\"nodejs22.x\",\"Timeout\":10,\"Version\":\"$LATEST\"}")));

        ResolvedFunction f = resolver.resolve(FunctionLookup.byName("orders", null));
        assertThat(f.runtime()).isEqualTo("nodejs22.x");
        aws.verify(3, getRequestedFor(urlPathEqualTo("/2015-03-31/functions/orders/configuration")));
    }

    @Test
    void persistent5xxFailsAfterTheRetriesWithTheStatus() {
        aws.stubFor(get(urlPathEqualTo("/2015-03-31/functions/orders/configuration"))
                .willReturn(lambdaError(500, "ServiceException", "internal failure")));

        assertThatThrownBy(() -> resolver.resolve(FunctionLookup.byName("orders", null)))
                .isInstanceOfSatisfying(AwsCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(AwsCallException.Kind.SERVICE))
                .hasMessage("lambda:GetFunctionConfiguration on orders:$LATEST failed: AWS answered 500 ServiceException "
                        + "after retries: internal failure");
        aws.verify(3, getRequestedFor(urlPathEqualTo("/2015-03-31/functions/orders/configuration")));
    }

    @Test
    void aSlowEndpointFailsAtTheCallTimeoutInsteadOfHanging() {
        aws.stubFor(get(urlPathEqualTo("/2015-03-31/functions/orders/configuration"))
                .willReturn(json("{}").withFixedDelay(2_000)));
        try (AwsClientFactory slow = AwsTestClients.against(aws.getPort(), Duration.ofMillis(300))) {
            FunctionResolver r = new FunctionResolver(slow);
            assertThatThrownBy(() -> r.resolve(FunctionLookup.byName("orders", null)))
                    .isInstanceOfSatisfying(AwsCallException.class,
                            e -> assertThat(e.kind()).isEqualTo(AwsCallException.Kind.TIMEOUT))
                    .hasMessageStartingWith("lambda:GetFunctionConfiguration on orders:$LATEST timed out");
        }
    }

    @Test
    void lookupNeedsExactlyOneWayToFindTheFunction() {
        assertThatThrownBy(() -> new FunctionLookup(null, null, null, null, null, "live"))
                .hasMessage("no function to verify: set function, stack and logicalId, namePrefix or nameRegex");
        assertThatThrownBy(() -> new FunctionLookup("orders", "stack", "Fn", null, null, null))
                .hasMessage("set only one of function, stack/logicalId, namePrefix or nameRegex");
        assertThatThrownBy(() -> FunctionLookup.byStack("orders-api", null, null))
                .hasMessage("stack 'orders-api' needs logicalId: the function's logical id in the template");
        assertThatThrownBy(() -> FunctionLookup.byRegex("orders-(", null))
                .hasMessageStartingWith("nameRegex 'orders-(' is not a valid regex");
    }

    @Test
    void aLookupByNameNeverBuildsTheCloudFormationClientAStackLookupDoes() {
        stubConfiguration("orders", "$LATEST", null);
        java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();
        io.jenkins.plugins.lambdaverify.aws.AwsClients counting = new io.jenkins.plugins.lambdaverify.aws.AwsClients() {
            public software.amazon.awssdk.regions.Region region() {
                return clients.region();
            }

            public software.amazon.awssdk.services.lambda.LambdaClient lambda() {
                return clients.lambda();
            }

            public software.amazon.awssdk.services.lambda.LambdaClient newLambdaClient(
                    software.amazon.awssdk.core.client.config.ClientOverrideConfiguration o, java.time.Duration t) {
                return clients.newLambdaClient(o, t);
            }

            public software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient logs() {
                return clients.logs();
            }

            public software.amazon.awssdk.services.cloudformation.CloudFormationClient cloudFormation() {
                built.incrementAndGet();
                return clients.cloudFormation();
            }

            public software.amazon.awssdk.services.sts.StsClient sts() {
                return clients.sts();
            }

            public void close() {
            }
        };
        FunctionResolver lazy = new FunctionResolver(counting);
        assertThat(lazy.resolve(FunctionLookup.byName("orders", null)).functionName()).isEqualTo("orders");
        assertThat(built).as("CloudFormation client built for a lookup by name").hasValue(0);

        aws.stubFor(listStackResources("orders-api", null).willReturn(stackPage(null,
                resource("ApiFunction", "orders", "AWS::Lambda::Function"))));
        assertThat(lazy.resolve(FunctionLookup.byStack("orders-api", "ApiFunction", null)).functionName())
                .isEqualTo("orders");
        assertThat(built).hasValue(1);
    }
}
