package io.jenkins.plugins.lambdaverify.rollback;

import java.util.Map;

/**
 * An alias as recorded before the checks ran: the rollback's optimistic lock.
 *
 * @param function        function name or ARN
 * @param alias           alias name
 * @param version         the version the alias points at
 * @param revisionId      the alias's RevisionId at that moment
 * @param additionalWeights weighted routing (gradual deployment): version to weight, empty when none
 */
public record AliasState(String function, String alias, String version, String revisionId,
                         Map<String, Double> additionalWeights) {
    public AliasState {
        additionalWeights = additionalWeights == null ? Map.of() : Map.copyOf(additionalWeights);
    }

    /** The version under verification: during a gradual deployment the weighted new one, else the primary. */
    public String verifiedVersion() {
        return additionalWeights.isEmpty() ? version : additionalWeights.keySet().iterator().next();
    }

    /** The version known to have been live before: the primary of a weighted alias, else unknown here. */
    public String primaryBeforeShift() {
        return additionalWeights.isEmpty() ? null : version;
    }
}
