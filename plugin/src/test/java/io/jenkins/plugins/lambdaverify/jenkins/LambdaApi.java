package io.jenkins.plugins.lambdaverify.jenkins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The AWS APIs one verification of a deployed function calls, served by WireMock on 127.0.0.1: Lambda's
 * GetFunctionConfiguration (how core's FunctionResolver finds the function, its runtime and timeout) and Invoke (the
 * checks), and CloudWatch Logs' FilterLogEvents (the log scan, empty here). Steps reach it through
 * {@code endpointUrl} or {@code AWS_ENDPOINT_URL}.
 */
final class LambdaApi implements AutoCloseable {
    static final String FUNCTION = "orders-api";
    /** Invoke by name or by ARN (the resolver hands the transport the function's ARN, URL-encoded in the path). */
    static final String INVOKE = "/2015-03-31/functions/[^/]*" + FUNCTION + "/invocations";

    private final WireMockServer server;

    LambdaApi() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get(urlPathEqualTo("/2015-03-31/functions/" + FUNCTION + "/configuration"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"FunctionName\":\"" + FUNCTION + "\",\"FunctionArn\":"
                                + "\"arn:aws:lambda:eu-west-1:123456789012:function:" + FUNCTION + "\","
                                + "\"Runtime\":\"python3.12\",\"Timeout\":30,\"Version\":\"$LATEST\","
                                + "\"State\":\"Active\",\"LastUpdateStatus\":\"Successful\"}")));
        server.stubFor(post(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"events\":[],\"searchedLogStreams\":[]}")));
    }

    String url() {
        return server.baseUrl();
    }

    WireMockServer server() {
        return server;
    }

    /** Every invoke answers like an API Gateway proxy integration with {@code status} and a JSON body. */
    void answer(int status) {
        server.stubFor(invoke().willReturn(proxyResponse(status)));
    }

    /** Invokes answer only after {@code millis}: a check is in flight long enough to abort it. */
    void answerSlowly(int status, int millis) {
        server.stubFor(invoke().willReturn(proxyResponse(status).withFixedDelay(millis)));
    }

    int invocations() {
        return server.findAll(postRequestedFor(urlPathMatching(INVOKE))).size();
    }

    void verify(RequestPatternBuilder pattern) {
        server.verify(pattern);
    }

    void verify(int count, RequestPatternBuilder pattern) {
        server.verify(count, pattern);
    }

    private static MappingBuilder invoke() {
        return post(urlPathMatching(INVOKE));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder proxyResponse(int status) {
        String tail = Base64.getEncoder()
                .encodeToString(("START RequestId: 1 Version: $LATEST\n"
                                + "REPORT RequestId: 1 Duration: 12.0 ms Billed Duration: 13 ms "
                                + "Init Duration: 250.0 ms\n")
                        .getBytes(StandardCharsets.UTF_8));
        String body = status < 400 ? "{\\\"ok\\\":true}" : "{\\\"message\\\":\\\"Internal Server Error\\\"}";
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Amz-Executed-Version", "$LATEST")
                .withHeader("X-Amz-Log-Result", tail)
                .withBody("{\"statusCode\":" + status + ",\"headers\":{\"Content-Type\":\"application/json\"},"
                        + "\"body\":\"" + body + "\"}");
    }

    @Override
    public void close() {
        server.stop();
    }
}
