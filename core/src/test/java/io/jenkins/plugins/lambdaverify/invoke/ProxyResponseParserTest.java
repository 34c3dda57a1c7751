package io.jenkins.plugins.lambdaverify.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.lambdaverify.invoke.InvocationException.Kind;
import io.jenkins.plugins.lambdaverify.spec.EventFormat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProxyResponseParserTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static InvocationResponse parse(EventFormat f, String payload) throws InvocationException {
        return new ProxyResponseParser(f).parse(utf8(payload), null);
    }

    private static InvocationException bad(EventFormat f, String payload) {
        InvocationException e = catchThrowableOfType(InvocationException.class,
                () -> new ProxyResponseParser(f).parse(utf8(payload), null));
        assertThat(e).as("expected a bad payload for %s", payload).isNotNull();
        assertThat(e.kind()).isEqualTo(Kind.BAD_PAYLOAD);
        return e;
    }

    @ParameterizedTest
    @EnumSource(EventFormat.class)
    void proxyResponseWithHeadersAndMultiValueHeaders(EventFormat f) throws Exception {
        InvocationResponse r = parse(f, """
                {"statusCode": 404, "headers": {"Content-Type": "application/json", "X-One": "1"},
                 "multiValueHeaders": {"x-one": ["1", "2"], "Set-Cookie": ["a=1", "b=2"]},
                 "body": "{\\"detail\\":\\"Not Found\\"}", "isBase64Encoded": false}""");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"detail\":\"Not Found\"}");
        assertThat(r.bodyBase64()).isFalse();
        assertThat(r.functionError()).isNull();
        assertThat(r.header("content-type")).isEqualTo("application/json");
        if (f == EventFormat.APIGATEWAY_V1 || f == EventFormat.ALB) {
            // merged case-insensitively, the value in both maps once
            assertThat(r.headers().get("X-One")).containsExactly("1", "2");
            assertThat(r.headers().get("Set-Cookie")).containsExactly("a=1", "b=2");
        } else {
            // payload 2.0 has no multiValueHeaders
            assertThat(r.headers().get("X-One")).containsExactly("1");
            assertThat(r.headers()).doesNotContainKey("Set-Cookie");
        }
    }

    @ParameterizedTest
    @EnumSource(value = EventFormat.class, names = {"APIGATEWAY_V2", "FUNCTION_URL"})
    void payloadV2CookiesBecomeSetCookieHeaders(EventFormat f) throws Exception {
        InvocationResponse r = parse(f, """
                {"statusCode": 307, "headers": {"location": "/login"}, "cookies": ["s=1; HttpOnly", "t=2"]}""");
        assertThat(r.statusCode()).isEqualTo(307);
        assertThat(r.header("Location")).isEqualTo("/login");
        assertThat(r.headers().get("Set-Cookie")).containsExactly("s=1; HttpOnly", "t=2");
        assertThat(r.body()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = EventFormat.class, names = {"APIGATEWAY_V2", "FUNCTION_URL"})
    void payloadV2InfersA200ForJsonThatIsNotAProxyResponse(EventFormat f) throws Exception {
        InvocationResponse object = parse(f, "{\"message\": \"hello\"}");
        assertThat(object.statusCode()).isEqualTo(200);
        assertThat(object.header("Content-Type")).isEqualTo("application/json");
        assertThat(object.body()).isEqualTo("{\"message\": \"hello\"}");

        InvocationResponse string = parse(f, "\"Hello from Lambda!\"");
        assertThat(string.statusCode()).isEqualTo(200);
        assertThat(string.body()).isEqualTo("\"Hello from Lambda!\"");

        assertThat(parse(f, "null").statusCode()).isEqualTo(200);
        // a non-string body is passed on as JSON text
        assertThat(parse(f, "{\"statusCode\": 201, \"body\": {\"id\": 7}}").body()).isEqualTo("{\"id\":7}");
    }

    @ParameterizedTest
    @EnumSource(value = EventFormat.class, names = {"APIGATEWAY_V1", "ALB"})
    void restAndAlbRejectAnythingButAProxyObject(EventFormat f) {
        assertThat(bad(f, "{\"message\": \"hello\"}").getMessage())
                .contains("without statusCode").contains("502").contains("\"statusCode\": 200");
        assertThat(bad(f, "\"Hello\"").getMessage()).contains("a JSON string");
        assertThat(bad(f, "[1, 2]").getMessage()).contains("a JSON array");
        assertThat(bad(f, "null").getMessage()).contains("a JSON null");
        InvocationException objectBody = bad(f, "{\"statusCode\": 200, \"body\": {\"ok\": true}}");
        assertThat(objectBody.getMessage()).contains("body must be a string").contains("json.dumps");
        assertThat(objectBody.payloadExcerpt()).isEqualTo("{\"statusCode\": 200, \"body\": {\"ok\": true}}");
    }

    @ParameterizedTest
    @EnumSource(EventFormat.class)
    void nonJsonIsABadPayloadWithAnExcerpt(EventFormat f) {
        InvocationException e = bad(f, "Internal Server Error: Traceback (most recent call last)");
        assertThat(e.getMessage()).startsWith("Function response is not JSON").doesNotContain("\n");
        assertThat(e.payloadExcerpt()).isEqualTo("Internal Server Error: Traceback (most recent call last)");
        assertThat(bad(f, "").getMessage()).contains("empty");
    }

    @ParameterizedTest
    @EnumSource(EventFormat.class)
    void statusCodeMustBeAnHttpStatus(EventFormat f) throws Exception {
        assertThat(bad(f, "{\"statusCode\": \"abc\"}").getMessage()).contains("statusCode \"abc\"");
        assertThat(bad(f, "{\"statusCode\": 99}").getMessage()).contains("100-599");
        assertThat(parse(f, "{\"statusCode\": \"503\"}").statusCode()).isEqualTo(503);
    }

    @Test
    void oversizedPayloadKeepsOnlyAnExcerpt() {
        byte[] big = new byte[2_000_000];
        Arrays.fill(big, (byte) 'x');
        InvocationException e = catchThrowableOfType(InvocationException.class,
                () -> new ProxyResponseParser(EventFormat.APIGATEWAY_V1, 1_000_000).parse(big, null));
        assertThat(e.kind()).isEqualTo(Kind.BAD_PAYLOAD);
        assertThat(e.getMessage()).contains("2000000 bytes").contains("1000000-byte limit");
        assertThat(e.payloadExcerpt()).hasSize(Payloads.EXCERPT_CHARS + 3).endsWith("...");
    }

    @Test
    void base64BodyIsDecodedWhenItIsText() throws Exception {
        String text = Base64.getEncoder().encodeToString(utf8("héllo <b>world</b>"));
        InvocationResponse r = parse(EventFormat.APIGATEWAY_V1,
                "{\"statusCode\": 200, \"body\": \"" + text + "\", \"isBase64Encoded\": true}");
        assertThat(r.body()).isEqualTo("héllo <b>world</b>");
        assertThat(r.bodyBase64()).isTrue();
    }

    @Test
    void base64BinaryBodyStaysBase64() throws Exception {
        String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, 0});
        InvocationResponse r = parse(EventFormat.ALB,
                "{\"statusCode\": 200, \"body\": \"" + png + "\", \"isBase64Encoded\": true}");
        assertThat(r.body()).isEqualTo(png);
        assertThat(r.bodyBase64()).isTrue();
        assertThat(bad(EventFormat.ALB, "{\"statusCode\": 200, \"body\": \"%%%\", \"isBase64Encoded\": true}")
                .getMessage()).contains("not valid base64");
    }

    @Test
    void pythonImportErrorIsAFunctionError() throws Exception {
        String payload = """
                {"errorMessage": "Unable to import module 'app': No module named 'src'",
                 "errorType": "Runtime.ImportModuleError", "requestId": "", "stackTrace": []}""";
        InvocationResponse r = new ProxyResponseParser(EventFormat.APIGATEWAY_V1).parse(utf8(payload), "Unhandled");
        assertThat(r.statusCode()).isNull();
        assertThat(r.functionError()).isEqualTo(new FunctionError("Unhandled", "Runtime.ImportModuleError",
                "Unable to import module 'app': No module named 'src'", List.of()));
        assertThat(r.functionError().summary())
                .isEqualTo("Runtime.ImportModuleError: Unable to import module 'app': No module named 'src'");
        assertThat(r.body()).contains("ImportModuleError");
    }

    @Test
    void pythonStackTraceEntriesAreSplitIntoLines() throws Exception {
        String payload = """
                {"errorMessage": "No module named 'src.api.v1.providers'", "errorType": "ModuleNotFoundError",
                 "stackTrace": ["  File \\"/var/task/app/main.py\\", line 12, in handler\\n    return router(event)\\n",
                                "  File \\"/var/lang/lib/python3.12/importlib/__init__.py\\", line 90, in import_module\\n    return _bootstrap._gcd_import(name[level:], package, level)\\n"]}""";
        FunctionError e = new ProxyResponseParser(EventFormat.APIGATEWAY_V2).parse(utf8(payload), "Unhandled")
                .functionError();
        assertThat(e.errorType()).isEqualTo("ModuleNotFoundError");
        assertThat(e.stackTrace()).containsExactly(
                "  File \"/var/task/app/main.py\", line 12, in handler",
                "    return router(event)",
                "  File \"/var/lang/lib/python3.12/importlib/__init__.py\", line 90, in import_module",
                "    return _bootstrap._gcd_import(name[level:], package, level)");
    }

    @Test
    void nodeTraceAndJavaCauseAreRead() throws Exception {
        String node = """
                {"errorType": "TypeError", "errorMessage": "Cannot read properties of undefined (reading 'id')",
                 "trace": ["TypeError: Cannot read properties of undefined (reading 'id')",
                           "    at Runtime.handler (file:///var/task/index.mjs:3:25)"]}""";
        FunctionError n = new ProxyResponseParser(EventFormat.APIGATEWAY_V1).parse(utf8(node), "Handled")
                .functionError();
        assertThat(n.kind()).isEqualTo("Handled");
        assertThat(n.stackTrace()).hasSize(2).last().asString().contains("index.mjs:3:25");

        String java = """
                {"errorMessage": "boom", "errorType": "java.lang.IllegalStateException",
                 "stackTrace": ["example.Handler.handleRequest(Handler.java:28)"],
                 "cause": {"errorMessage": "db down", "errorType": "java.sql.SQLException", "stackTrace": []}}""";
        FunctionError j = new ProxyResponseParser(EventFormat.ALB).parse(utf8(java), "Unhandled").functionError();
        assertThat(j.stackTrace()).containsExactly("example.Handler.handleRequest(Handler.java:28)",
                "Caused by: java.sql.SQLException: db down");
    }

    @Test
    void longStackTracesAreCut() throws Exception {
        StringBuilder frames = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            frames.append(i == 0 ? "" : ",").append("\"frame ").append(i).append('"');
        }
        FunctionError e = new ProxyResponseParser(EventFormat.APIGATEWAY_V1)
                .parse(utf8("{\"errorType\":\"E\",\"stackTrace\":[" + frames + "]}"), "Unhandled").functionError();
        assertThat(e.stackTrace()).hasSize(ProxyResponseParser.STACK_LINES).first().isEqualTo("frame 0");
    }

    @Test
    void aFunctionErrorThatIsNotJsonKeepsTheTextAsMessage() throws Exception {
        FunctionError e = new ProxyResponseParser(EventFormat.APIGATEWAY_V1)
                .parse(utf8("Task timed out after 3.00 seconds"), "Unhandled").functionError();
        assertThat(e.errorType()).isNull();
        assertThat(e.errorMessage()).isEqualTo("Task timed out after 3.00 seconds");
        assertThat(e.summary()).isEqualTo("Unhandled: Task timed out after 3.00 seconds");
    }
}
