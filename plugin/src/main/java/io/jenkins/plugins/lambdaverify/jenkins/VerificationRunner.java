package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.junit.JUnitResultArchiver;
import hudson.tasks.junit.pipeline.JUnitResultsStepExecution;
import hudson.tasks.test.PipelineTestDetails;
import io.jenkins.plugins.lambdaverify.report.JsonReportReader;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.Termination;
import io.jenkins.plugins.lambdaverify.run.InvocationPermits;
import io.jenkins.plugins.lambdaverify.spec.EventFormat;
import io.jenkins.plugins.lambdaverify.spec.ExecutionSpec;
import io.jenkins.plugins.lambdaverify.spec.Mode;
import io.jenkins.plugins.lambdaverify.summary.SummaryFactory;
import io.jenkins.plugins.lambdaverify.summary.VerificationSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * The one implementation behind the Pipeline step and the freestyle publisher: resolve options and credentials on
 * the controller, run the verification on the agent, attach the JUnit report, record the build action and apply the
 * result policy.
 */
final class VerificationRunner {
    /** Workspace directory of the reports; each invocation writes to its own sub-directory. */
    static final String REPORT_ROOT = "lambda-verify";

    /**
     * How long an abort waits for a remote agent to finish writing the reports (closing an in-flight invoke's
     * connection takes seconds); shorter than the Pipeline step's own stop grace.
     */
    private static final Duration ABORT_GRACE = Duration.ofSeconds(25);

    private VerificationRunner() {}

    /**
     * @param id   unique per invocation in the build, stable across builds (the step's node id, or "publisher")
     * @param node the step's flow node, or {@code null} for the freestyle publisher
     * @return the summary, its build result set
     * @throws AbortException on a user mistake (one-line message), or a failed verification whose policy is FAILURE
     *                        in a Pipeline (the step fails, later stages do not run)
     */
    static VerificationSummary perform(
            VerificationOptions options,
            String id,
            Run<?, ?> run,
            FilePath workspace,
            EnvVars env,
            Launcher launcher,
            TaskListener listener,
            @CheckForNull FlowNode node)
            throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        Result before = run.getResult();
        if (before != null && before.isWorseOrEqualTo(Result.FAILURE)) {
            log.println(Texts.get("Runner.buildAlreadyFailed", before));
        }
        ResultPolicy policy = ResultPolicy.parse(options.getResultOnFailure());
        // Pipeline strings are already interpolated by Groovy; freestyle fields may use ${VARIABLES}.
        UnaryOperator<String> text =
                node == null ? value -> Util.fixEmptyAndTrim(env.expand(value)) : Util::fixEmptyAndTrim;
        String reportDir = REPORT_ROOT + "/" + id;
        // Permits are taken for the step's concurrency, or the engine's default; the engine never exceeds them.
        int wanted = options.getConcurrency() > 0 ? options.getConcurrency() : ExecutionSpec.DEFAULT_CONCURRENCY;
        AgentRequest request = new AgentRequest(
                id,
                reportDir,
                configPath(options, text),
                options.getConfig() != null,
                targetOverrides(options, text),
                options.getPhases(),
                patterns(options.getLogPatterns()),
                RollbackStrategies.parse(text.apply(options.getRollback())),
                Math.max(0, options.getConcurrency()),
                Math.max(0, options.getTimeout()),
                AwsAccess.resolve(text.apply(options.getCredentialsId()), run, env, workspace, log),
                wanted,
                null);

