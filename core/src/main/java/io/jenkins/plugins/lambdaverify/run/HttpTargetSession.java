package io.jenkins.plugins.lambdaverify.run;

import io.jenkins.plugins.lambdaverify.invoke.HttpInvoker;
import io.jenkins.plugins.lambdaverify.invoke.Invoker;
import io.jenkins.plugins.lambdaverify.logs.LogQuery;
import io.jenkins.plugins.lambdaverify.logs.LogSource;
import io.jenkins.plugins.lambdaverify.result.TargetInfo;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** Plain HTTP to a base URL: no AWS calls, so no log scan and no alias rollback. */
final class HttpTargetSession implements TargetSession {
    private final HttpInvoker invoker;

    HttpTargetSession(String baseUrl) {
        this.invoker = new HttpInvoker(URI.create(baseUrl));
    }

    @Override
    public TargetInfo info() {
        return TargetInfo.described(invoker.describe());
    }

    @Override
    public Invoker invoker() {
        return invoker;
    }

    @Override
    public Duration defaultTimeout() {
        return TargetSession.timeoutFor(null);
    }

    @Override
    public String runtime() {
        return null;
    }

    @Override
    public LogSource logSource() {
        return null;
    }

    @Override
    public LogQuery logQuery(Instant started, Instant finished) {
        return null;
    }



    @Override
    public void close() {
        invoker.close();
    }
}
