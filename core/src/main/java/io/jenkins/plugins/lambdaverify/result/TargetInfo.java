package io.jenkins.plugins.lambdaverify.result;

/**
 * The function as resolved before the checks ran. Unknown fields are {@code null}.
 *
 * @param description    short description, e.g. {@code lambda:orders-api-ApiFunction-1A2B3C:live}
 * @param functionName   the resolved function name
 * @param functionArn    the function ARN
 * @param qualifier      alias or version invoked
 * @param version        the version the alias pointed at when verification started
 * @param revisionId     the alias RevisionId (the rollback's optimistic lock)
 * @param region         AWS region
 * @param runtime        e.g. {@code python3.12}
 * @param timeoutSeconds the function timeout (read timeouts are never shorter)
 * @param logGroup       the function's log group
 */
public record TargetInfo(String description, String functionName, String functionArn, String qualifier,
                         String version, String revisionId, String region, String runtime, Integer timeoutSeconds,
                         String logGroup) {
    public static TargetInfo described(String description) {
        return new TargetInfo(description, null, null, null, null, null, null, null, null, null);
    }
}
