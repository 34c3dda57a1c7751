package io.jenkins.plugins.lambdaverify.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.testing.RequiredTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What the Node.js bootstrap reproduces of the Lambda runtime. */
@Timeout(60)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = LocalTestSupport.LINUX_SANDBOX)
class NodeBootstrapTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] EVENT = "{\"name\":\"lambda\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private final LocalLogBuffer logs = new LocalLogBuffer();
    private final List<LocalFunctionTransport> opened = new ArrayList<>();

    @BeforeEach // not @BeforeAll: surefire would show a class skipped there as "Tests run: 0"
    void needsNode() {
        RequiredTools.assumeInterpreter(RuntimeLanguage.NODE);
    }

    @AfterEach
    void closeAll() {
        opened.forEach(LocalFunctionTransport::close);
    }

    private LocalFunctionTransport node(String name, Map<String, String> files, String handler, Duration timeout) {
        Path fn = LocalTestSupport.function(dir, name, files);
        LocalFunctionTransport t = LocalTestSupport.open(fn, handler, "nodejs20.x", timeout, logs);
        opened.add(t);
        return t;
    }

    private LocalFunctionTransport node(String indexJs) {
        return node("fn", Map.of("index.js", indexJs), "index.handler", Duration.ofSeconds(20));
    }

    private static JsonNode json(byte[] payload) {
        return ApiGatewayV1Events.parse(payload);
    }

    @Test
    void asyncHandlerWithContextAndLambdaConsoleFormat() throws Exception {
        LocalFunctionTransport t = node("""
                const helper = require('./lib/helper');
                let calls = 0;
                exports.handler = async (event, context) => {
                  calls += 1;
                  console.log('hello %s', event.name);
                  await new Promise((resolve) => setTimeout(resolve, 10));
                  return {
                    greeting: helper.greet(event.name), calls, requestId: context.awsRequestId,
                    functionName: context.functionName, memory: context.memoryLimitInMB,
                    remaining: context.getRemainingTimeInMillis(), cwd: process.cwd(),
                    taskRoot: process.env.LAMBDA_TASK_ROOT, handler: process.env._HANDLER,
                    nonceVisible: Object.keys(process.env).some((k) => k.includes('LAMBDA_VERIFY')),
                  };
                };
                """.replace("'./lib/helper'", "'./lib/helper'"));
        LocalTestSupport.function(dir, "fn/lib", Map.of("helper.js",
                "exports.greet = (n) => `hi ${n}`;\n"));
        LocalInvocation first = t.invokeLocal(EVENT, TIMEOUT);
        JsonNode out = json(first.payload());
        assertThat(first.functionError()).isNull();
        assertThat(out.path("greeting").asString()).isEqualTo("hi lambda");
        assertThat(out.path("requestId").asString()).isEqualTo(first.requestId());
        assertThat(out.path("functionName").asString()).isEqualTo("TestFunction");
        assertThat(out.path("memory").asString()).isEqualTo("256");
        assertThat(out.path("remaining").asLong()).isBetween(1L, 20_000L);
        String taskRoot = dir.resolve("fn").toAbsolutePath().toString();
        assertThat(out.path("cwd").asString()).isEqualTo(taskRoot);
        assertThat(out.path("taskRoot").asString()).isEqualTo(taskRoot);
        assertThat(out.path("handler").asString()).isEqualTo("index.handler");
        assertThat(out.path("nonceVisible").asBoolean()).isFalse();
        assertThat(first.logLines()).anyMatch(l -> l.matches(
                "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z\\t" + first.requestId() + "\\tINFO\\thello lambda"));
        assertThat(first.initDurationMs()).isNotNull();

        LocalInvocation second = t.invokeLocal(EVENT, TIMEOUT);
        assertThat(json(second.payload()).path("calls").asInt()).as("module state survives: warm").isEqualTo(2);
        assertThat(second.initDurationMs()).isNull();
    }

    @Test
    void largeResponseAndDirectStdoutWrites() throws Exception {
        LocalFunctionTransport t = node("""
                exports.handler = async (event) => {
                  process.stdout.write('raw stdout line\\n');
                  process.stderr.write('raw stderr line\\n');
                  return { blob: 'y'.repeat(event.n) };
                };
                """);
        LocalInvocation call = t.invokeLocal("{\"n\": 3000000}".getBytes(StandardCharsets.UTF_8), TIMEOUT);
        assertThat(call.functionError()).as(() -> new String(call.payload(), StandardCharsets.UTF_8)
                + call.logLines().stream().map(l -> l.length() > 300 ? l.substring(0, 300) : l).toList()).isNull();
        assertThat(json(call.payload()).path("blob").asString()).hasSize(3_000_000);
        assertThat(call.logLines()).contains("raw stdout line", "raw stderr line");
    }

    @Test
    void callbackHandler() throws Exception {
        LocalFunctionTransport t = node("""
                exports.handler = function (event, context, callback) {
                  setTimeout(() => {
                    if (event.fail) {
                      callback(new TypeError('nope'));
                    } else {
                      callback(null, { statusCode: 200, body: 'cb ' + event.name });
                    }
                  }, 5);
                };
                """);
        JsonNode ok = json(t.invokeLocal(EVENT, TIMEOUT).payload());
        assertThat(ok.path("statusCode").asInt()).isEqualTo(200);
        assertThat(ok.path("body").asString()).isEqualTo("cb lambda");

        LocalInvocation failed = t.invokeLocal("{\"fail\":true}".getBytes(StandardCharsets.UTF_8), TIMEOUT);
        assertThat(failed.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(failed.payload());
        assertThat(error.path("errorType").asString()).isEqualTo("TypeError");
        assertThat(error.path("errorMessage").asString()).isEqualTo("nope");
        assertThat(error.path("trace").get(0).asString()).isEqualTo("TypeError: nope");
        assertThat(failed.logLines()).anyMatch(l -> l.contains("\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\""));
    }

    @Test
    void rejectedPromiseIsAFunctionErrorAndEsmModulesLoad() throws Exception {
        LocalFunctionTransport t = node("esm", Map.of("app.mjs", """
                export const handler = async (event) => {
                  if (event.fail) { throw new RangeError('out of range'); }
                  return { module: 'esm' };
                };
                """), "app.handler", Duration.ofSeconds(20));
        assertThat(json(t.invokeLocal(EVENT, TIMEOUT).payload()).path("module").asString()).isEqualTo("esm");
        JsonNode error = json(t.invokeLocal("{\"fail\":true}".getBytes(StandardCharsets.UTF_8), TIMEOUT).payload());
        assertThat(error.path("errorType").asString()).isEqualTo("RangeError");
    }

    @Test
    void missingModuleIsRuntimeImportModuleError() throws Exception {
        LocalFunctionTransport t = node("const dep = require('left-pad-nowhere');\nexports.handler = async () => 1;\n");
        LocalInvocation call = t.invokeLocal(EVENT, TIMEOUT);
        JsonNode error = json(call.payload());
        assertThat(call.functionError()).isEqualTo("Unhandled");
        assertThat(error.path("errorType").asString()).isEqualTo("Runtime.ImportModuleError");
        assertThat(error.path("errorMessage").asString()).startsWith("Error: Cannot find module 'left-pad-nowhere'");
        assertThat(t.invokeLocal(EVENT, TIMEOUT).initDurationMs()).as("failed init discards the process").isNotNull();
    }

    @Test
    void requireFindsTheArtifactsOwnNodeModulesButNothingAboveTheTaskRoot() throws Exception {
        // The project's node_modules, above the build directory: not in the deployment package.
        LocalTestSupport.function(dir, "node_modules/project-only", Map.of("index.js", "module.exports = 'above';\n"));
        LocalFunctionTransport t = node("app", Map.of(
                "node_modules/bundled/index.js", "module.exports = 'bundled';\n",
                "index.js", """
                        exports.handler = async (event) => {
                          const out = { bundled: require('bundled') };
                          try { out.above = require('project-only'); } catch (e) { out.above = e.code; }
                          return out;
                        };
                        """), "index.handler", Duration.ofSeconds(20));
        JsonNode out = json(t.invokeLocal(EVENT, TIMEOUT).payload());
        assertThat(out.path("bundled").asString()).isEqualTo("bundled");
        assertThat(out.path("above").asString()).isEqualTo("MODULE_NOT_FOUND");
    }

    @Test
    void missingExportIsRuntimeHandlerNotFoundAndSyntaxErrorIsReported() throws Exception {
        LocalFunctionTransport missing = node("exports.main = async () => 1;\n");
        JsonNode error = json(missing.invokeLocal(EVENT, TIMEOUT).payload());
        assertThat(error.path("errorType").asString()).isEqualTo("Runtime.HandlerNotFound");
        assertThat(error.path("errorMessage").asString()).isEqualTo("index.handler is undefined or not exported");

        LocalFunctionTransport syntax = node("broken", Map.of("index.js", "exports.handler = async ( => 1;\n"),
                "index.handler", Duration.ofSeconds(20));
        JsonNode syntaxError = json(syntax.invokeLocal(EVENT, TIMEOUT).payload());
        assertThat(syntaxError.path("errorType").asString()).isEqualTo("Runtime.UserCodeSyntaxError");
        assertThat(syntaxError.path("errorMessage").asString()).startsWith("SyntaxError: ");
    }

    @Test
    void neverCalledCallbackTimesOutAndUncaughtExceptionEndsTheProcess() throws Exception {
        LocalFunctionTransport t = node("hang", Map.of("index.js", """
                exports.handler = (event, context, callback) => {
                  if (event.throwLater) { setTimeout(() => { throw new Error('late boom'); }, 1); return; }
                  if (!event.hang) { callback(null, 'ok'); }
                };
                """), "index.handler", Duration.ofSeconds(1));
        JsonNode timedOut = json(t.invokeLocal("{\"hang\":true}".getBytes(StandardCharsets.UTF_8), TIMEOUT).payload());
        assertThat(timedOut.path("errorType").asString()).isEqualTo("Sandbox.Timedout");
        assertThat(timedOut.path("errorMessage").asString()).endsWith("Task timed out after 1.00 seconds");

        LocalInvocation late = t.invokeLocal("{\"throwLater\":true}".getBytes(StandardCharsets.UTF_8), TIMEOUT);
        assertThat(json(late.payload()).path("errorMessage").asString()).isEqualTo("late boom");
        assertThat(new String(t.invokeLocal(EVENT, TIMEOUT).payload(), StandardCharsets.UTF_8)).isEqualTo("\"ok\"");
        assertThat(t.processesStarted()).isEqualTo(3);
    }
}
