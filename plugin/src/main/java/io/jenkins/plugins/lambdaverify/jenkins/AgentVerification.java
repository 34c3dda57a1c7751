package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.jenkins.plugins.lambdaverify.aws.AwsSettings;
import io.jenkins.plugins.lambdaverify.engine.ProcessRunner;
import io.jenkins.plugins.lambdaverify.engine.ProgressListener;
import io.jenkins.plugins.lambdaverify.report.ConsoleSummary;
import io.jenkins.plugins.lambdaverify.report.JsonReportReader;
import io.jenkins.plugins.lambdaverify.report.ReportTargets;
import io.jenkins.plugins.lambdaverify.report.ReportWriteResult;
import io.jenkins.plugins.lambdaverify.report.ReportWriter;
import io.jenkins.plugins.lambdaverify.report.SecretMasker;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.run.RunContext;
import io.jenkins.plugins.lambdaverify.run.Verification;
import io.jenkins.plugins.lambdaverify.spec.ExecutionSpec;
import io.jenkins.plugins.lambdaverify.spec.LogScanSpec;
import io.jenkins.plugins.lambdaverify.spec.RollbackSpec;
import io.jenkins.plugins.lambdaverify.spec.SourceLocation;
import io.jenkins.plugins.lambdaverify.spec.SpecException;
import io.jenkins.plugins.lambdaverify.spec.SpecLoader;
import io.jenkins.plugins.lambdaverify.spec.SpecOverrides;
import io.jenkins.plugins.lambdaverify.spec.SpecProblem;
import io.jenkins.plugins.lambdaverify.spec.TargetSpec;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import io.jenkins.plugins.lambdaverify.summary.SummaryFactory;
import io.jenkins.plugins.lambdaverify.summary.VerificationSummary;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Serial;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jenkins.security.MasterToSlaveCallable;

/**
 * Runs one verification on the agent that holds the workspace, as {@code sh} would: the agent has the network path
 * (VPC endpoints, private API Gateways) and the identity the job expects, and the controller stays light. Progress
 * streams to the build log through the remotable listener; the reports land in {@link #JUNIT_FILE} and its
 * siblings under the request's report directory; a plain {@link VerificationSummary} comes back.
 *
 * <p>A callable given the workspace's path: {@code FilePath.act(Callable)} runs it on the agent that holds the
 * workspace, and no remoting type appears in this class.
 */
final class AgentVerification extends MasterToSlaveCallable<VerificationSummary, Exception> {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Name of the JUnit report in the report directory: the controller attaches exactly this file. */
    static final String JUNIT_FILE = "junit.xml";

    /** The JSON report: the controller reads it when an abort cut the remote call short. */
    static final String JSON_FILE = RollbackPoints.REPORT_FILE;

    static final String MARKDOWN_FILE = "summary.md";

    private static final Logger LOGGER = Logger.getLogger(AgentVerification.class.getName());

    /** How errors name the step's inline parameters. */
    private static final String INLINE = "verifyLambdaDeployment parameters";

    private final String workspacePath;
    private final AgentRequest request;
    private final TaskListener listener;

    AgentVerification(FilePath workspace, AgentRequest request, TaskListener listener) {
        this.workspacePath = workspace.getRemote();
        this.request = request;
        this.listener = listener;
    }

    /**
     * Runs on the agent (it implements the remoting Callable's method, hence no {@code @Override} here). Fails with
     * an {@link AbortException} that carries only text: a user mistake as one line, and any other failure as its
     * masked one-line {@link AgentFailure#message} (the stack trace goes to the agent's log).
     */
    public VerificationSummary call() throws IOException, InterruptedException {
        AwsSettings aws = request.aws()
                .toSettings(request.target().region(), request.target().endpointUrl());
        List<String> secrets = request.aws().secrets();
        SecretMasker masker = SecretMasker.defaults()
                .withEnvironmentSecrets(aws.environment())
                .withLiterals(secrets);
        try {
            return verify(aws, secrets, masker);
        } catch (InterruptedException | AbortException e) {
            throw e;
        } catch (IOException | RuntimeException | LinkageError e) { // LinkageError: remote class loading of the SDK
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            LOGGER.warning(masker.maskText(trace.toString())); // the agent's log, masked like everything else
            throw new AbortException(AgentFailure.message(e, masker));
        }
    }

