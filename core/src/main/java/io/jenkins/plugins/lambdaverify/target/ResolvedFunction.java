package io.jenkins.plugins.lambdaverify.target;

import io.jenkins.plugins.lambdaverify.result.TargetInfo;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A deployed function as found before verification: what {@link TargetInfo} records plus what the log scan and the
 * rollback need.
 *
 * @param functionName    the function name
 * @param functionArn     the unqualified function ARN
 * @param qualifier       alias or version to invoke ({@code $LATEST} when none was given)
 * @param alias           whether {@code qualifier} is an alias
 * @param version         the version invoked (the alias' primary version)
 * @param aliasRevisionId the alias RevisionId (the rollback's optimistic lock), {@code null} without an alias
 * @param routingWeights  the alias' additional version weights (version -> weight 0..1), empty when none
 * @param region          AWS region
 * @param runtime         e.g. {@code python3.12}; {@code null} for container images
 * @param timeoutSeconds  the function timeout
 * @param logGroup        the function's log group (custom from LoggingConfig, else {@code /aws/lambda/<name>})
 * @param logFormat       {@code Text} or {@code JSON}
 * @param packageType     {@code Zip} or {@code Image}
 * @param state           the function state, e.g. {@code Active}
 * @param lastUpdateStatus e.g. {@code Successful}, {@code InProgress}
 * @param resolvedFrom    how it was found, e.g. {@code stack orders-api logical id ApiFunction}
 */
public record ResolvedFunction(String functionName, String functionArn, String qualifier, boolean alias,
                               String version, String aliasRevisionId, Map<String, Double> routingWeights,
                               String region, String runtime, Integer timeoutSeconds, String logGroup,
                               String logFormat, String packageType, String state, String lastUpdateStatus,
                               String resolvedFrom) {
    public ResolvedFunction {
        routingWeights = routingWeights == null ? Map.of() : Map.copyOf(routingWeights);
    }

    /** Every version that can serve the qualifier: the primary one and the alias' weighted ones. */
    public Set<String> versions() {
        Set<String> versions = new LinkedHashSet<>();
        versions.add(version);
        versions.addAll(routingWeights.keySet());
        return versions;
    }

    public boolean jsonLogs() {
        return "JSON".equalsIgnoreCase(logFormat);
    }

    /** e.g. {@code lambda:orders-api-ApiFunction-1A2B3C:live}. */
    public String description() {
        return "lambda:" + functionName + ("$LATEST".equals(qualifier) ? "" : ":" + qualifier);
    }

    public TargetInfo toTargetInfo() {
        return new TargetInfo(description(), functionName, functionArn, qualifier, version, aliasRevisionId, region,
                runtime, timeoutSeconds, logGroup);
    }
}
