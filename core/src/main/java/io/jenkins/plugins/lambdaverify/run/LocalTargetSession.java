package io.jenkins.plugins.lambdaverify.run;

import io.jenkins.plugins.lambdaverify.invoke.Invoker;
import io.jenkins.plugins.lambdaverify.invoke.LambdaEventInvoker;
import io.jenkins.plugins.lambdaverify.invoke.event.EventContext;
import io.jenkins.plugins.lambdaverify.local.LocalFunctionConfig;
import io.jenkins.plugins.lambdaverify.local.LocalFunctionTransport;
import io.jenkins.plugins.lambdaverify.local.LocalLogBuffer;
import io.jenkins.plugins.lambdaverify.local.LocalLogSource;
import io.jenkins.plugins.lambdaverify.local.LocalRuntime;
import io.jenkins.plugins.lambdaverify.local.LocalTargetResolver;
import io.jenkins.plugins.lambdaverify.logs.LogQuery;
import io.jenkins.plugins.lambdaverify.logs.LogSource;
import io.jenkins.plugins.lambdaverify.result.TargetInfo;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** The built artifact run by a local runtime: no AWS, logs captured from the processes. */
final class LocalTargetSession implements TargetSession {
    private final LocalFunctionTransport transport;
    private final LocalLogBuffer logs;
    private final Invoker invoker;
    private final LocalFunctionConfig config;

    private LocalTargetSession(LocalFunctionConfig config, LocalFunctionTransport transport, LocalLogBuffer logs,
                               Invoker invoker) {
        this.config = config;
        this.transport = transport;
        this.logs = logs;
        this.invoker = invoker;
    }

    static LocalTargetSession open(VerifySpec spec, RunContext ctx) {
        LocalFunctionConfig config = LocalTargetResolver.resolve(spec.target(), ctx.workDir());
        LocalLogBuffer logs = new LocalLogBuffer();
        // Warm processes: as many as checks may run at once, within reason for a build machine.
        int pool = Math.max(1, Math.min(spec.execution().concurrency(), 4));
        LocalFunctionTransport transport = LocalRuntime.onPath().open(config, logs, pool);
        String mismatch = transport.versionMismatch();
        if (mismatch != null) {
            ctx.listener().info("warning: " + mismatch);
        }
        Invoker invoker = LambdaEventInvoker.of(spec.target().effectiveEventFormat(),
                EventContext.forRegion(config.region()), transport);
        return new LocalTargetSession(config, transport, logs, invoker);
    }

    @Override
    public TargetInfo info() {
        return new TargetInfo("local:" + config.functionName(), config.functionName(), null, "$LATEST", "$LATEST",
                null, config.region(), config.runtime(), (int) config.timeout().toSeconds(), null);
    }

    @Override
    public Invoker invoker() {
        return invoker;
    }

    @Override
    public Duration defaultTimeout() {
        return config.timeout().plusSeconds(5);
    }

    @Override
    public String runtime() {
        return config.runtime();
    }

    @Override
    public LogSource logSource() {
        return new LocalLogSource(logs);
    }

    @Override
    public LogQuery logQuery(Instant started, Instant finished) {
        return LogQuery.forVerification("/aws/lambda/" + config.functionName(), started, finished,
                Set.of("$LATEST"), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }



    @Override
    public void close() {
        invoker.close();
        transport.close();
    }
}