    private VerificationSummary verify(AwsSettings aws, List<String> secrets, SecretMasker masker)
            throws IOException, InterruptedException {
        Path workspace = new File(workspacePath).toPath();
        Path reportDir = workspace.resolve(request.reportDir());
        // The directory is reused by the next build of the same step: never let an old report pass for a new one.
        // The controller has just put an earlier build's rollback point in previous/: that one stays.
        RollbackPoints.clear(reportDir, request.previous() != null ? RollbackPoints.PREVIOUS_DIR : null);

        ProgressListener progress = new BuildLogProgress(listener.getLogger(), masker);
        ProcessRunner processes = new AgentProcessRunner(listener);

        VerifySpec spec = spec(workspace);
        AgentRequest.Carried carried = request.previous();
        if (carried != null && carried.report().equals(spec.rollback().previousReport())) {
            listener.getLogger()
                    .println(BuildLogProgress.PREFIX + "rollback point: the one kept by " + carried.source() + " ("
                            + carried.report() + ")");
        }
        RunReport report;
        try {
            report = new Verification(new RunContext(aws, progress, processes, workspace, Clock.systemUTC(), secrets))
                    .run(spec);
        } catch (SpecException e) {
            throw userMistake(e);
        }
        // An abort ends the run with a whole, ABORTED result and the interrupt flag set again. Clear it while the
        // reports are written (an interrupted thread cannot write through NIO channels); the controller attaches
        // them and then propagates the abort, as the summary's termination says.
        // (On a remote agent the controller has already stopped waiting: it reads report.json instead.)
        Thread.interrupted();
        // ReportWriter writes the JUnit file before the JSON one: a controller that stopped waiting (abort on a
        // remote agent) takes report.json's presence to mean the JUnit file is complete.
        ReportWriteResult written = new ReportWriter(masker)
                .write(
                        report,
                        new ReportTargets(
                                reportDir.resolve(JUNIT_FILE),
                                reportDir.resolve(JSON_FILE),
                                reportDir.resolve(MARKDOWN_FILE)));
        written.errors().forEach(f -> listener.getLogger().println("[lambda-verify] " + f.message()));
        // The CLI's end-of-run summary, masked, ASCII marks (as the progress lines), one prefixed line each.
        PrintStream log = listener.getLogger();
        synchronized (log) {
            new ConsoleSummary(masker, true, ConsoleSummary.DEFAULT_NAME_WIDTH)
                    .lines(report)
                    .forEach(line -> log.println(BuildLogProgress.PREFIX + line));
        }
        return SummaryFactory.summarize(request.id(), report, reportFiles(workspace, reportDir));
    }

    /**
     * The spec to run: the config file (when present, or required), else one built from the step's parameters;
     * then the step's overrides; then an earlier build's rollback point as the previous report, when a {@code sam}
     * rollback has nothing else to go back to.
     */
    VerifySpec spec(Path workspace) throws AbortException {
        try {
            VerifySpec spec = overridden(baseSpec(workspace));
            String refusal = AwsIdentityOrder.profileRefusal(
                    spec.target().profile(), request.aws().allowDefaultChain());
            if (refusal != null) {
                throw new SpecException(new SourceLocation(spec.source(), 0, 0), refusal);
            }
            AgentRequest.Carried carried = request.previous();
            if (carried == null || !RollbackPoints.usesCarried(spec.rollback())) {
                return spec;
            }
            String other = otherDeployment(workspace.resolve(carried.report()), spec);
            if (other != null) {
                listener.getLogger()
                        .println(BuildLogProgress.PREFIX + "rollback point: not using the one kept by "
                                + carried.source() + ": " + other);
                return spec;
            }
            return spec.withRollback(RollbackPoints.withCarried(spec.rollback(), carried.report()));
        } catch (SpecException e) {
            throw userMistake(e);
        }
    }

    /** See {@link RollbackPoints#otherDeployment}; an unreadable report is left to core, which says why. */
    @CheckForNull
    private static String otherDeployment(Path report, VerifySpec spec) {
        RunReport previous;
        try {
            previous = new JsonReportReader().read(report);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return RollbackPoints.otherDeployment(previous, spec);
    }

    private VerifySpec baseSpec(Path workspace) {
        String config = request.configPath();
        Path file = config == null ? null : WorkspaceFiles.inside(workspace, "config", config, INLINE);
        if (file != null && (request.configRequired() || Files.exists(file))) {
            VerifySpec fromFile = SpecLoader.load(file);
            return request.phases().isEmpty()
                    ? fromFile
                    : fromFile.withPhases(SpecLoader.phasesFromTree(request.phases(), INLINE));
        }
        if (request.phases().isEmpty()) {
            throw new SpecException(
                    new SourceLocation(INLINE, 0, 0),
                    "no checks: give phases to the step, or a config file (" + VerificationOptions.DEFAULT_CONFIG
                            + " in the workspace, or config: 'path')");
        }
        return new VerifySpec(
                TargetSpec.empty(),
                ExecutionSpec.defaults(),
                SpecLoader.phasesFromTree(request.phases(), INLINE),
                LogScanSpec.defaults(),
                RollbackSpec.none(),
                null);
    }

    private VerifySpec overridden(VerifySpec base) {
        return new SpecOverrides(
                        request.target().toTargetSpec(),
                        request.concurrency() > 0 ? request.concurrency() : null,
                        request.concurrencyCap() > 0 ? request.concurrencyCap() : null,
                        null,
                        request.timeoutSeconds() > 0 ? Duration.ofSeconds(request.timeoutSeconds()) : null,
                        false,
                        false,
                        request.logPatternSpecs(),
                        request.rollback() != null ? RollbackSpec.Strategy.fromId(request.rollback()) : null,
                        null,
                        null,
                        false)
                .applyTo(base);
    }

    /** A user mistake: one line naming every problem with file:line:column, no stack trace. */
    static AbortException userMistake(SpecException e) {
        return new AbortException("lambda-verify: "
                + e.problems().stream().map(SpecProblem::toString).collect(Collectors.joining("; ")));
    }

    /** Workspace-relative paths of the files the engine wrote, with forward slashes on every OS. */
    private static List<String> reportFiles(Path workspace, Path reportDir) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(reportDir)) {
            paths.filter(Files::isRegularFile)
                    .sorted()
                    .forEach(p -> files.add(workspace.relativize(p).toString().replace(File.separatorChar, '/')));
        }
        return files;
    }
}
