package io.jenkins.plugins.lambdaverify.result;

/**
 * Everything one run produced, as every reporter and front end sees it.
 *
 * @param target         the resolved target
 * @param verification   the verification (phases, log findings)
 * @param rollback       the rollback outcome, or {@code null} when no rollback was attempted
 * @param reverification the verification of the rolled-back version, or {@code null}
 * @param rollbackPoint  the known-good deployment this run recorded for a later {@code sam} rollback (or why it could
 *                       not), or {@code null} when none was asked for
 */
public record RunReport(TargetInfo target, VerificationResult verification, RollbackOutcome rollback,
                        VerificationResult reverification, RollbackPoint rollbackPoint) {

    /** A report without a rollback point. */
    public RunReport(TargetInfo target, VerificationResult verification, RollbackOutcome rollback,
                     VerificationResult reverification) {
        this(target, verification, rollback, reverification, null);
    }

    public static RunReport of(TargetInfo target, VerificationResult verification) {
        return new RunReport(target, verification, null, null);
    }

    public RunReport withRollbackPoint(RollbackPoint point) {
        return new RunReport(target, verification, rollback, reverification, point);
    }

    public boolean passed() {
        return verification.passed();
    }

    public boolean rolledBack() {
        return rollback != null && rollback.status() == RollbackOutcome.Status.DONE;
    }
}