        // The report directory is the same for this step in every build: remove the previous build's reports before
        // anything the abort handling covers, so a report.json found after an abort is always this run's.
        deleteOldReports(workspace, reportDir);
        InvocationPermits permits = LambdaVerifyGlobalConfiguration.permits();
        int granted = permits.acquire(wanted);
        VerificationSummary summary;
        try {
            workspace.mkdirs();
            // An earlier build's sam rollback point: the agent uses it only when the spec has nothing else to go to.
            request = request.withPrevious(StoredRollbackPoints.restore(run, id, workspace, reportDir, log));
            summary = workspace.act(new AgentVerification(workspace, request.withConcurrencyCap(granted), listener));
        } catch (InterruptedException e) {
            if (workspace.isRemote()) {
                // Aborted while a remote agent ran it: the agent was interrupted too and still writes its reports.
                recordAfterRemoteAbort(id, reportDir, run, workspace, launcher, listener, node);
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            permits.release(granted);
        }
        // The table itself was printed on the agent (core's ConsoleSummary, as the CLI prints it).
        log.println(Texts.get(
                "Runner.latency",
                summary.getP95LatencyMillis(),
                summary.getColdStarts(),
                summary.getFailingFindings()));

        attachJUnit(reportDir, targetName(summary), run, workspace, launcher, listener, node);
        StoredRollbackPoints.store(run, id, workspace, reportDir, log);
        if (Termination.ABORTED.name().equals(summary.getTermination())) {
            // Aborted on the built-in node: the engine stopped in-flight checks and the reports are attached.
            summary = summary.withBuildResult(Result.ABORTED.toString());
            LambdaVerifyBuildAction.record(run, summary);
            throw new InterruptedException(Texts.get("Runner.aborted"));
        }
        Result wantedResult = summary.isPassed() ? Result.SUCCESS : policy.result();
        summary = summary.withBuildResult(wantedResult.toString());
        LambdaVerifyBuildAction.record(run, summary);
        applyPolicy(summary, policy, run, node, log);
        return summary;
    }

    /** Deletes the reports an earlier build left in {@code reportDir}; JSON first, as the abort handling waits for it. */
    private static void deleteOldReports(FilePath workspace, String reportDir)
            throws IOException, InterruptedException {
        for (String name :
                List.of(AgentVerification.JSON_FILE, AgentVerification.JUNIT_FILE, AgentVerification.MARKDOWN_FILE)) {
            workspace.child(reportDir + "/" + name).delete(); // Files.deleteIfExists on the agent
        }
    }

    /**
     * Waits a bounded time for the interrupted agent's reports (it writes JUnit, then JSON), then attaches the JUnit
     * file and records the build action from the JSON report. Best effort: the abort propagates in every case.
     */
    private static void recordAfterRemoteAbort(
            String id,
            String reportDir,
            Run<?, ?> run,
            FilePath workspace,
            Launcher launcher,
            TaskListener listener,
            @CheckForNull FlowNode node) {
        FilePath json = workspace.child(reportDir + "/" + AgentVerification.JSON_FILE);
        long deadline = System.nanoTime() + ABORT_GRACE.toNanos();
        try {
            while (!json.exists()) {
                if (System.nanoTime() - deadline > 0) {
                    listener.getLogger().println(Texts.get("Runner.abortedNoReports", ABORT_GRACE.toSeconds()));
                    return;
                }
                Thread.sleep(200);
            }
            RunReport report;
            try (InputStream in = json.read()) {
                report = new JsonReportReader().read(in);
            }
            List<String> files = new ArrayList<>();
            // files only, as the agent lists them: not the previous/ directory of a carried rollback point
            for (FilePath f : workspace.child(reportDir).list("*")) {
                files.add(reportDir + "/" + f.getName());
            }
            files.sort(null);
            VerificationSummary summary = SummaryFactory.summarize(id, report, files);
            attachJUnit(reportDir, targetName(summary), run, workspace, launcher, listener, node);
            LambdaVerifyBuildAction.record(run, summary.withBuildResult(Result.ABORTED.toString()));
        } catch (IOException | InterruptedException | RuntimeException e) {
            listener.getLogger().println(Texts.get("Runner.abortedNoReports", ABORT_GRACE.toSeconds()) + ": " + e);
        }
    }

    /** What the verification checked, for the checks name; its id when the run never got that far. */
    private static String targetName(VerificationSummary summary) {
        String target = Util.fixEmptyAndTrim(summary.getTarget());
        return target != null ? target : summary.getId();
    }

    @CheckForNull
    private static String configPath(VerificationOptions options, UnaryOperator<String> text) {
        String config = text.apply(options.getConfig());
        return config != null ? config : VerificationOptions.DEFAULT_CONFIG;
    }

