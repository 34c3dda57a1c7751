package io.jenkins.plugins.lambdaverify.result;

/**
 * Everything one run produced, as every reporter and front end sees it.
 *
 * @param target         the resolved target
 * @param verification   the verification (phases, log findings)
 * @param rollback       the rollback outcome, or {@code null} when no rollback was attempted
 * @param reverification the verification of the rolled-back version, or {@code null}
 */
public record RunReport(TargetInfo target, VerificationResult verification, RollbackOutcome rollback,
                        VerificationResult reverification) {

    public static RunReport of(TargetInfo target, VerificationResult verification) {
        return new RunReport(target, verification, null, null);
    }

    public boolean passed() {
        return verification.passed();
    }

    public boolean rolledBack() {
        return rollback != null && rollback.status() == RollbackOutcome.Status.DONE;
    }
}
