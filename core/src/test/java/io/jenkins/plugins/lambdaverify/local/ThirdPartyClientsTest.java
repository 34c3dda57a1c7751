package io.jenkins.plugins.lambdaverify.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.testing.RequiredTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The local Invoke API driven by clients no one here wrote: the AWS CLI and boto3 (Debian's {@code awscli} and
 * {@code python3-boto3}; bin/install-test-tools installs them). Skipped, saying why, only where they are not
 * installed, and never when {@link RequiredTools#REQUIRED} is set.
 */
@Timeout(120)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = LocalTestSupport.LINUX_SANDBOX)
class ThirdPartyClientsTest {
    private static LocalInvokeServer server;
    private static String endpoint;

    @TempDir
    Path dir;

    /** Started by the first test: a skip (no Python) then shows on every test, not as an empty class. */
    @BeforeEach
    void start() throws IOException {
        if (server == null) {
            LocalInvokeServer started = LocalInvokeServer.forTemplate(LocalTestSupport.builtTemplate("broken"),
                    "eu-west-1", LocalTestSupport.RUNTIME, new LocalLogBuffer(), 2);
            endpoint = "http://127.0.0.1:" + started.start(0);
            server = started;
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) { // null where every test was skipped (no Python)
            server.stop();
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private Run run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        // Dummy credentials and an empty home: the clients must never reach a real account or a user's profile.
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("HOME", dir.toString());
        env.put("AWS_ACCESS_KEY_ID", "AKIDLOCAL");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_DEFAULT_REGION", "eu-west-1");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        Path out = dir.resolve("stdout-" + System.nanoTime());
        Path err = dir.resolve("stderr-" + System.nanoTime());
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** An AWS CLI and whether it is version 1 (which has no --cli-binary-format and sends payloads as text). */
    private record AwsCli(String path, boolean v1) {
        List<String> invoke(String... args) {
            List<String> command = new ArrayList<>(List.of(path, "lambda", "invoke"));
            command.addAll(List.of(args));
            if (!v1) {
                command.addAll(List.of("--cli-binary-format", "raw-in-base64-out"));
            }
            return command;
        }
    }

    /** The first working AWS CLI: -Dlambdaverify.awsCli, Debian's, then whatever PATH has. */
    private static AwsCli awsCli() {
        List<String> candidates = new ArrayList<>();
        if (System.getProperty("lambdaverify.awsCli") != null) {
            candidates.add(System.getProperty("lambdaverify.awsCli"));
        }
        candidates.add("/usr/bin/aws");
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            candidates.add(Path.of(d, "aws").toString());
        }
        for (String c : candidates) {
            String version = Files.isExecutable(Path.of(c)) ? output(List.of(c, "--version")) : null;
            if (version != null && version.startsWith("aws-cli/")) {
                return new AwsCli(c, version.startsWith("aws-cli/1."));
            }
        }
        return null;
    }

    private static String output(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A Python with boto3: Debian's python3 (python3-boto3) first, then python3 on PATH. */
    private static String pythonWithBoto3() {
        for (String c : List.of("/usr/bin/python3", "python3")) {
            if (works(List.of(c, "-c", "import boto3"))) {
                return c;
            }
        }
        return null;
    }

    private static boolean works(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void awsCliInvokesTheBuiltFunctionAndGetsTheFunctionErrorAndLogTail() throws Exception {
        AwsCli aws = awsCli();
        RequiredTools.assumeAvailable(aws != null, "no working AWS CLI (aws --version) at /usr/bin/aws or on PATH");
        Path event = dir.resolve("event.json");
        Files.write(event, ApiGatewayV1Events.get("/api/v1/providers"));
        Path response = dir.resolve("response.json");
        Run run = run(aws.invoke("--endpoint-url", endpoint, "--function-name", "ApiFunction",
                "--payload", "file://" + event, "--log-type", "Tail", "--output", "json", response.toString()));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode meta = ApiGatewayV1Events.parse(run.stdout().getBytes(StandardCharsets.UTF_8));
        assertThat(meta.path("StatusCode").asInt()).isEqualTo(200);
        assertThat(meta.path("ExecutedVersion").asString()).isEqualTo("$LATEST");
        assertThat(new String(Base64.getDecoder().decode(meta.path("LogResult").asString()), StandardCharsets.UTF_8))
                .contains("ModuleNotFoundError: No module named 'src'").contains("REPORT RequestId: ");
        assertThat(ApiGatewayV1Events.status(Files.readAllBytes(response))).isEqualTo(500);

        Path workerEvent = dir.resolve("worker.json");
        Files.writeString(workerEvent, "{\"Records\": 1}");
        Run failed = run(aws.invoke("--endpoint-url", endpoint, "--function-name", "NotificationWorkerFunction",
                "--payload", "file://" + workerEvent, "--output", "json", dir.resolve("worker-out.json").toString()));
        assertThat(failed.exitCode()).as(failed.stderr()).isZero();
        assertThat(ApiGatewayV1Events.parse(failed.stdout().getBytes(StandardCharsets.UTF_8))
                .path("FunctionError").asString()).isEqualTo("Unhandled");

        Run missing = run(aws.invoke("--endpoint-url", endpoint, "--function-name", "Nope",
                dir.resolve("nope.json").toString()));
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("ResourceNotFoundException").contains("Function not found");
    }

    @Test
    void boto3InvokesTheBuiltFunction() throws Exception {
        String python = pythonWithBoto3();
        RequiredTools.assumeAvailable(python != null, "no Python with boto3 (/usr/bin/python3 or python3 on PATH)");
        Path script = dir.resolve("invoke.py");
        Files.writeString(script, """
                import base64, json, sys
                import boto3
                from botocore.config import Config
                client = boto3.client("lambda", endpoint_url=sys.argv[1], config=Config(retries={"max_attempts": 1}))
                result = client.invoke(FunctionName="ApiFunction", Payload=sys.argv[2].encode(), LogType="Tail")
                out = {"status": result["StatusCode"], "functionError": result.get("FunctionError"),
                       "version": result.get("ExecutedVersion"),
                       "log": base64.b64decode(result["LogResult"]).decode(),
                       "payload": json.loads(result["Payload"].read())}
                try:
                    client.invoke(FunctionName="Nope", Payload=b"{}")
                except client.exceptions.ResourceNotFoundException as e:
                    out["missing"] = str(e)
                print(json.dumps(out))
                """);
        String event = new String(ApiGatewayV1Events.get("/health"), StandardCharsets.UTF_8);
        Run run = run(List.of(python, script.toString(), endpoint, event));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode out = ApiGatewayV1Events.parse(run.stdout().getBytes(StandardCharsets.UTF_8));
        assertThat(out.path("status").asInt()).isEqualTo(200);
        assertThat(out.path("functionError").isNull()).isTrue();
        assertThat(out.path("version").asString()).isEqualTo("$LATEST");
        assertThat(out.path("payload").path("statusCode").asInt()).isEqualTo(200);
        assertThat(out.path("log").asString()).contains("START RequestId: ").contains("GET /health -> 200");
        assertThat(out.path("missing").asString()).contains("ResourceNotFoundException");
    }
}
