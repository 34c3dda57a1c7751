package io.jenkins.plugins.lambdaverify.run;

import io.jenkins.plugins.lambdaverify.aws.AwsErrors;
import io.jenkins.plugins.lambdaverify.aws.AwsService;
import io.jenkins.plugins.lambdaverify.engine.Redactor;
import io.jenkins.plugins.lambdaverify.report.JsonReportReader;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome.Status;
import io.jenkins.plugins.lambdaverify.result.RollbackPoint;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import io.jenkins.plugins.lambdaverify.rollback.AliasRollback;
import io.jenkins.plugins.lambdaverify.rollback.AliasState;
import io.jenkins.plugins.lambdaverify.rollback.CommandRollback;
import io.jenkins.plugins.lambdaverify.rollback.SamRollback;
import io.jenkins.plugins.lambdaverify.spec.RollbackSpec;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/** Picks and runs the rollback strategy for a failed verification, refusing whenever it cannot be sure. */
final class RollbackStep {
    /** How long the stack's state may take to come back before a sam rollback goes ahead without it. */
    private static final java.time.Duration STACK_STATE_LIMIT = java.time.Duration.ofSeconds(30);

    private final RunContext ctx;
    private final Redactor redactor;

    RollbackStep(RunContext ctx, Redactor redactor) {
        this.ctx = ctx;
        this.redactor = redactor;
    }

    RollbackOutcome rollback(VerifySpec spec, TargetSession session, VerificationResult result) {
        RollbackSpec r = spec.rollback();
        String strategy = r.strategy().id();
        String notNow = Verification.noRollbackBecause(result);
        if (notNow != null) {
            return new RollbackOutcome(strategy, Status.REFUSED, notNow, null, null, List.of());
        }
        return switch (r.strategy()) {
            case ALIAS -> alias(spec, session);
            case SAM -> sam(spec, session);
            case COMMAND -> new CommandRollback(ctx.processes(), ctx.listener(), redactor).run("command", r.command(),
                    Map.of("LAMBDA_VERIFY_FUNCTION", nullToEmpty(session.info().functionName()),
                            "LAMBDA_VERIFY_VERSION", nullToEmpty(session.info().version())),
                    ctx.workDir(), r.timeout(), r.dryRun(), session.info().version(), r.previousVersion());
            case NONE -> throw new IllegalStateException("no rollback strategy");
        };
    }

