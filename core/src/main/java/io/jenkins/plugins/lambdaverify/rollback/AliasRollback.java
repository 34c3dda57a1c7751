package io.jenkins.plugins.lambdaverify.rollback;

import io.jenkins.plugins.lambdaverify.result.RollbackOutcome;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome.Status;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.UpdateAliasResponse;

/**
 * Moves an alias back to the previous version with a compare-and-set on the RevisionId recorded before the
 * checks: if anyone changed the alias meanwhile, it does nothing and says so. Clears weighted routing.
 */
public final class AliasRollback {
    private final LambdaClient lambda;

    public AliasRollback(LambdaClient lambda) {
        this.lambda = lambda;
    }

    /** Record the alias before the checks run. */
    public AliasState record(String function, String alias) {
        GetAliasResponse a = lambda.getAlias(b -> b.functionName(function).name(alias));
        Map<String, Double> weights = a.routingConfig() == null ? Map.of()
                : a.routingConfig().additionalVersionWeights();
        return new AliasState(function, alias, a.functionVersion(), a.revisionId(), weights);
    }

    /**
     * @param recorded        the alias as it was before the checks
     * @param previousVersion the version to go back to, or {@code null} when unknown
     */
    public RollbackOutcome rollback(AliasState recorded, String previousVersion, boolean dryRun) {
        String from = recorded.verifiedVersion();
        String to = previousVersion != null ? previousVersion : recorded.primaryBeforeShift();
        String alias = recorded.function() + ":" + recorded.alias();
        if (to == null) {
            return outcome(Status.REFUSED, "previous version of " + alias + " unknown: set rollback.previousVersion "
                    + "(--previous-version) or keep the previous successful run's report (--previous-report)", from, null);
        }
        if (to.equals(from) && recorded.additionalWeights().isEmpty()) {
            return outcome(Status.REFUSED, "nothing to roll back: " + alias + " already points at version " + to, from, to);
        }
        if (recorded.revisionId() == null || recorded.revisionId().isBlank()) {
            // without the lock an update would overwrite whatever was deployed since: never do that
            return outcome(Status.REFUSED, "no RevisionId was recorded for " + alias + ": an unconditional update could "
                    + "overwrite a newer deployment, so it was left alone", from, to);
        }
        String action = "update alias " + alias + " from version " + describe(recorded) + " to " + to
                + " (RevisionId " + recorded.revisionId() + ")";
        if (dryRun) {
            return outcome(Status.DRY_RUN, "would " + action, from, to);
        }
        try {
            UpdateAliasResponse r = lambda.updateAlias(b -> b.functionName(recorded.function()).name(recorded.alias())
                    .functionVersion(to).revisionId(recorded.revisionId())
                    .routingConfig(AliasRoutingConfiguration.builder().additionalVersionWeights(Map.of()).build()));
            return outcome(Status.DONE, "rolled back: alias " + alias + " now points at version " + r.functionVersion()
                    + " (was " + describe(recorded) + ")", from, to);
        } catch (PreconditionFailedException e) {
            return outcome(Status.REFUSED, "alias " + alias + " changed since verification started (RevisionId "
                    + recorded.revisionId() + " is stale): someone else deployed, so it was left alone", from, to);
        } catch (LambdaException e) {
            String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : String.valueOf(e.statusCode());
            String hint = e.statusCode() == 403 ? ": lambda:UpdateAlias denied, add it to the role" : "";
            return outcome(Status.FAILED, "UpdateAlias failed: " + code + hint, from, to);
        } catch (SdkException e) {
            return outcome(Status.FAILED, "UpdateAlias failed: " + e.getMessage(), from, to);
        }
    }

    private static String describe(AliasState s) {
        return s.additionalWeights().isEmpty() ? s.version() : s.version() + " + weighted " + s.additionalWeights();
    }

    private static RollbackOutcome outcome(Status status, String reason, String from, String to) {
        return new RollbackOutcome("alias", status, reason, from, to, List.of());
    }
}
