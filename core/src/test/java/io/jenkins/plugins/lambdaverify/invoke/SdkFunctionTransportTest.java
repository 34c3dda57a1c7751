package io.jenkins.plugins.lambdaverify.invoke;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jenkins.plugins.lambdaverify.invoke.InvocationException.Kind;
import io.jenkins.plugins.lambdaverify.invoke.event.EventContext;
import io.jenkins.plugins.lambdaverify.invoke.event.EventFactory;
import io.jenkins.plugins.lambdaverify.spec.EventFormat;
import io.jenkins.plugins.lambdaverify.spec.RequestSpec;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;

/** The whole direct-invoke path through a real SDK client against WireMock posing as the Lambda API. */
@Timeout(30)
class SdkFunctionTransportTest {

    private static final String FN = "shop-api-ApiFunction-AbC123";
    private static final String INVOKE_PATH = "/2015-03-31/functions/" + FN + "/invocations";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final InvokeRetryPolicy.Backoff FAST = new InvokeRetryPolicy.Backoff(3, Duration.ofMillis(5),
            Duration.ofMillis(20));

    private WireMockServer wireMock;
    private LambdaClient client;

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        client = client(b -> { });
    }

    @AfterEach
    void stop() {
        client.close();
        wireMock.stop();
    }

    /** A client as a user might build it: nothing about retries, so the SDK defaults would apply. */
    private LambdaClient client(Consumer<LambdaClientBuilder> customize) {
        LambdaClientBuilder b = LambdaClient.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create(wireMock.baseUrl()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        customize.accept(b);
        return b.build();
    }

    private LambdaEventInvoker invoker(String qualifier) {
        return LambdaEventInvoker.of(EventFormat.APIGATEWAY_V1, EventContext.forRegion("eu-west-1"),
                new SdkFunctionTransport(client, FN, qualifier, FAST));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseDefinitionBuilder invokeAnswer(String payload, String logTail) {
        return aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Amz-Executed-Version", "7")
                .withHeader("X-Amz-Log-Result", b64(logTail))
                .withHeader("x-amzn-RequestId", "api-request-id-1")
                .withBody(payload);
    }

    private static ResponseDefinitionBuilder awsError(int status, String type, String message) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type)
                .withHeader("x-amzn-RequestId", "err-1")
                .withBody("{\"Type\":\"User\",\"Message\":\"" + message + "\"}");
    }

    private static String report(String requestId, String init) {
        return "START RequestId: " + requestId + " Version: 7\n"
                + "END RequestId: " + requestId + "\n"
                + "REPORT RequestId: " + requestId + "\tDuration: 12.31 ms\tBilled Duration: 13 ms\t"
                + "Memory Size: 512 MB\tMax Memory Used: 88 MB\t" + (init == null ? "" : "Init Duration: " + init + " ms")
                + "\n";
    }

    private int invokeCount() {
        return wireMock.findAll(postRequestedFor(urlPathEqualTo(INVOKE_PATH))).size();
    }

    @Test
    void goodProxyResponse() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(invokeAnswer(
                "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\"{\\\"status\\\":\\\"ok\\\"}\"}",
                report("fn-req-1", "351.20"))));

        InvocationResponse r = invoker(null).invoke(RequestSpec.get("/health"), TIMEOUT);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(r.header("content-type")).isEqualTo("application/json");
        assertThat(r.functionError()).isNull();
        assertThat(r.executedVersion()).isEqualTo("7");
        assertThat(r.requestId()).isEqualTo("fn-req-1");
        assertThat(r.initDurationMs()).isEqualTo(351.20);
        assertThat(r.coldStart()).isTrue();
        assertThat(r.logTail()).contains("REPORT RequestId: fn-req-1");
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(INVOKE_PATH))
                .withHeader("X-Amz-Invocation-Type", equalTo("RequestResponse"))
                .withHeader("X-Amz-Log-Type", equalTo("Tail"))
                .withoutQueryParam("Qualifier")
                .withRequestBody(matchingJsonPath("$.path", equalTo("/health")))
                .withRequestBody(matchingJsonPath("$.httpMethod", equalTo("GET")))
                .withRequestBody(matchingJsonPath("$.requestContext.requestId")));
    }

    @Test
    void qualifierGoesInTheUrl() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(
                invokeAnswer("{\"statusCode\":204}", report("q-1", null))));

        InvocationResponse r = invoker("live").invoke(RequestSpec.get("/"), TIMEOUT);

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.coldStart()).isFalse();
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(INVOKE_PATH)).withQueryParam("Qualifier", equalTo("live")));
    }

    @Test
    void http500WithModuleNotFoundErrorInTheLogTail() throws Exception {
        String log = "START RequestId: r-500 Version: 7\n"
                + "[ERROR] ModuleNotFoundError: No module named 'src.api.v1.providers'\n"
                + "Traceback (most recent call last):\n  File \"/var/task/app/routers.py\", line 9, in load\n"
                + "END RequestId: r-500\n" + report("r-500", null);
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(invokeAnswer(
                "{\"statusCode\":500,\"body\":\"{\\\"detail\\\":\\\"Internal Server Error\\\"}\"}", log)));

        InvocationResponse r = invoker("live").invoke(RequestSpec.get("/api/v1/providers"), TIMEOUT);

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.functionError()).isNull();
        assertThat(r.logTail()).contains("ModuleNotFoundError: No module named 'src.api.v1.providers'");
        assertThat(r.requestId()).isEqualTo("r-500");
    }

    @Test
    void unhandledImportModuleError() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(invokeAnswer(
                "{\"errorMessage\": \"Unable to import module 'app': No module named 'src'\", "
                        + "\"errorType\": \"Runtime.ImportModuleError\", \"requestId\": \"\", \"stackTrace\": []}",
                "INIT_START Runtime Version: python:3.12\n" + report("imp-1", "245.00"))
                .withHeader("X-Amz-Function-Error", "Unhandled")));

        InvocationResponse r = invoker("live").invoke(RequestSpec.get("/health"), TIMEOUT);

        assertThat(r.statusCode()).isNull();
        assertThat(r.functionError().kind()).isEqualTo("Unhandled");
        assertThat(r.functionError().errorType()).isEqualTo("Runtime.ImportModuleError");
        assertThat(r.functionError().errorMessage()).contains("No module named 'src'");
        assertThat(r.requestId()).isEqualTo("imp-1");
        assertThat(r.coldStart()).isTrue();
    }

    @Test
    void nonJsonPayloadIsBadPayload() {
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(invokeAnswer("Hello from Lambda", "")));

        InvocationException e = catchThrowableOfType(InvocationException.class,
                () -> invoker("live").invoke(RequestSpec.get("/"), TIMEOUT));

        assertThat(e.kind()).isEqualTo(Kind.BAD_PAYLOAD);
        assertThat(e.getMessage()).contains("not JSON");
        assertThat(e.payloadExcerpt()).isEqualTo("Hello from Lambda");
    }

    @Test
    void oversizedPayloadIsBadPayloadWithAnExcerpt() {
        String body = "{\"statusCode\":200,\"body\":\"" + "x".repeat(300_000) + "\"}";
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(invokeAnswer(body, "")));
        LambdaEventInvoker small = new LambdaEventInvoker(
                EventFactory.forFormat(EventFormat.APIGATEWAY_V1, EventContext.defaults()),
                new SdkFunctionTransport(client, FN, "live", FAST),
                new ProxyResponseParser(EventFormat.APIGATEWAY_V1, 100_000));

        InvocationException e = catchThrowableOfType(InvocationException.class,
                () -> small.invoke(RequestSpec.get("/big"), TIMEOUT));

        assertThat(e.kind()).isEqualTo(Kind.BAD_PAYLOAD);
        assertThat(e.getMessage()).contains(body.length() + " bytes").contains("100000-byte limit");
        assertThat(e.payloadExcerpt()).startsWith("{\"statusCode\":200,\"body\":\"xxx").hasSizeLessThan(400);
    }

    @Test
    void base64BodyIsDecoded() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(invokeAnswer(
                "{\"statusCode\":200,\"isBase64Encoded\":true,\"body\":\"" + b64("<h1>docs</h1>") + "\"}", "")));

        InvocationResponse r = invoker("live").invoke(RequestSpec.get("/docs"), TIMEOUT);

        assertThat(r.body()).isEqualTo("<h1>docs</h1>");
        assertThat(r.bodyBase64()).isTrue();
        assertThat(r.requestId()).isEqualTo("api-request-id-1"); // no log tail: the API's request id
    }

    @Test
    void functionNotFound() {
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(awsError(404, "ResourceNotFoundException",
                "Function not found: arn:aws:lambda:eu-west-1:123456789012:function:" + FN + ":live")));

        InvocationException e = catchThrowableOfType(InvocationException.class,
                () -> invoker("live").invoke(RequestSpec.get("/"), TIMEOUT));

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.getMessage()).contains(FN + ":live").contains("eu-west-1").contains("Function not found")
                .doesNotContain("\n");
        assertThat(invokeCount()).isEqualTo(1);
    }

    @Test
    void accessDeniedNamesTheIamAction() {
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(awsError(403, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: lambda:InvokeFunction")));

        InvocationException e = catchThrowableOfType(InvocationException.class,
                () -> invoker("live").invoke(RequestSpec.get("/"), TIMEOUT));

        assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(e.getMessage()).contains("lambda:InvokeFunction").contains(FN).doesNotContain("\n");
        assertThat(invokeCount()).isEqualTo(1);
    }

    @Test
    void badCredentialsAreAccessDenied() {
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(awsError(403, "UnrecognizedClientException",
                "The security token included in the request is invalid.")));

        InvocationException e = catchThrowableOfType(InvocationException.class,
                () -> invoker("live").invoke(RequestSpec.get("/"), TIMEOUT));

        assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(e.getMessage()).contains("credentials").contains("lambda:InvokeFunction");
    }

    @Test
    void throttlingIsRetriedWithBackoff() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH)).inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(awsError(429, "TooManyRequestsException", "Rate Exceeded."))
                .willSetStateTo("recovered"));
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH)).inScenario("throttle")
                .whenScenarioStateIs("recovered")
                .willReturn(invokeAnswer("{\"statusCode\":200,\"body\":\"ok\"}", report("after-429", null))));

        InvocationResponse r = invoker("live").invoke(RequestSpec.get("/"), TIMEOUT);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(invokeCount()).isEqualTo(2);
    }

    @Test
    void persistentThrottlingGivesUpAfterTheAttempts() {
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH))
                .willReturn(awsError(429, "TooManyRequestsException", "Rate Exceeded.")));

        InvocationException e = catchThrowableOfType(InvocationException.class,
                () -> invoker("live").invoke(RequestSpec.get("/"), TIMEOUT));

        assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(e.getMessage()).contains("throttled").contains("Rate Exceeded");
        assertThat(invokeCount()).isEqualTo(FAST.maxAttempts());
    }

    @Test
    void readTimeoutIsNeverRetried() {
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(
                invokeAnswer("{\"statusCode\":200}", "").withFixedDelay(3_000)));

        InvocationException e = catchThrowableOfType(InvocationException.class,
                () -> invoker("live").invoke(RequestSpec.get("/slow"), Duration.ofMillis(500)));

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("500ms").contains("not retried");
        assertThat(invokeCount()).isEqualTo(1);
    }

    @Test
    void socketReadTimeoutOfTheHttpClientIsNotRetriedEither() {
        client.close();
        // the HTTP client gives up reading before our own timeout: the SDK would call that retryable
        client = client(b -> b.httpClientBuilder(UrlConnectionHttpClient.builder()
                .socketTimeout(Duration.ofMillis(300))));
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(
                invokeAnswer("{\"statusCode\":200}", "").withFixedDelay(2_000)));

        InvocationException e = catchThrowableOfType(InvocationException.class,
                () -> invoker("live").invoke(RequestSpec.get("/slow"), TIMEOUT));

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(invokeCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void serviceErrorsAreNotRetried(int status) {
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(awsError(status, "ServiceException",
                "Lambda was unable to process the request")));

        InvocationException e = catchThrowableOfType(InvocationException.class,
                () -> invoker("live").invoke(RequestSpec.get("/"), TIMEOUT));

        assertThat(e.kind()).isEqualTo(Kind.SERVICE);
        assertThat(e.getMessage()).contains("ServiceException").contains("HTTP " + status);
        assertThat(invokeCount()).isEqualTo(1);
    }

    @Test
    void connectionResetMidResponseIsNotRetried() {
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        InvocationException e = catchThrowableOfType(InvocationException.class,
                () -> invoker("live").invoke(RequestSpec.get("/"), TIMEOUT));

        assertThat(e.kind()).isEqualTo(Kind.NETWORK);
        assertThat(invokeCount()).isEqualTo(1);
    }

    @Test
    void connectionRefusedIsNetwork() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (LambdaClient nowhere = client(b -> b.endpointOverride(URI.create("http://127.0.0.1:" + closedPort)))) {
            InvocationException e = catchThrowableOfType(InvocationException.class,
                    () -> new SdkFunctionTransport(nowhere, FN, "live", FAST).invoke(new byte[] {'{', '}'}, TIMEOUT));
            assertThat(e.kind()).isEqualTo(Kind.NETWORK);
            assertThat(e.getMessage()).contains("Cannot reach").contains(FN).doesNotContain("\n");
        }
    }

    @Test
    void aClientConfiguredForStandardRetriesStillDoesNotRetryA500() {
        client.close();
        client = client(b -> b.overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)));
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(awsError(500, "ServiceException", "boom")));

        InvocationException e = catchThrowableOfType(InvocationException.class,
                () -> invoker("live").invoke(RequestSpec.get("/"), TIMEOUT));

        assertThat(e.kind()).isEqualTo(Kind.SERVICE);
        assertThat(invokeCount()).isEqualTo(1);
    }

    @Test
    void theClientWideOverrideRetriesOnlyThrottling() {
        ClientOverrideConfiguration config = InvokeRetryPolicy.clientOverrideConfiguration();
        try (LambdaClient configured = client(b -> b.overrideConfiguration(config))) {
            // any call of a client built with it: a 500 is answered once, not retried
            wireMock.stubFor(get(urlPathEqualTo("/2015-03-31/functions/other/configuration"))
                    .willReturn(awsError(500, "ServiceException", "boom")));
            Throwable t = catchThrowableOfType(Exception.class,
                    () -> configured.getFunctionConfiguration(r -> r.functionName("other")));
            assertThat(t).isNotNull();
            assertThat(wireMock.findAll(getRequestedFor(urlPathEqualTo("/2015-03-31/functions/other/configuration"))))
                    .hasSize(1);
            assertThat(config.retryStrategy()).hasValueSatisfying(s -> {
                assertThat(s.maxAttempts()).isEqualTo(InvokeRetryPolicy.Backoff.DEFAULT.maxAttempts());
                assertThat(s.useClientDefaults()).isFalse();
            });
        }
    }

    @Test
    void anInterruptAbortsTheInvokeAndIsPassedOn() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(
                invokeAnswer("{\"statusCode\":200}", "").withFixedDelay(10_000)));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                invoker("live").invoke(RequestSpec.get("/slow"), Duration.ofSeconds(20));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        while (invokeCount() == 0) {
            Thread.sleep(20);
        }
        caller.interrupt();
        caller.join(5_000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(invokeCount()).isEqualTo(1);
    }

    @Test
    void describeNamesFunctionQualifierAndRegion() {
        assertThat(new SdkFunctionTransport(client, FN, "live").describe())
                .isEqualTo("lambda:" + FN + ":live (eu-west-1)");
        assertThat(invoker(null).describe()).isEqualTo("lambda:" + FN + " (eu-west-1) [apigateway-v1 event]");
    }

    @Test
    void requestBodyIsTheEmulatedEvent() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(INVOKE_PATH))
                .withRequestBody(containing("\"rawPath\":\"/items\""))
                .willReturn(invokeAnswer("{\"items\":[]}", "")));
        LambdaEventInvoker v2 = LambdaEventInvoker.of(EventFormat.APIGATEWAY_V2, EventContext.defaults(),
                new SdkFunctionTransport(client, FN, null, FAST));

        InvocationResponse r = v2.invoke(RequestSpec.get("/items"), TIMEOUT);

        // payload 2.0: valid JSON without statusCode is a 200 with the JSON as body
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"items\":[]}");
    }
}
