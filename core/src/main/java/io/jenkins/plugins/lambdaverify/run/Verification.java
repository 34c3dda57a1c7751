package io.jenkins.plugins.lambdaverify.run;

import io.jenkins.plugins.lambdaverify.aws.AwsCallException;
import io.jenkins.plugins.lambdaverify.aws.AwsClientOptions;
import io.jenkins.plugins.lambdaverify.aws.AwsConfigurationException;
import io.jenkins.plugins.lambdaverify.engine.Redactor;
import io.jenkins.plugins.lambdaverify.engine.VerificationEngine;
import io.jenkins.plugins.lambdaverify.local.LocalRuntimeException;
import io.jenkins.plugins.lambdaverify.report.SecretMasker;
import io.jenkins.plugins.lambdaverify.result.LogScanStatus;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome;
import io.jenkins.plugins.lambdaverify.result.RollbackPoint;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.TargetInfo;
import io.jenkins.plugins.lambdaverify.result.Termination;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import io.jenkins.plugins.lambdaverify.rollback.StackRecorder;
import io.jenkins.plugins.lambdaverify.spec.RollbackSpec;
import io.jenkins.plugins.lambdaverify.spec.SourceLocation;
import io.jenkins.plugins.lambdaverify.spec.SpecException;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import io.jenkins.plugins.lambdaverify.target.TargetResolutionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * One whole run, the same in every front end: resolve the target, run the phases, scan the logs, roll back when
 * the checks fail (and verify the rollback), and hand back everything as a {@link RunReport}.
 *
 * <p>It returns a report whenever anything could be decided: a target that cannot be reached gives a report whose
 * checks are all "not run" with the cause. Only a user mistake (config, missing target, no region) throws
 * {@link SpecException}.
 */
public final class Verification {
    /** Recording the rollback point (two CloudFormation calls) after the checks is bounded by its own limit. */
    static final Duration RECORD_LIMIT = Duration.ofSeconds(30);

    private final RunContext ctx;
    private final AwsClientOptions awsOptions;

    public Verification(RunContext ctx) {
        this(ctx, AwsClientOptions.defaults());
    }

    /** With other timeouts and retries for the AWS control-plane clients (tests make retries fast). */
    public Verification(RunContext ctx, AwsClientOptions awsOptions) {
        this.ctx = ctx;
        this.awsOptions = awsOptions;
    }

    public RunReport run(VerifySpec spec) {
        RunReport report = verify(spec);
        return report.rollbackPoint() == null ? carryForward(spec, report) : report;
    }

    /**
     * A run that ends without a verified-good stack of its own keeps the previous report's rollback point (checked
     * again), so that the report it writes still leads the next failing run back to the last good deployment.
     */
    private RunReport carryForward(VerifySpec spec, RunReport report) {
        RollbackSpec r = spec.rollback();
        if (r.strategy() != RollbackSpec.Strategy.SAM || r.previousReport() == null
                || (r.sam() != null && r.sam().templateFile() != null)) {
            return report;
        }
        PreviousRollbackPoint previous = PreviousRollbackPoint.load(ctx.workDir(), r.previousReport());
        if (previous.point() == null) {
            return report;
        }
        ctx.listener().info("rollback point: kept the previous one (stack " + previous.point().stackName()
                + ", last updated " + previous.point().lastUpdatedTime() + ")");
        return report.withRollbackPoint(previous.point());
    }