    private static AgentRequest.TargetOverrides targetOverrides(VerificationOptions options, UnaryOperator<String> text)
            throws AbortException {
        String mode = text.apply(options.getMode());
        if (mode != null && Mode.fromId(mode) == null) {
            throw new AbortException(Texts.get("Runner.modeInvalid", mode));
        }
        String eventFormat = text.apply(options.getEventFormat());
        if (eventFormat != null && EventFormat.fromId(eventFormat) == null) {
            throw new AbortException(Texts.get("Runner.eventFormatInvalid", eventFormat));
        }
        String region = text.apply(options.getRegion()); // the global default joins later, as AWS_REGION
        return new AgentRequest.TargetOverrides(
                text.apply(options.getFunction()),
                text.apply(options.getStack()),
                text.apply(options.getLogicalId()),
                text.apply(options.getQualifier()),
                region,
                text.apply(options.getEndpointUrl()),
                text.apply(options.getBaseUrl()),
                mode,
                eventFormat);
    }

    private static List<AgentRequest.Pattern> patterns(List<LogPattern> patterns) {
        return patterns.stream()
                .map(p -> new AgentRequest.Pattern(
                        p.getName() != null ? p.getName() : p.getRegex(), p.getRegex(), p.getThreshold()))
                .toList();
    }

    /**
     * Attaches exactly this invocation's JUnit file; results merge into the build's one test result action, and the
     * check published for it is named after the enclosing stages and {@code target} ({@link ChecksName}).
     */
    static void attachJUnit(
            String reportDir,
            String target,
            Run<?, ?> run,
            FilePath workspace,
            Launcher launcher,
            TaskListener listener,
            @CheckForNull FlowNode node)
            throws IOException, InterruptedException {
        String junit = reportDir + "/" + AgentVerification.JUNIT_FILE;
        if (!workspace.child(junit).exists()) {
            listener.getLogger().println(Texts.get("Runner.noJUnit", junit));
            return;
        }
        PipelineTestDetails details = null;
        List<String> blockNames = List.of();
        if (node != null) {
            List<FlowNode> blocks = JUnitResultsStepExecution.getEnclosingStagesAndParallels(node);
            blockNames = JUnitResultsStepExecution.getEnclosingBlockNames(blocks);
            details = new PipelineTestDetails();
            details.setNodeId(node.getId());
            details.setEnclosingBlocks(JUnitResultsStepExecution.getEnclosingBlockIds(blocks));
            details.setEnclosingBlockNames(blockNames);
        }
        JUnitAttachment attachment = new JUnitAttachment(junit, ChecksName.of(blockNames, target));
        JUnitResultArchiver.parseAndSummarize(attachment, details, run, workspace, launcher, listener);
    }

    private static void applyPolicy(
            VerificationSummary summary,
            ResultPolicy policy,
            Run<?, ?> run,
            @CheckForNull FlowNode node,
            PrintStream log)
            throws AbortException {
        if (summary.isPassed()) {
            log.println(Texts.get("Runner.passed", summary.getTarget(), summary.getPassedCount()));
            return;
        }
        String verdict = verdict(summary);
        switch (policy) {
            case FAILURE -> {
                if (node != null) {
                    throw new AbortException(verdict); // stops the Pipeline: later stages must not promote it
                }
                log.println(verdict);
                run.setResult(Result.FAILURE);
            }
            case UNSTABLE -> {
                log.println(verdict);
                if (node != null) {
                    node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(verdict));
                }
                run.setResult(Result.UNSTABLE);
            }
            case SUCCESS -> log.println(Texts.get("Runner.reportOnly", verdict));
        }
    }

    /** One line: what failed and what the rollback did. */
    static String verdict(VerificationSummary s) {
        StringBuilder line = new StringBuilder(Texts.get(
                "Runner.failed", s.getTarget(), s.getFailed(), s.getErrors(), s.getFailingFindings(), s.getTotal()));
        if (s.getInfrastructureError() != null) {
            line.append(": ").append(s.getInfrastructureError());
        }
        if (s.getRollback() != null) {
            line.append(' ')
                    .append(Texts.get(
                            "Runner.rollback",
                            s.getRollback().getStrategy(),
                            s.getRollback().getStatus(),
                            s.getRollback().getReason()));
        }
        return line.toString();
    }
}
