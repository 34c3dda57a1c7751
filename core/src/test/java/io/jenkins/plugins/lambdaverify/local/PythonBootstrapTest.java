package io.jenkins.plugins.lambdaverify.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.lambdaverify.invoke.InvocationException;
import io.jenkins.plugins.lambdaverify.testing.RequiredTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What the Python bootstrap reproduces of the Lambda runtime, one behaviour per test. */
@Timeout(60)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = LocalTestSupport.LINUX_SANDBOX)
class PythonBootstrapTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private final LocalLogBuffer logs = new LocalLogBuffer();
    private final List<LocalFunctionTransport> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(LocalFunctionTransport::close);
    }

    private LocalFunctionTransport python(String appPy) {
        return python(appPy, Duration.ofSeconds(20));
    }

    private LocalFunctionTransport python(String appPy, Duration timeout) {
        RequiredTools.assumeInterpreter(RuntimeLanguage.PYTHON);
        Path fn = LocalTestSupport.function(dir, "fn", Map.of("app.py", appPy));
        LocalFunctionTransport t = LocalTestSupport.open(fn, "app.handler", "python3.12", timeout, logs);
        opened.add(t);
        return t;
    }

    private static JsonNode json(byte[] payload) {
        return ApiGatewayV1Events.parse(payload);
    }

    @Test
    void importErrorIsRuntimeImportModuleErrorOnEveryInvocation() throws Exception {
        LocalFunctionTransport t = python("import missing_dependency\n\ndef handler(event, context):\n    return 1\n");
        LocalInvocation first = t.invokeLocal(EMPTY, TIMEOUT);
        assertThat(first.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(first.payload());
        assertThat(error.path("errorType").asString()).isEqualTo("Runtime.ImportModuleError");
        assertThat(error.path("errorMessage").asString())
                .isEqualTo("Unable to import module 'app': No module named 'missing_dependency'");
        assertThat(first.logLines()).anyMatch(l -> l.startsWith(
                "[ERROR] Runtime.ImportModuleError: Unable to import module 'app': No module named 'missing_dependency'"));
        assertThat(first.logLines().get(first.logLines().size() - 1)).contains("Init Duration")
                .contains("Status: error\tError Type: Runtime.ImportModuleError");

        LocalInvocation second = t.invokeLocal(EMPTY, TIMEOUT);
        assertThat(json(second.payload()).path("errorType").asString()).isEqualTo("Runtime.ImportModuleError");
        assertThat(second.initDurationMs()).as("a failed init discards the sandbox").isNotNull();
        assertThat(t.processesStarted()).isEqualTo(2);
    }

    @Test
    void missingHandlerFunctionIsRuntimeHandlerNotFound() throws Exception {
        LocalFunctionTransport t = python("def main(event, context):\n    return 1\n");
        LocalInvocation call = t.invokeLocal(EMPTY, TIMEOUT);
        JsonNode error = json(call.payload());
        assertThat(error.path("errorType").asString()).isEqualTo("Runtime.HandlerNotFound");
        assertThat(error.path("errorMessage").asString()).isEqualTo("Handler 'handler' missing on module 'app'");
        assertThat(call.functionError()).isEqualTo("Unhandled");
    }

    @Test
    void syntaxErrorIsRuntimeUserCodeSyntaxError() throws Exception {
        LocalFunctionTransport t = python("def handler(event, context:\n    return 1\n");
        JsonNode error = json(t.invokeLocal(EMPTY, TIMEOUT).payload());
        assertThat(error.path("errorType").asString()).isEqualTo("Runtime.UserCodeSyntaxError");
        assertThat(error.path("errorMessage").asString()).startsWith("Syntax error in module 'app': ");
        assertThat(error.path("stackTrace").get(0).asString()).contains("app.py").contains("Line 1");
    }

    @Test
    void handlerExceptionIsReportedWithItsTypeTraceAndErrorLogLine() throws Exception {
        LocalFunctionTransport t = python("""
                def handler(event, context):
                    raise ValueError("bad input: " + event["name"])
                """);
        LocalInvocation call = t.invokeLocal("{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8), TIMEOUT);
        JsonNode error = json(call.payload());
        assertThat(call.functionError()).isEqualTo("Unhandled");
        assertThat(error.path("errorType").asString()).isEqualTo("ValueError");
        assertThat(error.path("errorMessage").asString()).isEqualTo("bad input: x");
        assertThat(error.path("requestId").asString()).isEqualTo(call.requestId());
        assertThat(error.path("stackTrace").get(0).asString()).contains("app.py").contains("in handler");
        assertThat(call.logLines()).anyMatch(l -> l.startsWith("[ERROR] ValueError: bad input: x\n"
                + "Traceback (most recent call last):\n"));
        assertThat(t.invokeLocal("{\"name\":\"y\"}".getBytes(StandardCharsets.UTF_8), TIMEOUT).initDurationMs())
                .as("a handled exception keeps the sandbox warm").isNull();
    }

    @Test
    void invalidPayloadAndUnserializableResultAreRuntimeErrors() throws Exception {
        LocalFunctionTransport t = python("def handler(event, context):\n    return {'when': object()}\n");
        assertThat(json(t.invokeLocal("not json".getBytes(StandardCharsets.UTF_8), TIMEOUT).payload())
                .path("errorType").asString()).isEqualTo("Runtime.UnmarshalError");
        JsonNode marshal = json(t.invokeLocal(EMPTY, TIMEOUT).payload());
        assertThat(marshal.path("errorType").asString()).isEqualTo("Runtime.MarshalError");
        assertThat(marshal.path("errorMessage").asString()).startsWith("Unable to marshal response: ");
    }

    @Test
    void runsInTheTaskRootWithLambdasEnvironmentContextAndLogFormat() throws Exception {
        LocalFunctionTransport t = python("""
                import logging, os, sys
                logger = logging.getLogger()
                logger.setLevel(logging.INFO)

                def handler(event, context):
                    logger.warning("careful")
                    keys = ["LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "_HANDLER", "AWS_LAMBDA_FUNCTION_NAME",
                            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_REGION",
                            "AWS_DEFAULT_REGION", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "TZ",
                            "GREETING", "AWS_EXECUTION_ENV"]
                    return {
                        "env": {k: os.environ.get(k) for k in keys},
                        "nonceVisible": any("LAMBDA_VERIFY" in k for k in os.environ),
                        "cwd": os.getcwd(),
                        "path0": sys.path[0],
                        "path": sys.path,
                        "requestId": context.aws_request_id,
                        "functionName": context.function_name,
                        "memory": context.memory_limit_in_mb,
                        "arn": context.invoked_function_arn,
                        "logGroup": context.log_group_name,
                        "remaining": context.get_remaining_time_in_millis(),
                    }
                """);
        LocalInvocation call = t.invokeLocal(EMPTY, TIMEOUT);
        JsonNode out = json(call.payload());
        Path taskRoot = dir.resolve("fn").toAbsolutePath();
        JsonNode env = out.path("env");
        assertThat(env.path("LAMBDA_TASK_ROOT").asString()).isEqualTo(taskRoot.toString());
        assertThat(env.path("LAMBDA_RUNTIME_DIR").asString()).isNotBlank();
        assertThat(env.path("_HANDLER").asString()).isEqualTo("app.handler");
        assertThat(env.path("AWS_LAMBDA_FUNCTION_NAME").asString()).isEqualTo("TestFunction");
        assertThat(env.path("AWS_LAMBDA_FUNCTION_VERSION").asString()).isEqualTo("$LATEST");
        assertThat(env.path("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asString()).isEqualTo("256");
        assertThat(env.path("AWS_REGION").asString()).isEqualTo("eu-west-1");
        assertThat(env.path("AWS_DEFAULT_REGION").asString()).isEqualTo("eu-west-1");
        assertThat(env.path("AWS_LAMBDA_LOG_GROUP_NAME").asString()).isEqualTo("/aws/lambda/TestFunction");
        assertThat(env.path("AWS_LAMBDA_LOG_STREAM_NAME").asString()).contains("[$LATEST]");
        assertThat(env.path("TZ").asString()).isEqualTo(":UTC");
        assertThat(env.path("GREETING").asString()).isEqualTo("hello");
        assertThat(env.path("AWS_EXECUTION_ENV").asString()).isEqualTo("AWS_Lambda_python3.12");
        assertThat(out.path("nonceVisible").asBoolean()).isFalse();
        assertThat(out.path("cwd").asString()).isEqualTo(taskRoot.toString());
        assertThat(out.path("path0").asString()).isEqualTo(taskRoot.toString());
        String projectDir = Path.of("").toAbsolutePath().toString();
        assertThat(out.path("path").valueStream().map(JsonNode::asString))
                .doesNotContain(projectDir, "", ".", env.path("LAMBDA_RUNTIME_DIR").asString());
        assertThat(out.path("requestId").asString()).isEqualTo(call.requestId());
        assertThat(out.path("functionName").asString()).isEqualTo("TestFunction");
        assertThat(out.path("memory").asString()).isEqualTo("256");
        assertThat(out.path("arn").asString()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:TestFunction");
        assertThat(out.path("logGroup").asString()).isEqualTo("/aws/lambda/TestFunction");
        assertThat(out.path("remaining").asLong()).isBetween(1L, 20_000L);
        String report = call.logLines().get(call.logLines().size() - 1);
        java.util.regex.Matcher memory = java.util.regex.Pattern.compile("\tMax Memory Used: (\\d+) MB").matcher(report);
        assertThat(memory.find()).as(report).isTrue();
        assertThat(Integer.parseInt(memory.group(1))).as("the function's own peak, not the JVM's").isBetween(1, 100);
        assertThat(call.logLines()).anyMatch(l -> l.matches(
                "\\[WARNING]\\t\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z\\t" + call.requestId() + "\\tcareful"));
    }

    @Test
    void timeoutKillsTheProcessAnswersLikeLambdaAndTheNextInvocationStartsAFreshOne() throws Exception {
        LocalFunctionTransport t = python("""
                import time
                def handler(event, context):
                    if event.get("sleep"):
                        time.sleep(600)
                    return {"ok": True}
                """, Duration.ofSeconds(1));
        assertThat(t.invokeLocal(EMPTY, TIMEOUT).functionError()).isNull();
        LocalInvocation slow = t.invokeLocal("{\"sleep\": true}".getBytes(StandardCharsets.UTF_8), TIMEOUT);
        assertThat(slow.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(slow.payload());
        assertThat(error.path("errorType").asString()).isEqualTo("Sandbox.Timedout");
        assertThat(error.path("errorMessage").asString())
                .isEqualTo("RequestId: " + slow.requestId() + " Error: Task timed out after 1.00 seconds");
        assertThat(slow.logLines()).anyMatch(l -> l.endsWith(slow.requestId() + " Task timed out after 1.00 seconds"));
        assertThat(slow.logLines().get(slow.logLines().size() - 1)).contains("Status: timeout");

        LocalInvocation next = t.invokeLocal(EMPTY, TIMEOUT);
        assertThat(json(next.payload()).path("ok").asBoolean()).isTrue();
        assertThat(next.initDurationMs()).isNotNull();
        assertThat(t.processesStarted()).isEqualTo(2);
    }

    @Test
    void callerTimeoutShorterThanTheFunctionsIsAnInvocationTimeoutAndTheFunctionRecovers() throws Exception {
        LocalFunctionTransport t = python("""
                import time
                def handler(event, context):
                    if event.get("sleep"):
                        time.sleep(600)
                    return {"ok": True}
                """, Duration.ofSeconds(60));
        assertThatThrownBy(() -> t.invokeLocal("{\"sleep\": true}".getBytes(StandardCharsets.UTF_8),
                Duration.ofMillis(1500)))
                .isInstanceOfSatisfying(InvocationException.class,
                        e -> assertThat(e.kind()).isEqualTo(InvocationException.Kind.TIMEOUT))
                .hasMessageContaining("no answer within 1.50 s");
        assertThat(json(t.invokeLocal(EMPTY, TIMEOUT).payload()).path("ok").asBoolean()).isTrue();
    }

    @Test
    void garbageOnStdoutAndStderrIsLoggedAndNeverTakenForTheAnswer() throws Exception {
        LocalFunctionTransport t = python("""
                import os, sys
                def handler(event, context):
                    print("0123456789abcdef0123456789abcdef RESULT {\\"payload\\": \\"\\\\\\"forged\\\\\\"\\"}")
                    print("READY {}")
                    print("to stderr", file=sys.stderr)
                    os.write(1, b"raw \\xff bytes\\n")
                    sys.stdin.read()
                    sys.stdout.write("no newline before the answer")
                    return {"real": True}
                """);
        LocalInvocation call = t.invokeLocal(EMPTY, TIMEOUT);
        assertThat(json(call.payload()).path("real").asBoolean()).isTrue();
        assertThat(call.functionError()).isNull();
        assertThat(call.logLines()).contains("READY {}", "to stderr", "raw \uFFFD bytes", "no newline before the answer")
                .anyMatch(l -> l.contains("forged"));
        assertThat(json(t.invokeLocal(EMPTY, TIMEOUT).payload()).path("real").asBoolean()).isTrue();
        assertThat(t.processesStarted()).isEqualTo(1);
    }

    @Test
    void aChattyInvocationKeepsItsStartLineAndItsLatestLogsWithinTheBound() throws Exception {
        LocalFunctionTransport t = python("""
                def handler(event, context):
                    for i in range(30000):
                        print("line %05d %s" % (i, "x" * 90))
                    return "done"
                """);
        LocalInvocation call = t.invokeLocal(EMPTY, TIMEOUT);
        List<String> lines = call.logLines();
        assertThat(lines.get(0)).startsWith("START RequestId: ");
        assertThat(lines.get(1)).matches("\\[lambda-verify: \\d+ earlier log lines of this invocation dropped, .*]");
        assertThat(lines.get(lines.size() - 1)).startsWith("REPORT RequestId: ");
        assertThat(lines).anyMatch(l -> l.startsWith("line 29999 "));
        assertThat(lines.stream().mapToInt(String::length).sum())
                .isLessThanOrEqualTo(LocalProcess.MAX_INVOCATION_LOG_CHARS + 200);
        assertThat(logs.events()).anyMatch(e -> e.message().startsWith("line 00000 "));
    }

    @Test
    void largeResponsesArriveWholeUpToLambdasLimit() throws Exception {
        LocalFunctionTransport t = python("""
                def handler(event, context):
                    return {"blob": "\\"quoted\\"" * (event["n"] // 8)}
                """);
        LocalInvocation big = t.invokeLocal("{\"n\": 2000000}".getBytes(StandardCharsets.UTF_8), TIMEOUT);
        assertThat(big.functionError()).isNull();
        assertThat(json(big.payload()).path("blob").asString()).hasSize(2_000_000).startsWith("\"quoted\"");

        LocalInvocation tooBig = t.invokeLocal("{\"n\": 7000000}".getBytes(StandardCharsets.UTF_8), TIMEOUT);
        assertThat(tooBig.functionError()).isEqualTo("Unhandled");
        assertThat(json(tooBig.payload()).path("errorType").asString()).isEqualTo("Function.ResponseSizeTooLarge");
        assertThat(t.processesStarted()).isEqualTo(1);
    }

    @Test
    void exitWithoutErrorIsRuntimeExitErrorWithoutAReason() throws Exception {
        LocalFunctionTransport t = python("import sys\ndef handler(event, context):\n    sys.exit(0)\n");
        LocalInvocation call = t.invokeLocal(EMPTY, TIMEOUT);
        assertThat(json(call.payload()).path("errorMessage").asString())
                .isEqualTo("RequestId: " + call.requestId() + " Error: Runtime exited without providing a reason");
    }

    @Test
    void crashIsRuntimeExitErrorAndTheNextInvocationRecovers() throws Exception {
        LocalFunctionTransport t = python("""
                import os
                def handler(event, context):
                    if event.get("crash"):
                        print("about to die")
                        os._exit(3)
                    return {"ok": True}
                """);
        LocalInvocation crash = t.invokeLocal("{\"crash\": true}".getBytes(StandardCharsets.UTF_8), TIMEOUT);
        assertThat(crash.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(crash.payload());
        assertThat(error.path("errorType").asString()).isEqualTo("Runtime.ExitError");
        assertThat(error.path("errorMessage").asString())
                .isEqualTo("RequestId: " + crash.requestId() + " Error: Runtime exited with error: exit status 3");
        assertThat(crash.logLines()).contains("about to die", "Runtime.ExitError");
        assertThat(json(t.invokeLocal(EMPTY, TIMEOUT).payload()).path("ok").asBoolean()).isTrue();
        assertThat(t.processesStarted()).isEqualTo(2);
    }

    @Test
    void poolRunsTwoInvocationsAtOnceInSeparateProcesses() throws Exception {
        RequiredTools.assumeInterpreter(RuntimeLanguage.PYTHON);
        // Each invocation waits until the other has started: this only finishes if both run at the same time.
        Path fn = LocalTestSupport.function(dir, "pair", Map.of("app.py", """
                import os, time
                def handler(event, context):
                    marker = os.path.join(event["dir"], context.aws_request_id)
                    open(marker, "w").close()
                    for _ in range(200):
                        if len(os.listdir(event["dir"])) >= 2:
                            return {"pid": os.getpid()}
                        time.sleep(0.05)
                    raise TimeoutError("peer never came")
                """));
        Path markers = java.nio.file.Files.createDirectories(dir.resolve("markers"));
        LocalFunctionConfig config = new LocalFunctionConfig("Pair", fn, "app.handler", "python3.11", Map.of(),
                Duration.ofSeconds(30), 128, null);
        LocalFunctionTransport t = LocalTestSupport.RUNTIME.open(config, logs, LocalFunctionTransport.DEFAULT_POOL_SIZE);
        opened.add(t);
        byte[] event = ApiGatewayV1Events.JSON.writeValueAsBytes(Map.of("dir", markers.toString()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<LocalInvocation> a = pool.submit(() -> t.invokeLocal(event, TIMEOUT));
            Future<LocalInvocation> b = pool.submit(() -> t.invokeLocal(event, TIMEOUT));
            JsonNode ra = json(a.get().payload());
            JsonNode rb = json(b.get().payload());
            assertThat(ra.path("pid").asInt()).isPositive().isNotEqualTo(rb.path("pid").asInt());
            assertThat(t.processesStarted()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyTheArtifactAndWhatLambdaProvidesAreImportableNotThisMachinesSitePackages() throws Exception {
        LocalFunctionTransport t = python("""
                import importlib, sys
                def handler(event, context):
                    out = {"sitePaths": [p for p in sys.path if "site-packages" in p or "dist-packages" in p]}
                    for name in event["names"]:
                        try:
                            importlib.import_module(name)
                            out[name] = "ok"
                        except ModuleNotFoundError as e:
                            out[name] = str(e)
                    return out
                """);
        String python = t.interpreter().executable().toString();
        String installed = List.of("yaml", "requests", "certifi", "pip", "setuptools").stream()
                .filter(name -> importable(python, name)).findFirst().orElse(null);
        RequiredTools.assumeAvailable(installed != null, "no third-party package (yaml, requests, certifi, pip,"
                + " setuptools) installed for " + python + " to prove it stays out of the function's reach");
        byte[] event = ApiGatewayV1Events.JSON.writeValueAsBytes(Map.of("names", List.of(installed, "boto3")));
        JsonNode out = json(t.invokeLocal(event, TIMEOUT).payload());
        assertThat(out.path("sitePaths").isEmpty()).as(out.toString()).isTrue();
        assertThat(out.path(installed).asString()).isEqualTo("No module named '" + installed + "'");
        if (importable(python, "boto3")) {
            assertThat(out.path("boto3").asString()).as("Lambda's runtime provides boto3").isEqualTo("ok");
        }
    }

    private static boolean importable(String python, String module) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import " + module).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void versionMismatchIsReportedAgainstTheLocalInterpreter() {
        LocalFunctionTransport t = python("def handler(e, c):\n    return 1\n");
        String local = t.interpreter().version();
        String[] parts = local.split("\\.");
        String same = "python" + parts[0] + "." + parts[1];
        Path fn = dir.resolve("fn");
        LocalFunctionTransport matching = LocalTestSupport.open(fn, "app.handler", same, TIMEOUT, logs);
        opened.add(matching);
        assertThat(matching.versionMismatch()).isNull();
        assertThat(t.versionMismatch()).isEqualTo(same.equals("python3.12") ? null
                : "function TestFunction targets python3.12 but runs on " + t.interpreter().executable() + " "
                + local + " locally");
    }

    @Test
    void setupMistakesAreOneLineErrors() {
        Path fn = LocalTestSupport.function(dir, "fn", Map.of("app.py", "def handler(e, c):\n    return 1\n"));
        assertThatThrownBy(() -> LocalTestSupport.open(fn, "app.handler", "java21", TIMEOUT, logs))
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessage("runtime 'java21' of function TestFunction is not supported in local mode"
                        + " (python3.x and nodejs*.x are); verify it deployed with mode: lambda");
        assertThatThrownBy(() -> LocalTestSupport.open(fn, "app.handler", "provided.al2", TIMEOUT, logs))
                .hasMessageContaining("'provided.al2'");
        assertThatThrownBy(() -> LocalTestSupport.open(fn, "app.handler", null, TIMEOUT, logs))
                .hasMessageContaining("has no Runtime");
        assertThatThrownBy(() -> LocalTestSupport.open(dir.resolve("missing"), "app.handler", "python3.12",
                TIMEOUT, logs)).isInstanceOf(LocalRuntimeException.class)
                .hasMessageContaining("artifact directory " + dir.resolve("missing")).hasMessageContaining("sam build");
        assertThatThrownBy(() -> LocalTestSupport.open(fn, "main.handler", "python3.12", TIMEOUT, logs))
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessage("handler 'main.handler' of function TestFunction: no main.py in " + fn
                        + "; check Handler and CodeUri");
        assertThatThrownBy(() -> LocalTestSupport.open(fn, "handler", "python3.12", TIMEOUT, logs))
                .hasMessageContaining("is malformed");
        LocalRuntime noInterpreters = new LocalRuntime(new InterpreterLocator(dir.toString()));
        LocalFunctionConfig config = new LocalFunctionConfig("Fn", fn, "app.handler", "python3.12", Map.of(), null,
                0, null);
        assertThatThrownBy(() -> noInterpreters.open(config, logs, 1))
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessage("'python3' is not on PATH; install it to run python3.x functions locally");
    }
}
