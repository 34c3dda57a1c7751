package io.jenkins.plugins.lambdaverify.run;

import io.jenkins.plugins.lambdaverify.engine.Redactor;
import io.jenkins.plugins.lambdaverify.report.JsonReportReader;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome.Status;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import io.jenkins.plugins.lambdaverify.rollback.AliasRollback;
import io.jenkins.plugins.lambdaverify.rollback.AliasState;
import io.jenkins.plugins.lambdaverify.rollback.CommandRollback;
import io.jenkins.plugins.lambdaverify.rollback.SamDeployCommand;
import io.jenkins.plugins.lambdaverify.spec.RollbackSpec;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Picks and runs the rollback strategy for a failed verification, refusing whenever it cannot be sure. */
final class RollbackStep {
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
        RollbackSpec.Sam sam = spec.rollback().sam();
        String template = sam == null ? null : sam.templateFile();
        String stack = sam != null && sam.stackName() != null ? sam.stackName() : spec.target().stack();
        if (template == null || stack == null) {
            return new RollbackOutcome("sam", Status.REFUSED, "the sam strategy needs rollback.sam.templateFile (the "
                    + "previous packaged template) and a stack (rollback.sam.stackName or target.stack)", null, null,
                    List.of());
        }
        String region = sam.region() != null ? sam.region() : session.info().region();
        List<String> command = SamDeployCommand.build(sam, template, stack, region);
        return new CommandRollback(ctx.processes(), ctx.listener(), redactor).run("sam", command, Map.of(),
                ctx.workDir(), spec.rollback().timeout(), spec.rollback().dryRun(), session.info().version(), template);
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
