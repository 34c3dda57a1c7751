package io.jenkins.plugins.lambdaverify.cli;

import io.jenkins.plugins.lambdaverify.aws.AwsSettings;
import io.jenkins.plugins.lambdaverify.engine.ProgressListener;
import io.jenkins.plugins.lambdaverify.report.ConsoleProgress;
import io.jenkins.plugins.lambdaverify.report.ConsoleSummary;
import io.jenkins.plugins.lambdaverify.report.MarkdownSummaryWriter;
import io.jenkins.plugins.lambdaverify.report.ReportTargets;
import io.jenkins.plugins.lambdaverify.report.ReportWriteResult;
import io.jenkins.plugins.lambdaverify.report.ReportWriter;
import io.jenkins.plugins.lambdaverify.report.SecretMasker;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.rollback.LocalProcessRunner;
import io.jenkins.plugins.lambdaverify.run.RunContext;
import io.jenkins.plugins.lambdaverify.run.SpecSecrets;
import io.jenkins.plugins.lambdaverify.run.Verification;
import io.jenkins.plugins.lambdaverify.spec.Durations;
import io.jenkins.plugins.lambdaverify.spec.RollbackSpec;
import io.jenkins.plugins.lambdaverify.spec.SpecLoader;
import io.jenkins.plugins.lambdaverify.spec.SpecOverrides;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lambda-verify run}: verify, report, roll back. Flags override the config file. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Verify a deployment (or a built artifact) and write the reports.")
final class RunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "lambda-verify.yaml",
            description = "Config file (default: ${DEFAULT-VALUE})")
    Path config;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Option(names = "--concurrency", paramLabel = "N", description = "Checks in flight at once within a phase")
    Integer concurrency;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Per-check timeout, e.g. 30s")
    String timeout;

    @Option(names = "--deadline", paramLabel = "DURATION", description = "Deadline of the whole run, e.g. 5m")
    String deadline;

    @Option(names = "--stop-on-failure", description = "Skip later phases once a phase failed")
    boolean stopOnFailure;

    @Option(names = "--no-log-scan", description = "Do not scan the function's logs")
    boolean noLogScan;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "lambda-verify-reports",
            description = "Where junit.xml, report.json and summary.md go (default: ${DEFAULT-VALUE})")
    Path reportDir;

    @Option(names = "--junit", paramLabel = "FILE", description = "JUnit XML report path (default: DIR/junit.xml)")
    Path junit;

    @Option(names = "--json", paramLabel = "FILE", description = "JSON report path (default: DIR/report.json)")
    Path json;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Markdown summary path (default: DIR/summary.md)")
    Path markdown;

    @Option(names = "--rollback", paramLabel = "STRATEGY", description = "Roll back on failure: alias, sam, command or none")
    String rollback;

    @Option(names = "--previous-version", paramLabel = "V", description = "alias rollback: the version to go back to")
    String previousVersion;

    @Option(names = "--previous-report", paramLabel = "FILE", description = "The previous good run's report.json: its version (alias) or rollback point (sam)")
    String previousReport;

    @Option(names = "--dry-run", description = "Print what the rollback would do; change nothing")
    boolean dryRun;

    @Option(names = "--role-arn", paramLabel = "ARN", description = "Role to assume for every AWS call")
    String roleArn;

    @Option(names = "--external-id", paramLabel = "ID", description = "External id for --role-arn")
    String externalId;

    @Option(names = "--ascii", description = "Plain ASCII marks instead of ✔ ✘")
    boolean ascii;

    @Option(names = "--progress", negatable = true, description = "Print a line per check as it ends "
            + "(default: when stderr is a terminal)")
    Boolean progress;

    @Override
    public Integer call() {
        VerifySpec spec = applyFlags(SpecLoader.load(config, "pass another with -c"));
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        Map<String, String> env = System.getenv();
        // the spec's own secret header and query values too: a function may echo them back in prose
        SecretMasker masker = SecretMasker.defaults().withEnvironmentSecrets(env).withLiterals(SpecSecrets.of(spec));
        boolean perCheck = progress != null ? progress : StderrProgress.terminal();
        ProgressListener listener = new StderrProgress(err, new ConsoleProgress(masker, ascii), perCheck);
        AwsSettings aws = new AwsSettings(null, null, null, roleArn, externalId, null, null, env, true, null);
        RunContext ctx = new RunContext(aws, listener, new LocalProcessRunner(), Path.of("").toAbsolutePath(),
                Clock.systemUTC(), List.of());

        // Ctrl-C: interrupt the run, let it finish its reports, then let the JVM go.
        Thread runner = Thread.currentThread();
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            runner.interrupt();
            try {
                reported.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lambda-verify-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunReport report = new Verification(ctx).run(spec);
            writeReports(report, masker, err);
            out.print(new ConsoleSummary(masker, ascii, ConsoleSummary.DEFAULT_NAME_WIDTH).render(report));
            out.flush();
            return exitCode(report);
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for the latch we just released
            }
        }
    }

    private VerifySpec applyFlags(VerifySpec spec) {
        RollbackSpec.Strategy strategy = null;
        if (rollback != null) {
            strategy = RollbackSpec.Strategy.fromId(rollback);
            if (strategy == null) {
                throw new UsageException("--rollback '" + rollback + "' is not one of alias, sam, command, none");
            }
        }
        return new SpecOverrides(target.toOverrides(), concurrency != null ? positive(concurrency) : null, null,
                timeout != null ? duration("--timeout", timeout) : null,
                deadline != null ? duration("--deadline", deadline) : null, stopOnFailure, noLogScan, List.of(),
                strategy, previousVersion, previousReport, dryRun).applyTo(spec);
    }

    private static int positive(int n) {
        if (n < 1 || n > 256) {
            throw new UsageException("--concurrency " + n + " must be between 1 and 256");
        }
        return n;
    }

    private static Duration duration(String flag, String text) {
        Duration d = Durations.parse(text);
        if (d == null || d.isZero() || d.isNegative()) {
            throw new UsageException(flag + " '" + text + "' is not a duration: write it with a unit, e.g. 500ms, 30s, 10m");
        }
        return d;
    }

    private void writeReports(RunReport report, SecretMasker masker, PrintWriter err) {
        ReportTargets targets = new ReportTargets(junit != null ? junit : reportDir.resolve("junit.xml"),
                json != null ? json : reportDir.resolve("report.json"),
                markdown != null ? markdown : reportDir.resolve("summary.md"));
        ReportWriteResult written = new ReportWriter(masker).write(report, targets);
        written.written().forEach(w -> err.println("report: " + w.path()));
        written.errors().forEach(f -> err.println("warning: could not write " + f.path() + ": " + f.message()));
        String stepSummary = System.getenv("GITHUB_STEP_SUMMARY");
        if (stepSummary != null && !stepSummary.isBlank()) {
            try {
                Files.writeString(Path.of(stepSummary), new MarkdownSummaryWriter(masker).render(report),
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                err.println("warning: could not append to GITHUB_STEP_SUMMARY: " + e.getMessage());
            }
        }
        err.flush();
    }

    static int exitCode(RunReport report) {
        if (report.passed()) {
            return ExitCodes.PASSED;
        }
        if (report.verification().infrastructureError() != null) {
            return ExitCodes.INFRASTRUCTURE;
        }
        if (report.verification().deploymentPassed()) {
            // only a required log scan that could not read the logs (logScan.required) failed the run
            return ExitCodes.INFRASTRUCTURE;
        }
        RollbackOutcome r = report.rollback();
        if (r == null || r.status() == RollbackOutcome.Status.DRY_RUN) {
            return ExitCodes.FAILED;
        }
        boolean reverified = report.reverification() == null || report.reverification().passed();
        return r.status() == RollbackOutcome.Status.DONE && reverified ? ExitCodes.ROLLED_BACK : ExitCodes.ROLLBACK_FAILED;
    }
}
