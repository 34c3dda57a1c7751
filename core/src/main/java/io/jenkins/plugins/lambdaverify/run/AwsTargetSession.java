package io.jenkins.plugins.lambdaverify.run;

import io.jenkins.plugins.lambdaverify.aws.AwsClientFactory;
import io.jenkins.plugins.lambdaverify.invoke.InvokeRetryPolicy;
import io.jenkins.plugins.lambdaverify.invoke.Invoker;
import io.jenkins.plugins.lambdaverify.invoke.LambdaEventInvoker;
import io.jenkins.plugins.lambdaverify.invoke.SdkFunctionTransport;
import io.jenkins.plugins.lambdaverify.invoke.event.EventContext;
import io.jenkins.plugins.lambdaverify.logs.CloudWatchLogSource;
import io.jenkins.plugins.lambdaverify.logs.LogQuery;
import io.jenkins.plugins.lambdaverify.logs.LogSource;
import io.jenkins.plugins.lambdaverify.logs.SettlePolicy;
import io.jenkins.plugins.lambdaverify.result.TargetInfo;
import io.jenkins.plugins.lambdaverify.rollback.AliasRollback;
import io.jenkins.plugins.lambdaverify.rollback.AliasState;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import io.jenkins.plugins.lambdaverify.target.FunctionResolver;
import io.jenkins.plugins.lambdaverify.target.ResolvedFunction;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** A deployed function: resolved through CloudFormation/Lambda, invoked with the SDK, logs in CloudWatch. */
final class AwsTargetSession implements TargetSession {
    private final AwsClientFactory clients;
    private final ResolvedFunction function;
    private final LambdaClient invokeClient;
    private final Invoker invoker;
    private final VerifySpec spec;
    private final AliasState aliasState;

    private AwsTargetSession(AwsClientFactory clients, ResolvedFunction function, LambdaClient invokeClient,
                             Invoker invoker, VerifySpec spec) {
        this.clients = clients;
        this.function = function;
        this.invokeClient = invokeClient;
        this.invoker = invoker;
        this.spec = spec;
        this.aliasState = function.alias() ? new AliasState(function.functionName(), function.qualifier(),
                function.version(), function.aliasRevisionId(), function.routingWeights()) : null;
    }

    /** Resolves the function; closes the clients again when that fails. */
    static AwsTargetSession open(VerifySpec spec, AwsClientFactory clients) {
        try {
            ResolvedFunction function = new FunctionResolver(clients).resolve(spec.target());
            Duration timeout = TargetSession.timeoutFor(function.timeoutSeconds());
            // Invoke gets its own client: throttling retried, nothing else, read timeout >= the function's.
            LambdaClient invokeClient = clients.newLambdaClient(InvokeRetryPolicy.clientOverrideConfiguration(), timeout);
            SdkFunctionTransport transport = new SdkFunctionTransport(invokeClient,
                    function.functionArn() != null ? function.functionArn() : function.functionName(),
                    function.qualifier());
            Invoker invoker = LambdaEventInvoker.of(spec.target().effectiveEventFormat(),
                    EventContext.forRegion(function.region()), transport);
            return new AwsTargetSession(clients, function, invokeClient, invoker, spec);
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
    }

    @Override
    public TargetInfo info() {
        return function.toTargetInfo();
    }

    @Override
    public Invoker invoker() {
        return invoker;
    }

    @Override
    public Duration defaultTimeout() {
        return TargetSession.timeoutFor(function.timeoutSeconds());
    }

    @Override
    public String runtime() {
        return function.runtime();
    }

    @Override
    public LogSource logSource() {
        return new CloudWatchLogSource(clients.logs(), SettlePolicy.from(spec.logScan()));
    }

    @Override
    public LogQuery logQuery(Instant started, Instant finished) {
        String group = spec.logScan().logGroup() != null ? spec.logScan().logGroup() : function.logGroup();
        return LogQuery.forVerification(group, started, finished, function.versions(), LogQuery.DEFAULT_CLOCK_SKEW,
                spec.logScan().settle());
    }

    @Override
    public AliasRollback aliasRollback() {
        if (aliasState == null) {
            return null;
        }
        // Not the discovery client: it retries 5xx and I/O errors, and a second UpdateAlias after one that AWS
        // applied but whose answer was lost would fail its RevisionId check and be reported as someone else's change.
        // Only throttling (refused, so not applied) is retried.
        return new AliasRollback(clients.newLambdaClient(InvokeRetryPolicy.clientOverrideConfiguration().toBuilder()
                .apiCallTimeout(spec.rollback().timeout()).build(), null));
    }

    @Override
    public AliasState aliasState() {
        return aliasState;
    }

    @Override
    public CloudFormationClient cloudFormation() {
        return clients.cloudFormation();
    }

    @Override
    public void close() {
        invoker.close();
        invokeClient.close();
        clients.close();
    }
}
