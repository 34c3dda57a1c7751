package io.jenkins.plugins.lambdaverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLI as its own process, as CI runs it: the real exit status, the real stderr (no SLF4J or JVM noise),
 * GITHUB_STEP_SUMMARY, and a cancelled job (SIGTERM) that still leaves its reports.
 */
@Timeout(90)
class CliProcessTest {
    @TempDir
    Path dir;
    private FakeLambdaApi aws;

    @BeforeEach
    void start() {
        aws = new FakeLambdaApi().configuration(FakeLambdaApi.FUNCTION, "$LATEST");
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private Process start(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LambdaVerifyCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("GITHUB_STEP_SUMMARY"));
        pb.environment().put("AWS_ACCESS_KEY_ID", DummyAwsCredentials.ACCESS_KEY);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", DummyAwsCredentials.SECRET_KEY);
        pb.environment().putAll(env);
        return pb.start();
    }

    private Path config() throws Exception {
        return IncidentEndToEndTest.incidentConfig(dir);
    }

    private String[] runArgs(String... more) throws Exception {
        return Cli.args(aws.runFlags(config().toString(), dir.resolve("reports").toString()), more);
    }

    private static void assertCleanStderr(String err) {
        assertThat(err).doesNotContain("SLF4J").doesNotContain("Exception in thread").doesNotContain("\tat ")
                .doesNotContain("WARNING:");
    }

    @Test
    void aPassingRunExitsZeroAndAppendsTheSummaryForGitHub() throws Exception {
        aws.deployed("good", "$LATEST");
        Path summary = dir.resolve("step-summary.md");
        Files.writeString(summary, "earlier step\n", StandardCharsets.UTF_8);

        Process p = start(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), runArgs("--no-log-scan"));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out + err).isZero();
        assertThat(out).contains("PASSED: 13 passed of 13 checks in ");
        assertCleanStderr(err);
        String md = Files.readString(summary, StandardCharsets.UTF_8);
        assertThat(md).startsWith("earlier step\n").contains("## ✅ lambda-verify: passed")
                .contains("**13 of 13 checks passed**");
    }

    @Test
    void aFailingRunExitsOneThroughSystemExit() throws Exception {
        aws.deployed("broken", "$LATEST");

        Process p = start(Map.of(), runArgs("--no-log-scan"));
        p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(ExitCodes.FAILED);
        assertCleanStderr(err);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "sends SIGTERM with kill(1) and expects exit status 143;"
            + " Windows has neither (a cancelled job there is TerminateProcess, which runs no shutdown hook)")
    void aCancelledRunStillWritesItsReportsMarkedAborted() throws Exception {
        // the function hangs: the run is cancelled while the first phase waits for it
        aws.server.stubFor(aws.invoke().willReturn(FakeLambdaApi.app("good", "$LATEST").withFixedDelay(60_000)));

        Process p = start(Map.of(), "run", "-c", config().toString(), "--mode", "lambda", "--function",
                FakeLambdaApi.FUNCTION, "--region", FakeLambdaApi.REGION, "--endpoint-url", aws.url(), "--report-dir",
                dir.resolve("reports").toString(), "--no-log-scan", "--progress");
        CountDownLatch phaseStarted = new CountDownLatch(1);
        StringBuilder err = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (err) {
                        err.append(line).append('\n');
                    }
                    if (line.contains("phase public")) {
                        phaseStarted.countDown();
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        java.util.concurrent.CompletableFuture<String> stdout = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return "unreadable: " + e;
            }
        });
        assertThat(phaseStarted.await(45, TimeUnit.SECONDS)).as(err.toString()).isTrue();
        while (aws.invocations().isEmpty()) {
            Thread.sleep(20);
        }

        // SIGTERM, as a CI runner cancelling the job (Process.destroy would also close our ends of the pipes)
        Process kill = new ProcessBuilder("kill", "-TERM", String.valueOf(p.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).isTrue();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = stdout.get(10, TimeUnit.SECONDS);
        reader.join(5_000);

        assertThat(p.exitValue()).as(out + err).isEqualTo(143);
        assertThat(out).contains("FAILED: the run was aborted");
        assertCleanStderr(err.toString());
        JsonNode report = JsonMapper.shared().readTree(dir.resolve("reports/report.json").toFile());
        assertThat(report.path("verification").path("termination").asString()).isEqualTo("aborted");
        assertThat(report.path("passed").asBoolean()).isFalse();
        assertThat(Files.exists(dir.resolve("reports/junit.xml"))).isTrue();
    }
}
