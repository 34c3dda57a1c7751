package io.jenkins.plugins.lambdaverify.bench;

import io.jenkins.plugins.lambdaverify.local.LocalInvokeServer;
import io.jenkins.plugins.lambdaverify.local.LocalLogBuffer;
import io.jenkins.plugins.lambdaverify.local.LocalRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Verifying N checks against one local Lambda Invoke endpoint (core's {@link LocalInvokeServer}, the server behind
 * {@code lambda-verify serve}) with three clients, each started as a user starts it: lambda-verify's CLI jar, the
 * incident's sequential boto3 script, and a shell loop of {@code aws lambda invoke}.
 *
 * <p>The endpoint keeps {@code concurrency} warm function processes, as many as lambda-verify runs checks at once,
 * so the endpoint is never what makes lambda-verify wait.
 */
final class Comparison {
    /** One measured cell; a client that was not run (not installed, or skipped) has NaN. */
    record Row(int checks, int latencyMs, double lambdaVerify, double startup, double launcher, double boto3, double awsCli,
               double limit) {
    }

    private final BenchOptions options;
    private final Path work;
    private final Path cliJar;
    private final String java;
    private final Clients clients;
    private final List<String> notes = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong firstLog = new java.util.concurrent.atomic.AtomicLong();
    private double lastStartup = Double.NaN;

    Comparison(BenchOptions options, Path work, Clients clients) {
        this.options = options;
        this.work = work;
        this.cliJar = options.cliJar();
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.clients = clients;
    }

    List<String> notes() {
        return notes;
    }