    private RunReport verify(VerifySpec spec) {
        // before the target is resolved: a stack updated after this may not hold the deployment verified
        java.time.Instant started = ctx.clock().instant();
        SecretMasker masker = SecretMasker.defaults().withEnvironmentSecrets(ctx.aws().environment())
                .withLiterals(ctx.secrets()).withLiterals(SpecSecrets.of(spec));
        Redactor redactor = new MaskingRedactor(masker);
        Duration deadline = spec.execution().deadline();
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        // No single AWS call may outlive the run's deadline, retries included.
        AwsClientOptions options = awsOptions.apiCallTimeout().compareTo(deadline) <= 0 ? awsOptions
                : awsOptions.withApiCallTimeout(deadline);
        TargetSession session;
        try {
            session = Bounded.call("resolve", remaining(deadlineNanos), () -> TargetSessions.open(spec, ctx, options),
                    TargetSession::close);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AwsConfigurationException ace) {
                throw new SpecException(new SourceLocation("AWS settings", 0, 0), ace.getMessage());
            }
            if (cause instanceof TargetResolutionException || cause instanceof AwsCallException
                    || cause instanceof LocalRuntimeException) {
                if (Thread.currentThread().isInterrupted()) {
                    return aborted(spec);
                }
                return notRun(spec, redactor.text(cause.getMessage()));
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            return notRun(spec, "resolving " + spec.target().describe() + " did not finish within the deadline of "
                    + deadline.toSeconds() + " s: the AWS API did not answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return aborted(spec);
        }
        try (session) {
            TargetInfo info = session.info();
            ctx.listener().info("verifying " + info.description() + describeVersion(info));
            VerificationEngine engine = new VerificationEngine(session.invoker(), ctx.listener(), redactor, ctx.clock());
            VerificationResult result = engine.run(spec, session.defaultTimeout(), remaining(deadlineNanos));
            result = scanLogs(spec, session, result, masker, deadlineNanos);
            // A required log scan that could not read the logs fails the run, but shows nothing broken: no rollback.
            // Only a wholly passed run is a rollback point.
            if (result.deploymentPassed() || spec.rollback().strategy() == RollbackSpec.Strategy.NONE) {
                RunReport report = RunReport.of(info, result);
                return result.passed()
                        ? report.withRollbackPoint(recordRollbackPoint(spec, session, redactor, started)) : report;
            }
            RollbackOutcome rollback = Thread.currentThread().isInterrupted()
                    ? new RollbackOutcome(spec.rollback().strategy().id(), RollbackOutcome.Status.REFUSED,
                    "the run was aborted: nothing was rolled back", null, null, java.util.List.of())
                    : new RollbackStep(ctx, redactor).rollback(spec, session, result);
            ctx.listener().info("rollback " + rollback.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + ": " + rollback.reason());
            VerificationResult reverification = null;
            if (rollback.status() == RollbackOutcome.Status.DONE && spec.rollback().reverify()
                    && !Thread.currentThread().isInterrupted()) {
                ctx.listener().info("re-verifying the rolled-back version");
                reverification = engine.run(spec, session.defaultTimeout());
            }
            RunReport report = new RunReport(info, result, rollback, reverification);
            // The restored deployment, verified again, is the next rollback point.
            return reverification != null && reverification.passed() ? report.withRollbackPoint(
                    recordRollbackPoint(spec, session, redactor, reverification.startedAt())) : report;
        }
    }

    /**
     * After a verified-good state, the stack as a rollback point for a later failing run ({@code sam} strategy,
     * unless {@code rollback.sam.templateFile} names the template itself); {@code null} when none is asked for.
     * Never fails the run: what went wrong is in the point and in the progress.
     */
    private RollbackPoint recordRollbackPoint(VerifySpec spec, TargetSession session, Redactor redactor,
                                              java.time.Instant verifiedSince) {
        RollbackSpec r = spec.rollback();
        if (r.strategy() != RollbackSpec.Strategy.SAM || (r.sam() != null && r.sam().templateFile() != null)
                || session.cloudFormation() == null || Thread.currentThread().isInterrupted()) {
            return null;
        }
        String stack = r.sam() != null && r.sam().stackName() != null ? r.sam().stackName() : spec.target().stack();
        String region = r.sam() != null && r.sam().region() != null ? r.sam().region() : session.info().region();
        RollbackPoint point;
        if (stack == null) {
            point = RollbackPoint.notRecorded(null, region, "no stack to record: set target.stack or "
                    + "rollback.sam.stackName");
        } else {
            StackRecorder recorder = new StackRecorder(session.cloudFormation(), redactor);
            try {
                point = Bounded.call("rollback-point", RECORD_LIMIT, () -> recorder.record(stack, region, verifiedSince),
                        null);
            } catch (TimeoutException e) {
                point = RollbackPoint.notRecorded(stack, region, "CloudFormation did not answer within "
                        + RECORD_LIMIT.toSeconds() + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                point = RollbackPoint.notRecorded(stack, region, "the run was aborted");
            } catch (ExecutionException e) {
                point = RollbackPoint.notRecorded(stack, region, String.valueOf(e.getCause().getMessage()));
            }
        }
        if (point.recorded()) {
            List<String> kept = point.keptParameters();
            ctx.listener().info("rollback point: recorded stack " + point.stackName() + " (" + point.stackStatus()
                    + ", last updated " + point.lastUpdatedTime() + ", " + point.parameters().size() + " parameters"
                    + (kept.isEmpty() ? "" : "; not recorded, a rollback keeps their current value: "
                    + String.join(", ", kept)) + ")");
        } else {
            ctx.listener().info("warning: no rollback point recorded: " + redactor.text(point.problem())
                    + ": a later failing run cannot roll back to this deployment with sam");
        }
        return point;
    }

    /**
     * The log scan, cut off at the run's deadline or an abort. The checks' verdict stands either way; the result
     * records a scan that could not finish as failed, with the reason.
     */
    private VerificationResult scanLogs(VerifySpec spec, TargetSession session, VerificationResult result,
                                        SecretMasker masker, long deadlineNanos) {
        LogScanStep step = new LogScanStep(ctx.listener(), masker);
        if (!spec.logScan().enabled() || Thread.currentThread().isInterrupted()) {
            return step.scan(spec, session, result); // says why not, without building a log source
        }
        try {
            return Bounded.call("log-scan", remaining(deadlineNanos), () -> step.scan(spec, session, result), null);
        } catch (TimeoutException e) {
            return step.failed(spec, result, "it did not finish within the run's deadline of "
                    + spec.execution().deadline().toSeconds() + " s: raise execution.deadline or shorten "
                    + "logScan.settle", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return step.failed(spec, result, "the run was aborted during the log scan", null);
        } catch (ExecutionException e) {
            return step.failed(spec, result, String.valueOf(e.getCause()), null);
        }
    }

    private RunReport notRun(VerifySpec spec, String cause) {
        ctx.listener().info("cannot verify " + spec.target().describe() + ": " + cause);
        return RunReport.of(TargetInfo.described(spec.target().describe()),
                VerificationEngine.notRun(spec, spec.target().describe(), cause, ctx.clock().instant())
                        .withLogScan(List.of(), LogScanStatus.skipped("the function could not be reached")));
    }

    /** Aborted before any check ran: every check skipped, and the abort stays visible to the caller. */
    private RunReport aborted(VerifySpec spec) {
        ctx.listener().info("aborted before verifying " + spec.target().describe());
        VerificationResult skipped = VerificationEngine.notRun(spec, spec.target().describe(), "the run was aborted",
                ctx.clock().instant());
        return RunReport.of(TargetInfo.described(spec.target().describe()), new VerificationResult(skipped.target(),
                skipped.startedAt(), skipped.finishedAt(), skipped.phases(), List.of(), Termination.ABORTED, null,
                LogScanStatus.skipped("the run was aborted")));
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    private static String describeVersion(TargetInfo info) {
        return info.version() != null && !"$LATEST".equals(info.version()) ? " (version " + info.version() + ")" : "";
    }

    /** Whether a failed run may be rolled back at all: only when the checks really showed a broken deployment. */
    static String noRollbackBecause(VerificationResult result) {
        if (result.termination() == Termination.ABORTED) {
            return "the run was aborted: nothing was rolled back";
        }
        if (result.infrastructureError() != null) {
            return "the function could not be reached (" + result.infrastructureError()
                    + "): nothing shows the deployment is broken, so nothing was rolled back";
        }
        return null;
    }
}
