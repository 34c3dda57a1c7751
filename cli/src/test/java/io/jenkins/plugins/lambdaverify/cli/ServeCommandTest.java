package io.jenkins.plugins.lambdaverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.local.RuntimeLanguage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class ServeCommandTest {
    @TempDir
    Path dir;

    private static Path exampleApp() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("examples/lazy-router-app"))) {
            d = d.getParent();
        }
        return d.resolve("examples/lazy-router-app");
    }

    private Path buildExample() throws Exception {
        String python = RequiredTools.assumeInterpreter(RuntimeLanguage.PYTHON).executable().toString();
        Process p = new ProcessBuilder(python, exampleApp().resolve("build.py").toString(), "--build-dir",
                dir.resolve("build").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(out).isTrue();
        return dir.resolve("build/template.yaml");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = RequiredTools.LINUX_SANDBOX)
    void servesTheBuildsFunctionsUntilStoppedAndPrintsTheirLogs() throws Exception {
        Path template = buildExample();
        ServeCommand serve = new ServeCommand();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(serve);
        cli.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                cli.execute("--template", template.toString(), "--port", "0"));
        while (serve.boundPort() < 0 && !exit.isDone()) {
            Thread.sleep(20);
        }
        assertThat(exit).isNotDone();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + serve.boundPort() + "/2015-03-31/functions/ApiFunction/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"httpMethod\":\"GET\",\"path\":\"/health\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"statusCode\": 200");
        assertThat(response.headers().firstValue("X-Amz-Executed-Version")).hasValue("$LATEST");

        serve.stop.countDown();
        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ServeCommand.OK);
        assertThat(out.toString()).contains("Lambda Invoke API on http://127.0.0.1:" + serve.boundPort()
                + " for ApiFunction, NotificationWorkerFunction")
                .contains("[ApiFunction] START RequestId: ")
                .contains("[ApiFunction] [INFO]\t");
    }

    @Test
    void refusesToListenBeyondLoopbackAndNamesAMissingTemplate() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ServeCommand());
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("--host", "0.0.0.0")).isEqualTo(ServeCommand.USAGE);
        assertThat(err.toString()).contains("--host '0.0.0.0' is not allowed");

        StringWriter err2 = new StringWriter();
        CommandLine missing = new CommandLine(new ServeCommand());
        missing.setErr(new PrintWriter(err2, true));
        assertThat(missing.execute("--template", dir.resolve("nope.yaml").toString(), "--port", "0"))
                .isEqualTo(ServeCommand.USAGE);
        assertThat(err2.toString().strip()).startsWith("lambda-verify: SAM template ").contains("sam build")
                .doesNotContain("\tat ");
    }
}