    private RollbackOutcome alias(VerifySpec spec, TargetSession session) {
        AliasRollback rollback = session.aliasRollback();
        AliasState state = session.aliasState();
        if (rollback == null || state == null) {
            return new RollbackOutcome("alias", Status.REFUSED, "the alias strategy needs a Lambda alias as "
                    + "target.qualifier (" + spec.target().describe() + " has none)", null, null, List.of());
        }
        String previous = spec.rollback().previousVersion();
        if (previous == null && state.primaryBeforeShift() == null) {
            previous = versionFromPreviousReport(spec.rollback().previousReport());
        }
        String to = previous;
        java.time.Duration limit = spec.rollback().timeout();
        try {
            // UpdateAlias answers in milliseconds; one that stalls must not hold the run (nor an abort) hostage
            return Bounded.call("rollback", limit, () -> rollback.rollback(state, to, spec.rollback().dryRun()), null);
        } catch (java.util.concurrent.TimeoutException e) {
            return new RollbackOutcome("alias", Status.FAILED, "UpdateAlias did not answer within " + limit.toSeconds()
                    + " s: the alias may or may not have moved; check it (aws lambda get-alias) before deploying again",
                    state.verifiedVersion(), to, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RollbackOutcome("alias", Status.FAILED, "aborted while UpdateAlias was in flight: the alias may "
                    + "or may not have moved; check it (aws lambda get-alias)", state.verifiedVersion(), to, List.of());
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            return new RollbackOutcome("alias", Status.FAILED, "UpdateAlias failed: " + redactor.text(
                    String.valueOf(cause.getMessage())), state.verifiedVersion(), to, List.of());
        }
    }

    private RollbackOutcome sam(VerifySpec spec, TargetSession session) {
        RollbackSpec r = spec.rollback();
        RollbackSpec.Sam sam = r.sam();
        String stack = sam != null && sam.stackName() != null ? sam.stackName() : spec.target().stack();
        String region = sam != null && sam.region() != null ? sam.region() : session.info().region();
        String from = session.info().version();
        SamRollback.Plan plan;
        if (sam != null && sam.templateFile() != null) {
            plan = SamRollback.explicit(sam, stack, region);
        } else if (r.previousReport() != null) {
            plan = fromPreviousReport(sam, stack, region, r.previousReport(), session);
        } else {
            plan = new SamRollback.Refused("the sam strategy needs the deployment to go back to: the previous good "
                    + "run's report (rollback.previousReport or --previous-report; a run with rollback strategy sam "
                    + "records its stack when it passes) or rollback.sam.templateFile");
        }
        if (plan instanceof SamRollback.Refused refused) {
            return new RollbackOutcome("sam", Status.REFUSED, refused.reason(), from, null, List.of());
        }
        if (Thread.currentThread().isInterrupted()) {
            return new RollbackOutcome("sam", Status.REFUSED, "the run was aborted: nothing was rolled back", from, null,
                    List.of());
        }
        SamRollback.Deploy deploy = (SamRollback.Deploy) plan;
        if (!deploy.kept().isEmpty()) {
            ctx.listener().info("rollback: sam deploy keeps the stack's current value of " + String.join(", ",
                    deploy.kept()));
        }
        RollbackOutcome outcome = new CommandRollback(ctx.processes(), ctx.listener(), redactor).run("sam",
                deploy.command(), Map.of(), ctx.workDir(), r.timeout(), r.dryRun(), from, deploy.template());
        if (deploy.kept().isEmpty()) {
            return outcome;
        }
        return new RollbackOutcome(outcome.strategy(), outcome.status(), outcome.reason() + "; kept the stack's "
                + "current value of " + String.join(", ", deploy.kept()), outcome.fromVersion(), outcome.toVersion(),
                outcome.output());
    }

    /** The rollback point a previous good run recorded, checked against this run's stack and region. */
    private SamRollback.Plan fromPreviousReport(RollbackSpec.Sam sam, String stack, String region, String file,
                                                TargetSession session) {
        PreviousRollbackPoint previous = PreviousRollbackPoint.load(ctx.workDir(), file);
        if (previous.problem() != null) {
            return new SamRollback.Refused(previous.problem());
        }
        RollbackPoint point = previous.point();
        String target = stack != null ? stack : point.stackName();
        return SamRollback.fromPoint(sam, stack, region, point, previous.template(), stackUpdatedNow(session, target));
    }

    /** When the stack was last updated, or {@code null} when that cannot be asked (then the rollback goes ahead). */
    private java.time.Instant stackUpdatedNow(TargetSession session, String stack) {
        CloudFormationClient cloudFormation = session.cloudFormation();
        if (cloudFormation == null || stack == null) {
            return null;
        }
        try {
            return Bounded.call("describe-stack", STACK_STATE_LIMIT, () -> {
                var stacks = AwsErrors.call(AwsService.CLOUDFORMATION, "DescribeStacks", stack,
                        () -> cloudFormation.describeStacks(b -> b.stackName(stack)).stacks());
                if (stacks.isEmpty()) {
                    return null;
                }
                var s = stacks.getFirst();
                return s.lastUpdatedTime() != null ? s.lastUpdatedTime() : s.creationTime();
            }, null);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            ctx.listener().info("warning: cannot tell whether stack " + stack + " changed since its rollback point ("
                    + redactor.text(String.valueOf(e instanceof java.util.concurrent.ExecutionException
                    ? e.getCause().getMessage() : "no answer within " + STACK_STATE_LIMIT.toSeconds() + " s"))
                    + "): deploying it anyway");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The version a previous successful run verified, or {@code null} (a failed run's version proves nothing). */
    private String versionFromPreviousReport(String file) {
        if (file == null) {
            return null;
        }
        Path path = ctx.workDir() == null ? Path.of(file) : ctx.workDir().resolve(file);
        try {
            RunReport previous = new JsonReportReader().read(path);
            if (!previous.passed() || previous.target() == null) {
                ctx.listener().info("warning: " + file + " is not a passed run's report: its version is not used");
                return null;
            }
            return previous.target().version();
        } catch (java.io.IOException | RuntimeException e) {
            ctx.listener().info("warning: cannot read the previous report " + file + ": " + e.getMessage());
            return null;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