    /** The physical limit of a row is ceil(N / concurrency) x latency + start-up to the first request of its runs. */
    List<Row> run() {
        Path template = SleepApp.writeBuild(work);
        Path boto3Script = SleepApp.writeScript(work, "boto3_checks.py");
        Path awsScript = SleepApp.writeScript(work, "awscli_checks.sh");
        Map<String, String> env = Processes.clientEnvironment(work);
        int concurrency = options.concurrency();
        List<Row> rows = new ArrayList<>();
        // The function's first log line of a run ("START RequestId") marks the run's first request: start-up to it
        // is measured per run, so the limit uses the start-up of the very runs it is compared with.
        LocalLogBuffer logs = new LocalLogBuffer(10_000, event -> firstLog.compareAndSet(0, System.nanoTime()));
        try (LocalInvokeServer server = LocalInvokeServer.forTemplate(template, "eu-west-1", LocalRuntime.onPath(),
                logs, concurrency)) {
            server.start(0);
            String endpoint = server.endpoint().toString();
            warmUp(server.endpoint(), concurrency);
            if (!options.smoke()) {
                // One unmeasured run of each client: page caches, Python bytecode, the jar, the endpoint's JIT.
                lambdaVerify(endpoint, 1, 0, env, false);
                lambdaVerify(endpoint, 1, 0, env, true); // also writes the launcher's AppCDS archive
                if (clients.boto3() != null) {
                    boto3(boto3Script, endpoint, 1, 0, env);
                }
                if (clients.awsCli() != null) {
                    awsCli(awsScript, endpoint, 1, 0, env);
                }
            }
            for (int latency : options.latencies()) {
                for (int n : options.checks()) {
                    List<Double> lv = new ArrayList<>();
                    List<Double> launcher = new ArrayList<>();
                    List<Double> startups = new ArrayList<>();
                    List<Double> py = new ArrayList<>();
                    List<Double> cli = new ArrayList<>();
                    boolean awsThisRow = clients.awsCli() != null && n <= options.awsCliMaxChecks();
                    for (int rep = 0; rep < options.repetitions(); rep++) {
                        lv.add(lambdaVerify(endpoint, n, latency, env, false));
                        startups.add(lastStartup);
                        launcher.add(lambdaVerify(endpoint, n, latency, env, true));
                        if (clients.boto3() != null) {
                            py.add(boto3(boto3Script, endpoint, n, latency, env));
                        }
                        if (awsThisRow && (rep == 0 || options.awsCliRepeated())) {
                            cli.add(awsCli(awsScript, endpoint, n, latency, env));
                        }
                    }
                    double startup = Processes.median(startups);
                    double limit = Math.ceil((double) n / concurrency) * latency / 1000.0 + startup;
                    Row row = new Row(n, latency, Processes.median(lv), startup, Processes.median(launcher), py.isEmpty() ? Double.NaN : Processes.median(py),
                            cli.isEmpty() ? Double.NaN : Processes.median(cli), limit);
                    rows.add(row);
                    System.err.printf("  N=%3d latency=%3d ms: lambda-verify %.2f s (launcher %.2f s), boto3 %.2f s,"
                            + " awscli %.2f s%n", n, latency, row.lambdaVerify(), row.launcher(), row.boto3(),
                            row.awsCli());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (clients.boto3() == null) {
            notes.add("boto3 column empty: " + clients.boto3Missing());
        }
        if (clients.awsCli() == null) {
            notes.add("awscli column empty: " + clients.awsCliMissing());
        } else if (options.checks().stream().anyMatch(n -> n > options.awsCliMaxChecks())) {
            notes.add("awscli not run above " + options.awsCliMaxChecks() + " checks (--awscli-max-checks)");
        }
        return rows;
    }

    /** Starts every warm process of the endpoint's pool, so no client pays for the endpoint's cold starts. */
    private static void warmUp(URI endpoint, int concurrency) {
        HttpClient http = HttpClient.newHttpClient();
        URI invoke = endpoint.resolve("/2015-03-31/functions/" + SleepApp.FUNCTION + "/invocations");
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(invoke)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"queryStringParameters\": {\"sleep_ms\": \"300\"}}"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.join();
            if (response.statusCode() != 200 || !response.body().contains("\"statusCode\": 200")
                    && !response.body().contains("\"statusCode\":200")) {
                throw new IllegalStateException("the local endpoint did not answer the warm-up: "
                        + response.statusCode() + " " + response.body());
            }
        }
    }

    /**
     * @param launcher through bin/lambda-verify (AppCDS, C1, Serial GC) instead of {@code java -jar}
     */
    private double lambdaVerify(String endpoint, int n, int latency, Map<String, String> clientEnv, boolean launcher) {
        Path dir = work.resolve("lambda-verify-" + n + "-" + latency);
        Path spec = writeSpec(dir, n, latency);
        Map<String, String> env = clientEnv;
        List<String> command = new ArrayList<>();
        if (launcher) {
            command.add(Startup.launcher(options).toString());
            env = Startup.launcherEnvironment(clientEnv, options, work);
        } else {
            command.addAll(List.of(java, "-jar", cliJar.toString()));
        }
        command.addAll(List.of("run", "-c", spec.toString(),
                "--mode", "lambda", "--function", SleepApp.FUNCTION, "--endpoint-url", endpoint,
                "--region", "eu-west-1", "--no-log-scan", "--concurrency", String.valueOf(options.concurrency()),
                "--report-dir", dir.resolve("reports").toString()));
        firstLog.set(0);
        Processes.Timed t = Processes.run(command, dir, env, 600);
        lastStartup = firstLog.get() == 0 ? Double.NaN : (firstLog.get() - t.startNanos()) / 1e9;
        if (t.exitCode() != 0) {
            throw new IllegalStateException(t.failure((launcher ? "bin/lambda-verify" : "lambda-verify") + " (N=" + n + ", latency " + latency + " ms)"));
        }
        return t.seconds();
    }

    private double boto3(Path script, String endpoint, int n, int latency, Map<String, String> env) {
        Processes.Timed t = Processes.run(List.of(clients.boto3(), script.toString(), endpoint, SleepApp.FUNCTION,
                String.valueOf(n), String.valueOf(latency)), work.resolve("boto3"), env, 1800);
        if (t.exitCode() != 0) {
            throw new IllegalStateException(t.failure("the boto3 script (N=" + n + ", latency " + latency + " ms)"));
        }
        return t.seconds();
    }

    private double awsCli(Path script, String endpoint, int n, int latency, Map<String, String> env) {
        Path dir = work.resolve("awscli");
        Processes.Timed t = Processes.run(List.of("/bin/bash", script.toString(), clients.awsCli(), endpoint,
                SleepApp.FUNCTION, String.valueOf(n), String.valueOf(latency), dir.toString()), dir, env, 3600);
        if (t.exitCode() != 0) {
            throw new IllegalStateException(t.failure("the awscli loop (N=" + n + ", latency " + latency + " ms)"));
        }
        return t.seconds();
    }

    /** N checks in one phase, each GET /items/i?sleep_ms=L expecting 200, as a user would write them. */
    static Path writeSpec(Path dir, int n, int latency) {
        StringBuilder yaml = new StringBuilder("""
                version: 1
                target:
                  mode: lambda
                  eventFormat: apigateway-v1
                phases:
                  - name: items
                    expect: {status: 200}
                    checks:
                """);
        for (int i = 1; i <= n; i++) {
            yaml.append("      - GET /items/").append(i).append("?sleep_ms=").append(latency).append('\n');
        }
        try {
            Files.createDirectories(dir);
            Path spec = dir.resolve("lambda-verify.yaml");
            Files.writeString(spec, yaml);
            return spec;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
