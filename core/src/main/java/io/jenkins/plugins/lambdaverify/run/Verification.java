package io.jenkins.plugins.lambdaverify.run;

import io.jenkins.plugins.lambdaverify.aws.AwsCallException;
import io.jenkins.plugins.lambdaverify.aws.AwsConfigurationException;
import io.jenkins.plugins.lambdaverify.engine.Redactor;
import io.jenkins.plugins.lambdaverify.engine.VerificationEngine;
import io.jenkins.plugins.lambdaverify.local.LocalRuntimeException;
import io.jenkins.plugins.lambdaverify.report.SecretMasker;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.TargetInfo;
import io.jenkins.plugins.lambdaverify.result.Termination;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import io.jenkins.plugins.lambdaverify.spec.RollbackSpec;
import io.jenkins.plugins.lambdaverify.spec.SourceLocation;
import io.jenkins.plugins.lambdaverify.spec.SpecException;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import io.jenkins.plugins.lambdaverify.target.TargetResolutionException;

/**
 * One whole run, the same in every front end: resolve the target, run the phases, scan the logs, roll back when
 * the checks fail (and verify the rollback), and hand back everything as a {@link RunReport}.
 *
 * <p>It returns a report whenever anything could be decided: a target that cannot be reached gives a report whose
 * checks are all "not run" with the cause. Only a user mistake (config, missing target, no region) throws
 * {@link SpecException}.
 */
public final class Verification {
    private final RunContext ctx;

    public Verification(RunContext ctx) {
        this.ctx = ctx;
    }

    public RunReport run(VerifySpec spec) {
        SecretMasker masker = SecretMasker.defaults().withEnvironmentSecrets(ctx.aws().environment())
                .withLiterals(ctx.secrets());
        Redactor redactor = new MaskingRedactor(masker);
        TargetSession session;
        try {
            session = TargetSessions.open(spec, ctx);
        } catch (AwsConfigurationException e) {
            throw new SpecException(new SourceLocation("AWS settings", 0, 0), e.getMessage());
        } catch (TargetResolutionException | AwsCallException | LocalRuntimeException e) {
            String cause = redactor.text(e.getMessage());
            ctx.listener().info("cannot verify " + spec.target().describe() + ": " + cause);
            return RunReport.of(TargetInfo.described(spec.target().describe()),
                    VerificationEngine.notRun(spec, spec.target().describe(), cause, ctx.clock().instant()));
        }
        try (session) {
            TargetInfo info = session.info();
            ctx.listener().info("verifying " + info.description() + describeVersion(info));
            VerificationEngine engine = new VerificationEngine(session.invoker(), ctx.listener(), redactor, ctx.clock());
            VerificationResult result = engine.run(spec, session.defaultTimeout());
            result = new LogScanStep(ctx.listener(), masker).scan(spec, session, result);
            if (result.passed() || spec.rollback().strategy() == RollbackSpec.Strategy.NONE) {
                return RunReport.of(info, result);
            }
            RollbackOutcome rollback = new RollbackStep(ctx, redactor).rollback(spec, session, result);
            ctx.listener().info("rollback " + rollback.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + ": " + rollback.reason());
            VerificationResult reverification = null;
            if (rollback.status() == RollbackOutcome.Status.DONE && spec.rollback().reverify()
                    && !Thread.currentThread().isInterrupted()) {
                ctx.listener().info("re-verifying the rolled-back version");
                reverification = engine.run(spec, session.defaultTimeout());
            }
            return new RunReport(info, result, rollback, reverification);
        }
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
