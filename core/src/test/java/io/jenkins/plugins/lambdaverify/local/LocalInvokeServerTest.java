package io.jenkins.plugins.lambdaverify.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import tools.jackson.databind.JsonNode;

/** The local Invoke API driven by the real AWS SDK for Java v2 client. */
@Timeout(120)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = LocalTestSupport.LINUX_SANDBOX)
class LocalInvokeServerTest {
    private static LocalInvokeServer server;
    private static LambdaClient lambda;

    /** Started by the first test: a skip (no Python) then shows on every test, not as an empty class. */
    @BeforeEach
    void start() throws Exception {
        if (server == null) {
            LocalInvokeServer started = LocalInvokeServer.forTemplate(LocalTestSupport.builtTemplate("broken"),
                    "eu-west-1", LocalTestSupport.RUNTIME, new LocalLogBuffer(), 2);
            started.start(0);
            server = started;
            lambda = client(server.endpoint());
        }
    }

    @AfterAll
    static void stop() {
        // null where every test was skipped (no Python)
        if (lambda != null) {
            lambda.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    static LambdaClient client(URI endpoint) {
        return LambdaClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(b -> b.maxAttempts(1)).build())
                .build();
    }

    private static InvokeResponse invoke(String function, byte[] payload) {
        return lambda.invoke(b -> b.functionName(function).payload(SdkBytes.fromByteArray(payload))
                .logType(LogType.TAIL));
    }

    @Test
    void sdkInvokeReturnsPayloadVersionRequestIdAndTheLogTail() {
        InvokeResponse health = invoke("ApiFunction", ApiGatewayV1Events.get("/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.functionError()).isNull();
        assertThat(health.executedVersion()).isEqualTo("$LATEST");
        assertThat(ApiGatewayV1Events.status(health.payload().asByteArray())).isEqualTo(200);
        String healthLog = new String(Base64.getDecoder().decode(health.logResult()), StandardCharsets.UTF_8);
        String requestId = health.responseMetadata().requestId();
        assertThat(healthLog).contains("START RequestId: " + requestId, "END RequestId: " + requestId,
                "REPORT RequestId: " + requestId);

        InvokeResponse lazy = invoke("ApiFunction", ApiGatewayV1Events.get("/api/v1/compliance"));
        assertThat(ApiGatewayV1Events.status(lazy.payload().asByteArray())).isEqualTo(500);
        String log = new String(Base64.getDecoder().decode(lazy.logResult()), StandardCharsets.UTF_8);
        assertThat(log).contains("ModuleNotFoundError: No module named 'src'");
    }

    @Test
    void functionErrorHeaderQualifierArnAndOtherFunctionsOfTheBuild() {
        InvokeResponse worker = lambda.invoke(b -> b.functionName(
                        "arn:aws:lambda:eu-west-1:123456789012:function:NotificationWorkerFunction")
                .qualifier("$LATEST")
                .payload(SdkBytes.fromUtf8String("{\"Records\": [{\"messageId\": \"m1\", \"body\": \"{}\"}]}")));
        assertThat(worker.functionError()).isNull();
        assertThat(worker.payload().asUtf8String()).isEqualTo("{\"batchItemFailures\": []}");

        InvokeResponse failed = invoke("NotificationWorkerFunction", "{\"Records\": 5}".getBytes(StandardCharsets.UTF_8));
        assertThat(failed.functionError()).isEqualTo("Unhandled");
        JsonNode error = ApiGatewayV1Events.parse(failed.payload().asByteArray());
        assertThat(error.path("errorType").asString()).isEqualTo("TypeError");
    }

    @Test
    void unknownFunctionIsResourceNotFoundAndInvalidJsonIsRejected() {
        assertThatThrownBy(() -> invoke("NoSuchFunction", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                    assertThat(e.getMessage()).contains("Function not found").contains("NoSuchFunction");
                });
        assertThatThrownBy(() -> invoke("ApiFunction", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRequestContentException.class);
    }

    @Test
    void dryRunAndEventInvocationTypes() {
        assertThat(lambda.invoke(b -> b.functionName("ApiFunction").invocationType(InvocationType.DRY_RUN)
                .payload(SdkBytes.fromUtf8String("{}"))).statusCode()).isEqualTo(204);
        assertThat(lambda.invoke(b -> b.functionName("ApiFunction").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromByteArray(ApiGatewayV1Events.get("/health")))).statusCode()).isEqualTo(202);
    }

    @Test
    void aFunctionThatCannotRunLocallyIsAClearErrorWhileTheOthersServe(@TempDir Path dir) throws Exception {
        LocalTestSupport.function(dir, "py", java.util.Map.of("app.py", "def handler(e, c):\n    return 'py'\n"));
        Files.createDirectories(dir.resolve("java"));
        Files.writeString(dir.resolve("template.yaml"), """
                Resources:
                  PyFunction:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: py, Handler: app.handler, Runtime: python3.12}
                  JavaFunction:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: java, Handler: com.example.Handler::handle, Runtime: java21}
                """);
        try (LocalInvokeServer mixed = LocalInvokeServer.forTemplate(dir.resolve("template.yaml"), null,
                LocalTestSupport.RUNTIME, new LocalLogBuffer(), 1);
             LambdaClient client = client(URI.create("http://127.0.0.1:" + mixed.start(0)))) {
            assertThat(mixed.functionNames()).containsExactlyInAnyOrder("PyFunction", "JavaFunction");
            assertThat(client.invoke(b -> b.functionName("PyFunction")).payload().asUtf8String()).isEqualTo("\"py\"");
            assertThatThrownBy(() -> client.invoke(b -> b.functionName("JavaFunction")))
                    .isInstanceOf(InvalidParameterValueException.class)
                    .hasMessageContaining("runtime 'java21' of function JavaFunction is not supported");
        }
    }

    @Test
    void otherPathsAreUnknownOperationsAndTheLogTailIsTheLast4Kb() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.endpoint().resolve("/2015-03-31/functions/ApiFunction")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");

        String longLog = "x".repeat(5000) + "\nlast line";
        byte[] tail = LocalInvokeServer.tail(longLog);
        assertThat(tail).hasSize(LocalInvokeServer.LOG_TAIL_BYTES);
        assertThat(new String(tail, StandardCharsets.UTF_8)).endsWith("x\nlast line\n");
        assertThat(LocalInvokeServer.functionName("arn:aws:lambda:eu-west-1:1:function:Fn:live")).isEqualTo("Fn");
        assertThat(LocalInvokeServer.functionName("1:function:Fn")).isEqualTo("Fn");
        assertThat(LocalInvokeServer.functionName("Fn:live")).isEqualTo("Fn");
    }

    @Test
    void getFunctionConfigurationAnswersFromTheTemplateSoLambdaModeCanResolveTheFunction() {
        var config = lambda.getFunctionConfiguration(b -> b.functionName("ApiFunction").qualifier("$LATEST"));
        assertThat(config.functionName()).isEqualTo("ApiFunction");
        assertThat(config.functionArn()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:ApiFunction");
        assertThat(config.runtimeAsString()).isEqualTo("python3.12");
        assertThat(config.handler()).isEqualTo("app.handler");
        assertThat(config.timeout()).isEqualTo(15);
        assertThat(config.version()).isEqualTo("$LATEST");
        assertThat(config.loggingConfig().logGroup()).isEqualTo("/aws/lambda/ApiFunction");
        assertThat(config.environment()).as("variables may hold secrets: not served").isNull();
        assertThatThrownBy(() -> lambda.getFunctionConfiguration(b -> b.functionName("Nope")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Function not found");
    }
}
