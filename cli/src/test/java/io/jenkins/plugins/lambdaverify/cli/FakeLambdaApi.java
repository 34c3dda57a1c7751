package io.jenkins.plugins.lambdaverify.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.regex.Pattern;

/**
 * WireMock posing as the Lambda and CloudWatch Logs REST APIs for one function, reached by the CLI's real SDK
 * clients through {@code --endpoint-url}. The calls a lambda-mode run makes (target.FunctionResolver, then
 * SdkFunctionTransport, CloudWatchLogSource, AliasRollback): GetAlias (alias qualifiers only),
 * GetFunctionConfiguration, Invoke, FilterLogEvents, UpdateAlias.
 */
final class FakeLambdaApi implements AutoCloseable {
    static final String FUNCTION = "lazy-router-app-ApiFunction-AbC123";
    static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:function:" + FUNCTION;
    static final String REGION = "eu-west-1";

    final WireMockServer server;
    final FakeLogGroup logs = new FakeLogGroup();

    FakeLambdaApi() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new LazyRouterFunction(logs), logs));
        server.start();
    }

    String url() {
        return server.baseUrl();
    }

    /** The flags every lambda-mode run of these tests passes. */
    List<String> runFlags(String config, String reportDir) {
        return List.of("run", "-c", config, "--mode", "lambda", "--function", FUNCTION, "--region", REGION,
                "--endpoint-url", url(), "--report-dir", reportDir, "--no-progress");
    }

    /** GetFunctionConfiguration of {@code function} (any qualifier) answers a python3.12 function of version. */
    FakeLambdaApi configuration(String function, String version) {
        server.stubFor(get(urlPathEqualTo("/2015-03-31/functions/" + function + "/configuration"))
                .willReturn(json(200, """
                        {"FunctionName": "%s", "FunctionArn": "arn:aws:lambda:eu-west-1:123456789012:function:%s%s",
                         "Runtime": "python3.12", "Handler": "app.handler", "Timeout": 30, "MemorySize": 512,
                         "Version": "%s", "PackageType": "Zip", "State": "Active", "LastUpdateStatus": "Successful",
                         "LoggingConfig": {"LogFormat": "Text", "LogGroup": "/aws/lambda/%s"}}
                        """.formatted(function, function, "$LATEST".equals(version) ? "" : ":" + version, version,
                        function))));
        return this;
    }

    /** GetAlias: {@code alias} points at {@code version} with {@code revisionId}. */
    FakeLambdaApi alias(String alias, String version, String revisionId) {
        server.stubFor(get(urlPathEqualTo("/2015-03-31/functions/" + FUNCTION + "/aliases/" + alias))
                .willReturn(json(200, aliasJson(alias, version, revisionId))));
        return this;
    }

    static String aliasJson(String alias, String version, String revisionId) {
        return """
                {"AliasArn": "%s:%s", "Name": "%s", "FunctionVersion": "%s", "RevisionId": "%s", "Description": ""}
                """.formatted(ARN, alias, alias, version, revisionId);
    }

    /** Invoke (by name or ARN, any qualifier) answered by the lazy router app of the given build. */
    MappingBuilder invoke() {
        return post(urlPathMatching("/2015-03-31/functions/[^/]+/invocations"));
    }

    FakeLambdaApi deployed(String build, String version) {
        server.stubFor(invoke().willReturn(app(build, version)));
        return this;
    }

    static ResponseDefinitionBuilder app(String build, String version) {
        return aResponse().withTransformers(LazyRouterFunction.NAME)
                .withTransformerParameter("build", build).withTransformerParameter("version", version);
    }

    /** CloudFormation ListStackResources (query protocol): {@code logicalId} of {@code stack} is the function. */
    FakeLambdaApi stack(String stack, String logicalId) {
        server.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=ListStackResources"))
                .withRequestBody(containing("StackName=" + stack))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("""
                        <ListStackResourcesResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                          <ListStackResourcesResult><StackResourceSummaries>
                            <member><LogicalResourceId>%s</LogicalResourceId><PhysicalResourceId>%s</PhysicalResourceId>
                              <ResourceType>AWS::Lambda::Function</ResourceType>
                              <LastUpdatedTimestamp>2026-11-28T10:00:00Z</LastUpdatedTimestamp>
                              <ResourceStatus>UPDATE_COMPLETE</ResourceStatus></member>
                          </StackResourceSummaries></ListStackResourcesResult>
                          <ResponseMetadata><RequestId>cfn-1</RequestId></ResponseMetadata>
                        </ListStackResourcesResponse>""".formatted(logicalId, FUNCTION))));
        return this;
    }

    /** FilterLogEvents answers what the function logged. */
    FakeLambdaApi cloudWatchLogs() {
        server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
                .willReturn(aResponse().withTransformers(FakeLogGroup.NAME)));
        return this;
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** An AWS REST-JSON error as Lambda sends it. */
    static ResponseDefinitionBuilder awsError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type).withHeader("x-amzn-RequestId", "err-req-1")
                .withBody("{\"Type\":\"User\",\"message\":\"" + message + "\"}");
    }

    List<LoggedRequest> invocations() {
        return server.findAll(postRequestedFor(urlPathMatching("/2015-03-31/functions/[^/]+/invocations")));
    }

    int filterLogEventsCalls() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))).size();
    }

    static boolean invokedByArn(LoggedRequest r) {
        return Pattern.compile("/functions/arn(%3A|:)aws(%3A|:)lambda").matcher(r.getUrl()).find();
    }

    @Override
    public void close() {
        server.stop();
    }
}
