package io.jenkins.plugins.lambdaverify.run;

import io.jenkins.plugins.lambdaverify.invoke.Invoker;
import io.jenkins.plugins.lambdaverify.logs.LogQuery;
import io.jenkins.plugins.lambdaverify.logs.LogSource;
import io.jenkins.plugins.lambdaverify.result.TargetInfo;
import io.jenkins.plugins.lambdaverify.rollback.AliasRollback;
import io.jenkins.plugins.lambdaverify.rollback.AliasState;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * A target ready to verify: how to invoke it, where its logs are, how to roll its alias back. Holds clients and
 * processes: close it.
 */
interface TargetSession extends AutoCloseable {

    TargetInfo info();

    Invoker invoker();

    /** Default per-check timeout: never shorter than the function's own timeout. */
    Duration defaultTimeout();

    /** The runtime for the default log patterns, or {@code null}. */
    String runtime();

    /** Where the function's logs are, or {@code null} when they cannot be read (http mode). */
    LogSource logSource();

    /** The log query for a run between these instants, or {@code null} without logs. */
    LogQuery logQuery(Instant started, Instant finished);

    /** The alias rollback, or {@code null} when the target has no alias (or no AWS). */
    default AliasRollback aliasRollback() {
        return null;
    }

    /** The alias as recorded before the checks, or {@code null}. */
    default AliasState aliasState() {
        return null;
    }

    /** CloudFormation for the stack's rollback point, or {@code null} when the target has no AWS clients. */
    default CloudFormationClient cloudFormation() {
        return null;
    }

    @Override
    void close();

    /** Function timeout plus a margin for the invoke round trip; 30 s when the timeout is unknown. */
    static Duration timeoutFor(Integer functionTimeoutSeconds) {
        return functionTimeoutSeconds == null ? Duration.ofSeconds(30)
                : Duration.ofSeconds(functionTimeoutSeconds).plusSeconds(5);
    }
}
