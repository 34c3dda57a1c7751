package io.jenkins.plugins.lambdaverify.run;

import io.jenkins.plugins.lambdaverify.aws.AwsClientFactory;
import io.jenkins.plugins.lambdaverify.aws.AwsClientOptions;
import io.jenkins.plugins.lambdaverify.aws.AwsSettings;
import io.jenkins.plugins.lambdaverify.spec.Mode;
import io.jenkins.plugins.lambdaverify.spec.SourceLocation;
import io.jenkins.plugins.lambdaverify.spec.SpecException;
import io.jenkins.plugins.lambdaverify.spec.TargetSpec;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;

/** Opens the session for a spec's mode, after checking that the target says enough to find the function. */
final class TargetSessions {
    private TargetSessions() {
    }

    static TargetSession open(VerifySpec spec, RunContext ctx, AwsClientOptions options) {
        TargetSpec t = spec.target();
        Mode mode = t.effectiveMode();
        requireEnough(spec, mode);
        return switch (mode) {
            case HTTP -> new HttpTargetSession(t.baseUrl());
            case LOCAL -> LocalTargetSession.open(spec, ctx);
            case LAMBDA -> AwsTargetSession.open(spec, AwsClientFactory.create(awsSettings(t, ctx.aws()), options));
        };
    }

    /** The target's region, profile and endpoint (file or flags) over the front end's settings. */
    static AwsSettings awsSettings(TargetSpec t, AwsSettings base) {
        return base.withTarget(t.region() != null ? t.region() : base.region(),
                t.profile() != null ? t.profile() : base.profile(),
                t.endpointUrl() != null ? t.endpointUrl() : base.endpointUrl());
    }

    private static void requireEnough(VerifySpec spec, Mode mode) {
        TargetSpec t = spec.target();
        SourceLocation at = new SourceLocation(spec.source(), 0, 0);
        switch (mode) {
            case HTTP -> {
                if (t.baseUrl() == null) {
                    throw new SpecException(at, "missing target: http mode needs target.baseUrl (or --base-url)");
                }
            }
            case LAMBDA -> {
                boolean byStack = t.stack() != null || t.logicalId() != null;
                if (byStack && (t.stack() == null || t.logicalId() == null)) {
                    throw new SpecException(at, "target.stack and target.logicalId go together: give both "
                            + "(--stack and --logical-id)");
                }
                if (t.function() == null && !byStack && t.namePrefix() == null && t.nameRegex() == null) {
                    throw new SpecException(at, "missing target: set target.function (or stack + logicalId, "
                            + "namePrefix or nameRegex) in the config, or pass --function");
                }
            }
            case LOCAL -> {
                if (t.function() == null && t.artifact() == null) {
                    throw new SpecException(at, "missing target: local mode needs target.function (the SAM logical id) "
                            + "or target.artifact with handler and runtime");
                }
            }
        }
    }
}
